import Quadrature
/// Three-body production K+ → π0 l+ N of a heavy neutral lepton N mixing with flavour l.
///
/// Seed 001 (Tastet et al. 2021) Sec. II, following Gorbunov & Shaposhnikov, JHEP 10 (2007) 015
/// (arXiv:0705.1729) and Bondarenko et al., JHEP 11 (2018) 032 (arXiv:1805.08567), appendix on
/// semileptonic meson decays. With the hadronic current H = f₊(q²)(p_K + p_π) + f₋(q²)(p_K − p_π)
/// and the spin-summed |M|² ∝ 2(H·p_N)(H·p_l) − H²(p_N·p_l), integrating over the lepton angles
/// at fixed q² = (p_l + p_N)² gives (docs/physics.md §3.2)
///
///     dΓ/dq² = G_F² |V_us f₊(0)|² C_K² / (384 π³ m_K³) · λ_h^{1/2} λ_l^{1/2} / q⁴
///              · { f₊² λ_h [2q² − Σ − Δ²/q²] + 3 (m_K² − m_π²)² f₀² [Σ − Δ²/q²] }
///     λ_h = λ(m_K², m_π², q²),  λ_l = λ(q², m_l², m_N²),  Σ = m_N² + m_l²,  Δ = m_N² − m_l²,
///     q² ∈ [(m_l + m_N)², (m_K − m_π)²],   C_K² = ½ for K+ → π0,
///
/// with f₊, f₀ normalised to f₊(0) = 1 (`KaonFormFactors`). For m_N = 0 this is the textbook
/// K_l3 rate (PDG review "K_l3± form factors"). The production rate is normalised to the
/// measured K_l3 branching fraction, which absorbs |V_us f₊(0)| and the corrections the formula
/// omits (short-distance electroweak S_EW, K+π0 isospin breaking, long-distance electromagnetic):
///
///     B(K+ → π0 l+ N)/|U_l|² = B(K+ → π0 l+ ν) · Γ(m_N)/Γ(0).
///
/// The q² integral uses `EndpointQuadrature.standard` in ln q²: Gauss–Legendre after the
/// substitution ln q² = ln a + (ln b − ln a) sin²θ, which removes the λ^{1/2} behaviour at both
/// ends and the near-pole of 1/q⁴ at q² = 0 just below a = (m_l + m_N)². 32 evaluations per
/// width, relative accuracy better than 1e-9 at every mass (tested against a 1024-node rule),
/// a few microseconds per branching fraction (two widths).
public enum SemileptonicProduction {
    /// C_K² = ½: the π0 = (uū − dd̄)/√2 content of the K+ → π0 current (seed 001 Sec. II).
    public static let isospinFactorSquared = 0.5

    /// Measured B(K+ → π0 l+ ν) (PDG 2020): the normalisation of the HNL rate.
    public static func measuredBranching(flavour: LeptonFlavour) -> Double {
        flavour == .electron ? PDG2020.branchingKe3 : PDG2020.branchingKmu3
    }

    /// Allowed q² = (p_l + p_N)² [GeV²]: (m_l + m_N)² … (m_K − m_π0)²; nil for a negative
    /// mass or when the channel is closed (m_N ≥ m_K − m_π0 − m_l).
    public static func q2RangeGeV2(flavour: LeptonFlavour, massGeV: Double) -> ClosedRange<Double>? {
        guard massGeV >= 0 else { return nil }
        let lower = (flavour.massGeV + massGeV) * (flavour.massGeV + massGeV)
        let hadronicGap = PDG2020.kaonChargedMassGeV - PDG2020.pionNeutralMassGeV
        let upper = hadronicGap * hadronicGap
        return lower < upper ? lower...upper : nil
    }

    /// dΓ(K+ → π0 l+ N)/dq² [GeV⁻¹] per unit |U_l|², absolute (G_F |V_us f₊(0)| from PDG 2020);
    /// zero outside the allowed q² range.
    public static func differentialWidthPerGeV2(
        flavour: LeptonFlavour, massGeV: Double, q2GeV2: Double, formFactors: KaonFormFactors = .na48
    ) -> Double {
        guard let range = q2RangeGeV2(flavour: flavour, massGeV: massGeV), range.contains(q2GeV2) else { return 0 }
        return widthPrefactorPerGeV3
            * reducedRateGeV6(leptonMassGeV: flavour.massGeV, neutralMassGeV: massGeV, q2GeV2: q2GeV2, formFactors: formFactors)
    }

