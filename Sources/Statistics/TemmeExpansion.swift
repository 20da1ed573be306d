import RealModule

/// Temme's uniform asymptotic expansion of the incomplete gamma functions for large a
/// (N. M. Temme, SIAM J. Math. Anal. 10 (1979) 757; NIST DLMF §8.12, Eqs. 8.12.3–8.12.9):
///
///     Q(a, x) = ½ erfc(η √(a/2)) + R,   P(a, x) = ½ erfc(−η √(a/2)) − R,
///     R = e^{−aη²/2} / √(2πa) · Σₖ cₖ(η) a⁻ᵏ,   ½η² = λ − 1 − ln λ,  λ = x/a,  sign η = sign(λ − 1),
///
/// uniform in x, so it covers the bulk and both tails at O(1) cost. With μ = λ − 1, the first
/// coefficients follow from c₀ = 1/μ − 1/η and the recursion cₖ = (1/η) dcₖ₋₁/dη + (−1)ᵏ gₖ/μ
/// (g₁ = 1/12, g₂ = 1/288, dλ/dη = ηλ/μ):
///
///     c₁ = 1/η³ − 1/μ³ − 1/μ² − 1/(12μ)
///     c₂ = −3/η⁵ + 3/μ⁵ + 5/μ⁴ + 25/(12μ³) + 1/(12μ²) + 1/(288μ)
///
/// Near η = 0 these cancel, and their Taylor series are used instead (c₀ = −1/3 + η/12 −
/// 2η²/135 + η³/864 + η⁴/2835, c₁ = −1/540 − η/288 + η²/378, c₂ = 25/6048 − 0.0026813 η).
/// Three terms leave a relative error ≈ c₃/a³: below 3×10⁻¹² for a ≥ 500 (checked against
/// 40-digit values and against the series and continued fraction).
enum TemmeExpansion {
    /// The smallest a for which `IncompleteGamma` uses this expansion.
    static let minimumA = 500.0

    static func lowerAndUpper(_ a: Double, _ x: Double) -> (p: Double, q: Double) {
        let mu = (x - a) / a
        let h = SaddlePointTerm.deviation(x: x, a: a)  // ½η²
        let eta = (mu < 0 ? -1.0 : 1.0) * (2 * h).squareRoot()
        let c0: Double, c1: Double, c2: Double
        if abs(eta) < 0.01 {
            c0 = -1.0 / 3 + eta * (1.0 / 12 + eta * (-2.0 / 135 + eta * (1.0 / 864 + eta / 2835)))
            c1 = -1.0 / 540 + eta * (-1.0 / 288 + eta / 378)
        } else {
            c0 = 1 / mu - 1 / eta
            c1 = 1 / (eta * eta * eta) - 1 / (mu * mu * mu) - 1 / (mu * mu) - 1 / (12 * mu)
        }
        if abs(eta) < 0.05 {
            c2 = 25.0 / 6048 - 0.0026813271604938272 * eta
        } else {
            let mu2 = mu * mu, eta2 = eta * eta
            c2 = -3 / (eta2 * eta2 * eta) + 3 / (mu2 * mu2 * mu) + 5 / (mu2 * mu2) + 25 / (12 * mu2 * mu)
                + 1 / (12 * mu2) + 1 / (288 * mu)
        }
        let remainder = Double.exp(-a * h) / (2 * Double.pi * a).squareRoot() * (c0 + (c1 + c2 / a) / a)
        let argument = eta * (0.5 * a).squareRoot()
        return (0.5 * Double.erfc(-argument) - remainder, 0.5 * Double.erfc(argument) + remainder)
    }
}
