import Physics

/// What the radiative amplitude needs from the K_l3 form factors beyond f₊ and f₀:
/// f₋ and the divided differences [f(t) − f(t′)]/(t − t′) of the Ward-identity contact term.
///
/// All three are written out for the quadratic parametrisation of `KaonFormFactors`
/// (f₊ = 1 + λ'₊x + ½λ''₊x², f₀ = 1 + λ₀x, x = t/m_π+²), so they stay exact where the naive
/// quotients are 0/0 (t → 0 for f₋, t → t′ for soft photons).
extension KaonFormFactors {
    /// f₋(t) = (f₀ − f₊)(m_K² − m_π²)/t (docs/physics.md §3.3), with f₀ − f₊ = x(λ₀ − λ'₊ − ½λ''₊x)
    /// divided out analytically. `pionMassGeV`: the final-state pion (π0 for K+ → π0 l+ ν).
    @inlinable
    public func minus(tGeV2: Double, pionMassGeV: Double) -> Double {
        let mPiCharged2 = PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV
        let mK2 = PDG2020.kaonChargedMassGeV * PDG2020.kaonChargedMassGeV
        let x = tGeV2 / mPiCharged2
        return (mK2 - pionMassGeV * pionMassGeV) / mPiCharged2 * (scalarSlope - vectorSlope - 0.5 * vectorCurvature * x)
    }

    /// [f₊(t) − f₊(t′)]/(t − t′) = [λ'₊ + ½λ''₊(x + x′)]/m_π+²  [GeV⁻²].
    @inlinable
    public func vectorDividedDifference(_ tGeV2: Double, _ tPrimeGeV2: Double) -> Double {
        let mPiCharged2 = PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV
        return (vectorSlope + 0.5 * vectorCurvature * (tGeV2 + tPrimeGeV2) / mPiCharged2) / mPiCharged2
    }

    /// [f₋(t) − f₋(t′)]/(t − t′) = −½λ''₊(m_K² − m_π²)/m_π+⁴  [GeV⁻²] (independent of t, t′).
    @inlinable
    public func minusDividedDifference(pionMassGeV: Double) -> Double {
        let mPiCharged2 = PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV
        let mK2 = PDG2020.kaonChargedMassGeV * PDG2020.kaonChargedMassGeV
        return -0.5 * vectorCurvature * (mK2 - pionMassGeV * pionMassGeV) / (mPiCharged2 * mPiCharged2)
    }
}

/// f₊, f₋ and their divided differences as polynomials in t [GeV²], coefficients computed once
/// from `KaonFormFactors` (the generators evaluate them ~10⁷ times per second):
/// f₊ = 1 + a₁t + a₂t², f₋ = b₀ + b₁t, [f₊(t) − f₊(t′)]/(t − t′) = a₁ + a₂(t + t′),
/// [f₋(t) − f₋(t′)]/(t − t′) = b₁.
public struct FormFactorPolynomials: Sendable, Equatable {
    public let plusLinear: Double
    public let plusQuadratic: Double
    public let minusConstant: Double
    public let minusSlope: Double

    public init(_ formFactors: KaonFormFactors, pionMassGeV: Double) {
        let mPiCharged2 = PDG2020.pionChargedMassGeV * PDG2020.pionChargedMassGeV
        plusLinear = formFactors.vectorSlope / mPiCharged2
        plusQuadratic = 0.5 * formFactors.vectorCurvature / (mPiCharged2 * mPiCharged2)
        minusConstant = formFactors.minus(tGeV2: 0, pionMassGeV: pionMassGeV)
        minusSlope = formFactors.minusDividedDifference(pionMassGeV: pionMassGeV)
    }

    @inlinable public func plus(t: Double) -> Double { 1 + t * (plusLinear + t * plusQuadratic) }
    @inlinable public func minus(t: Double) -> Double { minusConstant + minusSlope * t }
    @inlinable public func plusDividedDifference(_ t: Double, _ tPrime: Double) -> Double {
        plusLinear + plusQuadratic * (t + tPrime)
    }
}
