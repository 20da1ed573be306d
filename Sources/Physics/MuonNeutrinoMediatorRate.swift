import Quadrature

/// The differential rate of K+ → μ+ ν_μ X, X a light invisible mediator radiated by the lepton
/// line of K+ → μ+ ν_μ (Krnjaic, Marques-Tavares, Redigolo, Tobioka, PRL 124 (2020) 041802,
/// with the effective vertex G_F V_us f_K p_K^α ū_ν γ_α (1 − γ5) v_μ of K_μ2). The spin- and
/// polarisation-summed |M|² is derived in docs/physics.md §10.1 (traces in terms of
/// a = p_μ·p_ν, b = p_μ·k, c = p_ν·k); with C = G_F V_us f_K/√2 and coupling g_μ it is
/// C² g_μ² F(s, t), with
///
///     s = m²_miss = (p_ν + k)²,  t = (p_μ + k)²,  D_μ = t − m_μ²,  D_ν = s
///
/// and the three-body phase space dΓ = |M|² ds dt / (256 π³ m_K³) (PDG 2020 Eq. 49.22). Dividing
/// by Γ(K+ → μ+ ν) = C² m_μ² m_K (1 − m_μ²/m_K²)² / (4π) removes C:
///
///     B(K+ → μ+ ν X) / g_μ² = B(K+ → μ+ ν) ∫∫ F ds dt / [64 π² m_K⁴ m_μ² (1 − m_μ²/m_K²)²]
///
/// The true m²_miss spectrum lies in m_X² ≤ s ≤ (m_K − m_μ)² and vanishes at both ends (the t
/// range closes). Masses in GeV, s and t in GeV², F in GeV⁻² × (dimensionless) as written.
public struct MuonNeutrinoMediatorRate: Sendable {
    public let mediator: Mediator
    /// m_X [GeV], > 0 (the vector models are singular at m_X = 0: the longitudinal mode of
    /// `muon-vector`, the collinear ν emission of `vector`).
    public let mediatorMassGeV: Double

    static let kaonMass = PDG2020.kaonChargedMassGeV
    static let muonMass = PDG2020.muonMassGeV
    /// Gauss–Legendre in t at fixed s: F is a rational function of t without poles inside the
    /// Dalitz range (D_μ ≥ m_X² + 2 m_μ m_X > 0), so 24 nodes are exact to ~1e-12.
    static let tRule = GaussLegendre(points: 24)

    public init(mediator: Mediator, mediatorMassGeV: Double) {
        self.mediator = mediator
        self.mediatorMassGeV = mediatorMassGeV
    }

    /// The kinematic range of m²_miss [GeV²]: m_X² to (m_K − m_μ)².
    public var missingMassSquaredRangeGeV2: ClosedRange<Double> {
        let upper = (Self.kaonMass - Self.muonMass) * (Self.kaonMass - Self.muonMass)
        return min(mediatorMassGeV * mediatorMassGeV, upper)...upper
    }

    /// F(s, t): |M|² summed over spins and X polarisations, divided by C² g_μ² (docs/physics.md
    /// §10.1, Eqs. 10.3–10.6).
    public func matrixElementSquared(sGeV2 s: Double, tGeV2 t: Double) -> Double {
        let m = Self.muonMass, m2 = m * m, mX2 = mediatorMassGeV * mediatorMassGeV, mK2 = Self.kaonMass * Self.kaonMass
        let b = 0.5 * (t - m2 - mX2)          // p_μ·k
        let c = 0.5 * (s - mX2)               // p_ν·k
        let a = 0.5 * (mK2 - m2 - mX2) - b - c // p_μ·p_ν
        let dMu = t - m2, dNu = s
        switch mediator {
        case .scalar:
            // Eq. 10.3: 8 [m²(2bc − m_X² a) + 2A m² c + A² a] / D_μ², A = 2m² + D_μ.
            let bigA = 2 * m2 + dMu
            return 8 * (m2 * (2 * b * c - mX2 * a) + 2 * bigA * m2 * c + bigA * bigA * a) / (dMu * dMu)
        case .vector:
            // Eq. 10.5: −2 [T_μμ/D_μ² + T_νν/D_ν² + T_μν/(D_μ D_ν)].
            return -2 * (Self.muonTrace(a, b, c, m2: m2, mX2: mX2) / (dMu * dMu)
                         + Self.neutrinoTrace(a, b, c, m2: m2, mX2: mX2) / (dNu * dNu)
                         + Self.interferenceTrace(a, b, c, m2: m2, mX2: mX2) / (dMu * dNu))
        case .muonVector:
            // Eq. 10.6: −2 T_μμ/D_μ² + |k·M|²/m_X², |k·M|² = 8 [2 (p_ν·p_K)(p_μ·p_K) − m_K² a].
            let nuK = a + c, muK = m2 + a + b
            let longitudinal = 8 * (2 * nuK * muK - mK2 * a)
            return -2 * Self.muonTrace(a, b, c, m2: m2, mX2: mX2) / (dMu * dMu) + longitudinal / mX2
        }
    }

