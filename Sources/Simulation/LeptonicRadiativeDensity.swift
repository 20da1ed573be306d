import Foundation
import Physics

/// Closed-form Dalitz density of K+ → l+ ν γ: inner bremsstrahlung (IB), structure-dependent
/// emission (SD±) and their interference (INT±).
///
/// J. Bijnens, G. Ecker & J. Gasser, Nucl. Phys. B396 (1993) 81, Sec. 5 (also "Radiative
/// semileptonic kaon decays", DAΦNE Physics Handbook, hep-ph/9411311, Sec. 3, Eqs. for ρ(x, y)
/// and f_IB, f_SD±, f_INT±); the same form in KLOE, Eur. Phys. J. C 64 (2009) 627, Sec. 2. With
/// x = 2E*_γ/m_K, y = 2E*_l/m_K, r = m_l²/m_K², λ = x + y − 1 − r = 2 p_l·k/m_K²:
///
///     dΓ/dx dy = Γ(K → l ν) · α/(2π) · f(x, y)/(1 − r)²
///     f = f_IB + m_K²/(4 r f_K²) · [(F_V + F_A)² f_SD+ + (F_V − F_A)² f_SD−]
///              − m_K/f_K · [(F_V + F_A) f_INT+ + (F_V − F_A) f_INT−]
///
///     f_IB   = (1 − y + r)/(x² λ) · [x² + 2(1 − x)(1 − r) − 2x r (1 − r)/λ]
///     f_SD+  = λ [(x + y − 1)(1 − x) − r]
///     f_SD−  = (1 − y + r) [(1 − x)(1 − y) + r]
///     f_INT+ = (1 − y + r)/(x λ) · [(1 − x)(1 − x − y) + r]
///     f_INT− = (1 − y + r)/(x λ) · [x² − (1 − x)(1 − x − y) − r]
///
/// f_K ≈ 156 MeV (the f_π ≈ 130 MeV normalisation, in which Γ(K → l ν) =
/// G_F²|V_us|² f_K² m_K m_l² (1 − r)²/(8π)); F_V, F_A as in `KaonPhotonFormFactors`. So the SD
/// terms are G_F²|V_us|² α m_K⁵/(64π²) · [(F_V + F_A)² f_SD+ + (F_V − F_A)² f_SD−], free of the
/// helicity factor m_l² that suppresses IB and INT. With F_V, F_A > 0 in the chiral sign
/// convention of Bijnens et al., INT+ adds and INT− subtracts, the destructive interference
/// OKA and ISTRA+ observe in K+ → μ+ ν γ.
///
/// Physical region: 0 < x < 1 − r, r x/(1 − x) ≤ λ ≤ x; m²_miss = (p_ν + k)² = m_K² (1 − y + r)
/// = m_K² (x − λ). Everything below is written in (x, λ): 1 − y + r = x − λ, x + y − 1 = λ + r.
/// Tests: f_IB = |M_γ|²/(2 m_l²) with `RadiativeAmplitude.leptonic`; the SD+ branching fraction
/// of K+ → e+ ν γ at KLOE's cuts; limits and signs of each term (`LeptonicStructureTests`).
public enum LeptonicRadiativeDensity {
    /// f_IB(x, y) given x and λ = x + y − 1 − r.
    @inlinable
    public static func fIB(x: Double, lambda: Double, r: Double) -> Double {
        (x - lambda) / (x * x * lambda) * (x * x + 2 * (1 - x) * (1 - r) - 2 * x * r * (1 - r) / lambda)
    }

    /// f_SD+(x, y) = λ [(λ + r)(1 − x) − r]: hard photon, energetic lepton, small m²_miss.
    @inlinable
    public static func fSDPlus(x: Double, lambda: Double, r: Double) -> Double {
        lambda * ((lambda + r) * (1 - x) - r)
    }

    /// f_SD−(x, y) = (x − λ) [(1 − x)(x − λ − r) + r]: hard photon, soft lepton, large m²_miss.
    @inlinable
    public static func fSDMinus(x: Double, lambda: Double, r: Double) -> Double {
        (x - lambda) * ((1 - x) * (x - lambda - r) + r)
    }

