import RealModule

/// Temme's uniform asymptotic expansion of the incomplete gamma functions for large a
/// (N. M. Temme, SIAM J. Math. Anal. 10 (1979) 757; NIST DLMF §8.12, Eqs. 8.12.3–8.12.9):
///
///     Q(a, x) = ½ erfc(η √(a/2)) + R,   P(a, x) = ½ erfc(−η √(a/2)) − R,
///     R = e^{−aη²/2} / √(2πa) · Σₖ cₖ(η) a⁻ᵏ,   ½η² = λ − 1 − ln λ,  λ = x/a,  sign η = sign(λ − 1),
///
/// uniform in x, so it covers the bulk and both tails at O(1) cost. With μ = λ − 1, the first
/// coefficients follow from c₀ = 1/μ − 1/η and the recursion cₖ = (1/η) dcₖ₋₁/dη + (−1)ᵏ gₖ/μ
/// (gₖ the Stirling coefficients of Γ*(a) = 1 + 1/(12a) + 1/(288a²) − 139/(51840a³) − …, DLMF
/// §5.11; dλ/dη = ηλ/μ):
///
///     c₁ = 1/η³ − 1/μ³ − 1/μ² − 1/(12μ)
///     c₂ = −3/η⁵ + 3/μ⁵ + 5/μ⁴ + 25/(12μ³) + 1/(12μ²) + 1/(288μ)
///     c₃ = 15/η⁷ − 15/μ⁷ − 35/μ⁶ − 105/(4μ⁵) − 77/(12μ⁴) − 49/(288μ³) − 1/(288μ²) + 139/(51840μ)
///
/// Near η = 0 these cancel, and their Taylor series are used instead (c₀ = −1/3 + η/12 −
/// 2η²/135 + η³/864 + η⁴/2835, c₁ = −1/540 − η/288 + η²/378, c₂ = 25/6048 − 139η/51840 +
/// η²/1296, c₃ = 101/155520 + 571η/2488320 − 4.6919×10⁻⁴ η², the last coefficient fitted to
/// 120-digit values of the closed form; DLMF §8.12). Four terms leave a relative error
/// ≈ c₄/a⁴ on the smaller tail: measured against 40-digit values at any x, 3×10⁻¹⁰ at a = 50,
/// 2×10⁻¹¹ at a = 100 and 7×10⁻¹³ at a = 500 (and against the series and continued fraction).
struct TemmeExpansion: Sendable {
    /// The smallest a for which `IncompleteGamma` uses this expansion.
    static let minimumA = 500.0
    /// The smallest a for which the prior averages' Poisson tails (`PoissonTailsAtCount`) use
    /// it: 3×10⁻¹⁰ of the smaller tail there, relative — ≈ 10⁻³ of the limits' 2×10⁻⁷ — at a
    /// fraction of the ≈ 9√a terms the series needs.
    static let minimumAForAverages = 50.0

    let a: Double
    /// √(a/2), the scale of the erfc argument η √(a/2).
    private let halfRoot: Double
    /// 1/√(2πa), the scale of the remainder R.
    private let inverseRoot: Double

    /// The parts that depend on a alone, computed once for many x.
    init(a: Double) {
        self.a = a
        halfRoot = (0.5 * a).squareRoot()
        inverseRoot = 1 / (2 * Double.pi * a).squareRoot()
    }

    static func lowerAndUpper(_ a: Double, _ x: Double) -> (p: Double, q: Double) {
        let tails = TemmeExpansion(a: a).tails(x: x, deviation: SaddlePointTerm.deviation(x: x, a: a))
        return (tails.p, tails.q)
    }

    /// P(a, x) and Q(a, x) with ½η² = h = λ − 1 − ln λ already known (`SaddlePointTerm.deviation`),
    /// and the leading factor e^{−a h}/√(2πa) of R, which is also D(a, x) e^{δ(a)} (`SaddlePointTerm`).
    func tails(x: Double, deviation h: Double) -> (p: Double, q: Double, leading: Double) {
        let (eta, remainder, leading) = remainder(x: x, deviation: h)
        let argument = eta * halfRoot
        return (0.5 * Double.erfc(-argument) - remainder, 0.5 * Double.erfc(argument) + remainder, leading)
    }

    /// Q(a, x) alone (one erfc), with the leading factor of R as in `tails`.
    func upperTail(x: Double, deviation h: Double) -> (q: Double, leading: Double) {
        let (eta, remainder, leading) = remainder(x: x, deviation: h)
        return (0.5 * Double.erfc(eta * halfRoot) + remainder, leading)
    }

    /// η, R and R's leading factor e^{−a h}/√(2πa).
    private func remainder(x: Double, deviation h: Double) -> (eta: Double, remainder: Double, leading: Double) {
        let mu = (x - a) / a
        let eta = (mu < 0 ? -1.0 : 1.0) * (2 * h).squareRoot()
        let c0: Double, c1: Double, c2: Double, c3: Double
        if abs(eta) < 0.01 {
            c0 = -1.0 / 3 + eta * (1.0 / 12 + eta * (-2.0 / 135 + eta * (1.0 / 864 + eta / 2835)))
            c1 = -1.0 / 540 + eta * (-1.0 / 288 + eta / 378)
        } else {
            c0 = 1 / mu - 1 / eta
            c1 = 1 / (eta * eta * eta) - 1 / (mu * mu * mu) - 1 / (mu * mu) - 1 / (12 * mu)
        }
        if abs(eta) < 0.05 {
            c2 = 25.0 / 6048 + eta * (-139.0 / 51840 + eta / 1296)
        } else {
            let mu2 = mu * mu, eta2 = eta * eta
            c2 = -3 / (eta2 * eta2 * eta) + 3 / (mu2 * mu2 * mu) + 5 / (mu2 * mu2) + 25 / (12 * mu2 * mu)
                + 1 / (12 * mu2) + 1 / (288 * mu)
        }
        if abs(eta) < 0.1 {
            c3 = 101.0 / 155520 + eta * (571.0 / 2488320 - 4.69189494396e-4 * eta)
        } else {
            let inverse = 1 / mu, eta2 = eta * eta
            c3 = 15 / (eta2 * eta2 * eta2 * eta) + inverse * (139.0 / 51840 + inverse * (-1.0 / 288 + inverse * (-49.0 / 288
                + inverse * (-77.0 / 12 + inverse * (-105.0 / 4 + inverse * (-35 - 15 * inverse))))))
        }
        let leading = Double.exp(-a * h) * inverseRoot
        return (eta, leading * (c0 + (c1 + (c2 + c3 / a) / a) / a), leading)
    }
}