    /// T_μμ = Tr[p̸_ν (mP̸ − P²)(−2p̸_μ − 4m)(mP̸ − P²)], P = p_μ + k (Eq. 10.4).
    static func muonTrace(_ a: Double, _ b: Double, _ c: Double, m2: Double, mX2: Double) -> Double {
        -8 * (4 * a * b * b - 4 * a * b * m2 + 4 * a * b * mX2 - 2 * a * m2 * m2 - 3 * a * m2 * mX2 + a * mX2 * mX2
              - 6 * b * c * m2 - 2 * c * m2 * m2 - 4 * c * m2 * mX2)
    }

    /// T_νν = −2 Tr[p̸_ν (Q² − mQ̸)(p̸_μ − m)(Q² − mQ̸)], Q = p_ν + k (Eq. 10.4).
    static func neutrinoTrace(_ a: Double, _ b: Double, _ c: Double, m2: Double, mX2: Double) -> Double {
        -8 * (4 * a * c * c + 4 * a * c * mX2 - a * m2 * mX2 + a * mX2 * mX2 + 2 * b * c * m2 + 4 * c * c * m2 + 2 * c * m2 * mX2)
    }

    /// T_μν: the two interference traces (Eq. 10.4).
    static func interferenceTrace(_ a: Double, _ b: Double, _ c: Double, m2: Double, mX2: Double) -> Double {
        -16 * (2 * a * a * m2 - 4 * a * b * c + 2 * a * b * m2 - 2 * a * b * mX2 + 4 * a * c * m2 - 2 * a * c * mX2
               + a * m2 * mX2 - a * mX2 * mX2 + 4 * c * c * m2 - c * m2 * m2 + c * m2 * mX2)
    }

    /// The Dalitz range of t = (p_μ + k)² at fixed s = (p_ν + k)² (PDG 2020 Eq. 49.23, in the
    /// ν X rest frame); empty outside the kinematic range of s.
    public func tRangeGeV2(sGeV2 s: Double) -> ClosedRange<Double>? {
        let m = Self.muonMass, mX = mediatorMassGeV, mK = Self.kaonMass
        guard s > 0, missingMassSquaredRangeGeV2.contains(s) else { return nil }
        let rootS = s.squareRoot()
        let eMu = (mK * mK - s - m * m) / (2 * rootS)
        let eX = (s + mX * mX) / (2 * rootS)
        let pMu = max(0, eMu * eMu - m * m).squareRoot(), pX = max(0, eX * eX - mX * mX).squareRoot()
        let sum = (eMu + eX) * (eMu + eX)
        return (sum - (pMu + pX) * (pMu + pX))...(sum - (pMu - pX) * (pMu - pX))
    }

    /// ∫ F(s, t) dt [GeV² · F]: the unnormalised dΓ/ds up to the constant of the type comment;
    /// zero outside the kinematic range.
    public func unnormalisedDensity(sGeV2 s: Double) -> Double {
        guard let range = tRangeGeV2(sGeV2: s), range.upperBound > range.lowerBound else { return 0 }
        return Self.tRule.integrate(from: range.lowerBound, to: range.upperBound) { matrixElementSquared(sGeV2: s, tGeV2: $0) }
    }

    /// B(K+ → μ+ ν X)/g_μ² (type comment), the s integral by `EndpointQuadrature` (the density
    /// vanishes like a square root at both ends; the 1/s of `vector` at small m_X is handled in
    /// ln(s − m_X² + …) by 64 panels of the endpoint rule).
    public var branchingFractionPerCouplingSquared: Double {
        let range = missingMassSquaredRangeGeV2
        let m = Self.muonMass, mK = Self.kaonMass, x = m * m / (mK * mK)
        let integral = MissingMassSpectrum.integrate(from: range.lowerBound, to: range.upperBound) { unnormalisedDensity(sGeV2: $0) }
        return PDG2020.branchingKaonToMuonNeutrino * integral / (64 * Double.pi * Double.pi * mK * mK * mK * mK * m * m * (1 - x) * (1 - x))
    }

    /// The normalised true m²_miss spectrum, dΓ/ds / Γ (`MissingMassSpectrum`); nil when m_X is
    /// not inside (0, m_K − m_μ).
    public func spectrum(binCount: Int = MissingMassSpectrum.defaultBinCount) -> MissingMassSpectrum? {
        guard mediatorMassGeV > 0, mediatorMassGeV < Self.kaonMass - Self.muonMass else { return nil }
        return MissingMassSpectrum(rangeGeV2: missingMassSquaredRangeGeV2, binCount: binCount) { unnormalisedDensity(sGeV2: $0) }
    }
}
