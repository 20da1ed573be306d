import Quadrature

/// The Standard-Model differential rate of K+ → μ+ ν_μ ν ν̄ at leading order: second order in
/// G_F, leading order in chiral perturbation theory (the process of Gorbunov, Mitrofanov,
/// JHEP 10 (2016) 039, arXiv:1605.08077, seed 000 ref. [8]; B_SM = 1.62×10⁻¹⁶). The amplitude is
/// derived in docs/physics.md §10.4; in short, with N_α = ū(p₃)γ_α(1 − γ5)v(p₄) the current of
/// the ν_l ν̄_l pair and C = G_F² V_us f_K / 2,
///
///     M_l = C N_α ū(p_ν) X_l^α v(p_μ)                                               (10.9)
///     X_l^α = L_l γ^α(1 − γ5) − (m/q²) γ^α q̸ (1 + γ5)
///           + [−z_L m² γ^α(1 − γ5) + m z_R k̸ γ^α (1 + γ5)] / (k² − m²)
///           − m z_K (2p_K − P)^α (1 + γ5) / ((p_K − P)² − m_K²)                     (10.10)
///
/// q = p_K − p_μ (q² = m²_miss), P = p₃ + p₄, k = p_μ + P, m = m_μ; Z charges z_L = −1 + 2 s_W²,
/// z_R = 2 s_W² (muon), z_K = 1 − 2 s_W² (K+). The local coefficient is L_τ = 2 for the ν_τ pair
/// (the τ is integrated out, O(q²/m_τ²)) and L_e = L_μ = 0 (the W exchange through a light
/// virtual lepton cancels the Z's local term: §10.4). The pair is integrated analytically,
/// ∫dΦ₂ Σ N_α N_β* = (P_α P_β − P² g_αβ)/(3π), the rest numerically in the three-neutrino frame.
/// C is removed with Γ(K+ → μ+ ν) = (G_F V_us f_K)² m_K m² (1 − m²/m_K²)² / (8π). Units: GeV.
public enum MuonThreeNeutrinoRate {
    static let kaonMass = PDG2020.kaonChargedMassGeV
    static let muonMass = PDG2020.muonMassGeV
    /// Nodes per variable of the inner integral (pair mass² and ν_μ polar angle): the integrand
    /// is a smooth rational function there (no propagator vanishes inside).
    static let innerRule = GaussLegendre(points: 6)
    /// Nodes of the outer q² integral of the total rate: the density is smooth and vanishes like
    /// a square root at the endpoint, so 32 nodes give it to 10⁻⁴ (the 200-bin spectrum agrees).
    static let totalRule = GaussLegendre(points: 32)

    /// The kinematic range of m²_miss = q² [GeV²]: 0 to (m_K − m_μ)².
    public static var missingMassSquaredRangeGeV2: ClosedRange<Double> {
        0...((kaonMass - muonMass) * (kaonMass - muonMass))
    }

    /// The Z charges (docs/physics.md §10.4, Eq. 10.11).
    struct Charges {
        var left: Double, right: Double, kaon: Double
        init(sineSquared s2: Double) { left = -1 + 2 * s2; right = 2 * s2; kaon = 1 - 2 * s2 }
    }

    /// W(q², s, cos θ) = Σ_spins (P_α P_β − P² g_αβ) X^α X^β* for local coefficient `local`, in
    /// the q rest frame with the muon along +z and the ν_μ at polar angle θ; s = P².
    static func contracted(q2: Double, pairMass2 s: Double, cosTheta: Double, local: Double,
                           muonMassGeV m: Double = muonMass, sineSquared: Double = PDG2020.weakMixingSineSquared) -> Double {
        let z = Charges(sineSquared: sineSquared)
        let mK = kaonMass, m2 = m * m, rootQ = q2.squareRoot()
        let lambda = (mK * mK - m2 - q2) * (mK * mK - m2 - q2) - 4 * m2 * q2
        let pMu = max(0, lambda).squareRoot() / (2 * rootQ)
        let eMu = (pMu * pMu + m2).squareRoot()
        let eNu = (q2 - s) / (2 * rootQ)
        let sinTheta = max(0, 1 - cosTheta * cosTheta).squareRoot()
        let muon = (eMu, 0.0, 0.0, pMu)
        let neutrino = (eNu, eNu * sinTheta, 0.0, eNu * cosTheta)
        let pair = (rootQ - eNu, -neutrino.1, 0.0, -neutrino.3)
        let kaon = (rootQ + eMu, 0.0, 0.0, pMu)
        let k = (eMu + pair.0, pair.1, 0.0, pMu + pair.3)
        let q = (rootQ, 0.0, 0.0, 0.0)
        let k2 = k.0 * k.0 - k.1 * k.1 - k.3 * k.3
        let kaonLine = s - 2 * (kaon.0 * pair.0 - kaon.1 * pair.1 - kaon.3 * pair.3)   // (p_K − P)² − m_K²
        let c1 = local - z.left * m2 / (k2 - m2)
        let c2 = -m / q2
        let c3 = m * z.right / (k2 - m2)
        let c4 = -m * z.kaon / kaonLine
        let vector = (2 * kaon.0 - pair.0, 2 * kaon.1 - pair.1, 0.0, 2 * kaon.3 - pair.3)   // (2p_K − P)^α
        let metric = [1.0, -1, -1, -1]
        let pairLower = [pair.0, -pair.1, -pair.2, -pair.3]
        var sum = 0.0
        for i in 0..<2 {
            // u = p̸_ν e_i / √E_ν: Σ u ū = p̸_ν (docs/physics.md §10.4).
            let u = (1 / eNu.squareRoot()) * DiracSpinor.unit(i).slashed(neutrino)
            for j in 2..<4 {
                // v = (m − p̸_μ) e_j / √(E_μ + m): Σ v v̄ = p̸_μ − m.
                let e = DiracSpinor.unit(j)
                let v = (1 / (eMu + m).squareRoot()) * (m * e + (-1) * e.slashed(muon))
                let left = v.chiral(-1), right = v.chiral(1)
                let qRight = right.slashed(q)
                let scalar = u.barTimes(right)
                var x = [(Double, Double)](repeating: (0, 0), count: 4)
                for a in 0..<4 {
                    let t1 = u.barTimes(left.gamma(a))
                    let t2 = u.barTimes(qRight.gamma(a))
                    let t3 = u.barTimes(right.gamma(a).slashed(k))
                    let va = [vector.0, vector.1, vector.2, vector.3][a]
                    x[a] = (c1 * t1.0 + c2 * t2.0 + c3 * t3.0 + c4 * va * scalar.0,
                            c1 * t1.1 + c2 * t2.1 + c3 * t3.1 + c4 * va * scalar.1)
                }
                var pxRe = 0.0, pxIm = 0.0, xx = 0.0
                for a in 0..<4 {
                    pxRe += pairLower[a] * x[a].0
                    pxIm += pairLower[a] * x[a].1
                    xx += metric[a] * (x[a].0 * x[a].0 + x[a].1 * x[a].1)
                }
                sum += pxRe * pxRe + pxIm * pxIm - s * xx
            }
        }
        return sum
    }

