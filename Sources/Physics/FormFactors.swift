/// Vector and scalar form factors of K+ → π0 l+ ν, normalised to f₊(0) = 1.
///
/// Quadratic expansion in t/m_π+² (PDG convention, "K_l3± form factors" review):
///
///     f₊(t) = 1 + λ'₊ t/m_π+² + ½ λ''₊ t²/m_π+⁴
///     f₀(t) = 1 + λ₀ t/m_π+²
///
/// Parameters: NA48/2, "Measurement of the form factors of charged kaon semileptonic decays",
/// JHEP 10 (2018) 150, arXiv:1808.09041, combined K_e3 + K_μ3 quadratic fit, converted to the
/// PDG convention (λ''₊ᴾᴰᴳ = 2 λ''₊ᴺᴬ⁴⁸); values rounded to the precision that matters here —
/// production rates below 200 MeV move by < 1 % for any sensible parametrisation.
/// f₋ follows from f₀: f₋(t) = (f₀ − f₊)(m_K² − m_π²)/t.
public struct KaonFormFactors: Sendable, Equatable {
    /// Slope λ'₊ of f₊ (dimensionless, in units of t/m_π+²).
    public var vectorSlope: Double
    /// Curvature λ''₊ of f₊ (PDG convention: enters as ½ λ''₊).
    public var vectorCurvature: Double
    /// Slope λ₀ of f₀.
    public var scalarSlope: Double

    public init(vectorSlope: Double, vectorCurvature: Double, scalarSlope: Double) {
        self.vectorSlope = vectorSlope
        self.vectorCurvature = vectorCurvature
        self.scalarSlope = scalarSlope
    }

    /// NA48/2 2018 (arXiv:1808.09041), PDG convention.
    public static let na48 = KaonFormFactors(vectorSlope: 24.0e-3, vectorCurvature: 1.8e-3, scalarSlope: 14.5e-3)

    /// f₊(t)/f₊(0) at momentum transfer t = (p_K − p_π)² [GeV²].
    @inlinable
    public func vector(tGeV2: Double) -> Double {
        let x = tGeV2 / (PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV)
        return 1 + vectorSlope * x + 0.5 * vectorCurvature * x * x
    }

    /// f₀(t)/f₊(0) at momentum transfer t [GeV²].
    @inlinable
    public func scalar(tGeV2: Double) -> Double {
        let x = tGeV2 / (PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV)
        return 1 + scalarSlope * x
    }
}