    /// Γ(K+ → π0 l+ N) [GeV] per unit |U_l|² from G_F |V_us f₊(0)| alone: a cross-check, not the
    /// production rate. It omits S_EW = 1.0232 (Sirlin 1982) and the K+π0 corrections
    /// (1 + δ_SU2 + δ_EM)² ≈ 1.05 (FlaviaNet, EPJC 69 (2010) 399), so at m_N = 0 it falls ≈ 7.5 %
    /// short of the measured K_e3 width (the isospin part alone is ≈ 5 %; docs/physics.md §3.2).
    public static func widthGeV(
        flavour: LeptonFlavour, massGeV: Double, formFactors: KaonFormFactors = .na48,
        quadrature: EndpointQuadrature = .standard
    ) -> Double {
        widthPrefactorPerGeV3
            * integratedRateGeV8(flavour: flavour, massGeV: massGeV, formFactors: formFactors, quadrature: quadrature)
    }

    /// B(K+ → π0 l+ N)/|U_l|² = B(K_l3) · Γ(m_N)/Γ(0) at HNL mass `massGeV`; zero at and beyond
    /// the endpoint m_K − m_π0 − m_l and for negative masses.
    public static func branchingFractionPerU2(
        flavour: LeptonFlavour, massGeV: Double, formFactors: KaonFormFactors = .na48,
        quadrature: EndpointQuadrature = .standard
    ) -> Double {
        let massive = integratedRateGeV8(flavour: flavour, massGeV: massGeV, formFactors: formFactors, quadrature: quadrature)
        guard massive > 0 else { return 0 }
        let massless = integratedRateGeV8(flavour: flavour, massGeV: 0, formFactors: formFactors, quadrature: quadrature)
        return measuredBranching(flavour: flavour) * massive / massless
    }

    // MARK: - The rate without its constant prefactor

    /// G_F² |V_us f₊(0)|² C_K² / (384 π³ m_K³) [GeV⁻⁷].
    static var widthPrefactorPerGeV3: Double {
        let gF = PDG2020.fermiConstantPerGeV2
        let vusF0 = PDG2020.formFactorTimesVus
        let mK = PDG2020.kaonChargedMassGeV
        return gF * gF * vusF0 * vusF0 * isospinFactorSquared / (384 * Double.pi * Double.pi * Double.pi * mK * mK * mK)
    }

    /// ∫ dq² of `reducedRateGeV6` over the allowed range [GeV⁸]; zero if the channel is closed.
    static func integratedRateGeV8(
        flavour: LeptonFlavour, massGeV: Double, formFactors: KaonFormFactors, quadrature: EndpointQuadrature
    ) -> Double {
        guard let range = q2RangeGeV2(flavour: flavour, massGeV: massGeV) else { return 0 }
        let leptonMassGeV = flavour.massGeV
        return quadrature.integrateInLogarithm(from: range.lowerBound, to: range.upperBound) { q2 in
            reducedRateGeV6(leptonMassGeV: leptonMassGeV, neutralMassGeV: massGeV, q2GeV2: q2, formFactors: formFactors)
        }
    }

    /// λ_h^{1/2} λ_l^{1/2} / q⁴ · { f₊² λ_h [2q² − Σ − Δ²/q²] + 3 (m_K² − m_π²)² f₀² [Σ − Δ²/q²] }
    /// [GeV⁶]: dΓ/dq² divided by the constant prefactor. The Källén functions are taken in their
    /// factorised form λ(q², m₁², m₂²) = [q² − (m₁ + m₂)²][q² − (m₁ − m₂)²], which (unlike the
    /// expanded sum) has no cancellation and is exactly zero at the phase-space edges; values
    /// pushed outside by rounding are clamped to zero.
    static func reducedRateGeV6(
        leptonMassGeV: Double, neutralMassGeV: Double, q2GeV2 q2: Double, formFactors: KaonFormFactors
    ) -> Double {
        let mK = PDG2020.kaonChargedMassGeV
        let mPi = PDG2020.pionNeutralMassGeV
        let lambdaHadronic = max(0, (q2 - (mK - mPi) * (mK - mPi)) * (q2 - (mK + mPi) * (mK + mPi)))
        let lepton = (sum: leptonMassGeV + neutralMassGeV, difference: leptonMassGeV - neutralMassGeV)
        let lambdaLeptonic = max(0, (q2 - lepton.sum * lepton.sum) * (q2 - lepton.difference * lepton.difference))
        let ml2 = leptonMassGeV * leptonMassGeV
        let mN2 = neutralMassGeV * neutralMassGeV
        let sigma = mN2 + ml2
        let delta = mN2 - ml2
        let deltaSquaredOverQ2 = delta * delta / q2
        let fPlus = formFactors.vector(tGeV2: q2)
        let fZero = formFactors.scalar(tGeV2: q2)
        let splitting = mK * mK - mPi * mPi
        let vector = fPlus * fPlus * lambdaHadronic * (2 * q2 - sigma - deltaSquaredOverQ2)
        let scalar = 3 * splitting * splitting * fZero * fZero * (sigma - deltaSquaredOverQ2)
        return (lambdaHadronic * lambdaLeptonic).squareRoot() / (q2 * q2) * (vector + scalar)
    }
}