    /// dΓ/dm²_miss / C² [GeV⁻⁴ · GeV⁴ …] for local coefficient `local`: the phase space
    /// dΦ₄ = dΦ₂(K → μ q) dq²/2π dΦ₂(q → ν P) dP²/2π dΦ₂(P → ν ν̄) (PDG 2020 Eq. 49.21) over 2m_K.
    static func density(q2: Double, local: Double, muonMassGeV m: Double = muonMass, sineSquared: Double = PDG2020.weakMixingSineSquared) -> Double {
        let mK = kaonMass
        let lambda = (mK * mK - m * m - q2) * (mK * mK - m * m - q2) - 4 * m * m * q2
        guard q2 > 0, lambda > 0 else { return 0 }
        var inner = 0.0
        for (s, ws) in innerRule.mapped(to: 0, q2) {
            var angular = 0.0
            for (c, wc) in innerRule.mapped(to: -1, 1) {
                angular += wc * 0.5 * contracted(q2: q2, pairMass2: s, cosTheta: c, local: local, muonMassGeV: m, sineSquared: sineSquared)
            }
            inner += ws / (2 * Double.pi) * (q2 - s) / (8 * Double.pi * q2) * angular / (3 * Double.pi)
        }
        return 1 / (2 * mK) * lambda.squareRoot() / (8 * Double.pi * mK * mK) / (2 * Double.pi) * inner
    }

    /// dΓ/dm²_miss summed over the three pair flavours, over C²: e and μ with L = 0, τ with L = 2.
    public static func unnormalisedDensity(sGeV2 q2: Double) -> Double {
        2 * density(q2: q2, local: 0) + density(q2: q2, local: 2)
    }

    /// C² / Γ(K+ → μ+ ν) × B(K+ → μ+ ν) = B(K+ → μ+ ν) · 2π G_F² / (m_K m² (1 − m²/m_K²)²) [GeV⁻⁵]:
    /// multiplies a rate over C² to give a branching fraction.
    static var branchingPerRateOverC2: Double {
        let m = muonMass, mK = kaonMass, x = m * m / (mK * mK), g = PDG2020.fermiConstantPerGeV2
        return PDG2020.branchingKaonToMuonNeutrino * 2 * Double.pi * g * g / (mK * m * m * (1 - x) * (1 - x))
    }

    /// B_SM(K+ → μ+ ν ν ν̄) from Eq. 10.9 (docs/physics.md §10.4: 1.49×10⁻¹⁶ against the
    /// paper's 1.62×10⁻¹⁶).
    public static let branchingFraction: Double = {
        let range = missingMassSquaredRangeGeV2
        return branchingPerRateOverC2 * totalRule.integrate(from: range.lowerBound, to: range.upperBound) { unnormalisedDensity(sGeV2: $0) }
    }()

    /// Bins of the stored true spectrum: 200 sin²-mapped bins, the widest (m_K − m_μ)² π/400 ≈
    /// 1.2×10⁻³ GeV², below the 1.5×10⁻³ GeV² resolution it is smeared with.
    public static let spectrumBinCount = 200

    /// The normalised true m²_miss spectrum dΓ/dm²_miss / Γ, computed once per process.
    public static let spectrum: MissingMassSpectrum = MissingMassSpectrum(rangeGeV2: missingMassSquaredRangeGeV2, binCount: spectrumBinCount) {
        unnormalisedDensity(sGeV2: $0)
    }!
}