    /// f_INT+(x, y) = (x − λ)/(x λ) · [r − (1 − x)(λ + r)] (≤ 0 on the physical region).
    @inlinable
    public static func fINTPlus(x: Double, lambda: Double, r: Double) -> Double {
        (x - lambda) / (x * lambda) * (r - (1 - x) * (lambda + r))
    }

    /// f_INT−(x, y) = (x − λ)/(x λ) · [x² + (1 − x)(λ + r) − r] (≥ 0 on the physical region).
    @inlinable
    public static func fINTMinus(x: Double, lambda: Double, r: Double) -> Double {
        (x - lambda) / (x * lambda) * (x * x + (1 - x) * (lambda + r) - r)
    }

    /// Coefficient m_K²/(4 r f_K²) of the SD terms relative to IB.
    @inlinable
    public static func structureCoefficient(r: Double) -> Double {
        let ratio = PDG2020.kaonChargedMassGeV / PDG2020.kaonDecayConstantGeV
        return ratio * ratio / (4 * r)
    }

    /// Coefficient m_K/f_K of the INT terms relative to IB (they enter with a minus sign).
    @inlinable
    public static var interferenceCoefficient: Double { PDG2020.kaonChargedMassGeV / PDG2020.kaonDecayConstantGeV }

    /// The five contributions to f(x, y), each with its form factors and coefficient, so that
    /// dΓ/dx dy = Γ(K → l ν) α/(2π) (ib + sdPlus + sdMinus + intPlus + intMinus)/(1 − r)².
    public struct Terms: Sendable, Equatable {
        public var ib: Double
        public var sdPlus: Double
        public var sdMinus: Double
        public var intPlus: Double
        public var intMinus: Double
        /// SD and INT together: what the structure of the kaon adds to IB.
        @inlinable public var structure: Double { sdPlus + sdMinus + intPlus + intMinus }
        @inlinable public var total: Double { ib + structure }
    }

    /// The contributions at (x, λ) for lepton mass ratio r and form factors `formFactors`.
    public static func terms(x: Double, lambda: Double, r: Double, formFactors: KaonPhotonFormFactors) -> Terms {
        let sum = formFactors.sum(x: x), difference = formFactors.difference(x: x)
        let sd = structureCoefficient(r: r), interference = interferenceCoefficient
        return Terms(ib: fIB(x: x, lambda: lambda, r: r),
                     sdPlus: sd * sum * sum * fSDPlus(x: x, lambda: lambda, r: r),
                     sdMinus: sd * difference * difference * fSDMinus(x: x, lambda: lambda, r: r),
                     intPlus: -interference * sum * fINTPlus(x: x, lambda: lambda, r: r),
                     intMinus: -interference * difference * fINTMinus(x: x, lambda: lambda, r: r))
    }

    /// The full f(x, y) = f_IB + SD + INT, written for the generator's hot loop (f_IB exactly
    /// as `fIB`, so that F_V = F_A = 0 returns it to the last bit).
    @inlinable @inline(__always)
    public static func full(x: Double, lambda: Double, r: Double, formFactors: KaonPhotonFormFactors,
                            structureCoefficient sd: Double, interferenceCoefficient interference: Double) -> Double {
        let sum = formFactors.sum(x: x), difference = formFactors.difference(x: x)
        let missing = x - lambda, lambdaR = lambda + r, oneMinusX = 1 - x
        let common = missing / (x * lambda)
        let ib = fIB(x: x, lambda: lambda, r: r)
        let sdPlus = lambda * (lambdaR * oneMinusX - r)
        let sdMinus = missing * (oneMinusX * (missing - r) + r)
        let intPlus = r - oneMinusX * lambdaR
        let intMinus = x * x + oneMinusX * lambdaR - r
        return ib + sd * (sum * sum * sdPlus + difference * difference * sdMinus)
            - interference * common * (sum * intPlus + difference * intMinus)
    }
}
