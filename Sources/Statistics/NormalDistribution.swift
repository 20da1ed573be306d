import RealModule

/// The standard normal distribution: density φ, cumulative Φ, upper tail 1 − Φ and quantile Φ⁻¹.
///
/// Φ and its tail are evaluated through `erfc`, so both tails keep full relative precision
/// (Φ(−30) ≈ 5×10⁻¹⁹⁸ is not rounded to 0 and 1 − Φ(8) is not computed as 1 − 0.99…).
public enum NormalDistribution {
    /// φ(x) = exp(−x²/2) / √(2π).
    public static func density(_ x: Double) -> Double {
        Double.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// Φ(x) = ½ erfc(−x/√2).
    public static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x / 2.0.squareRoot())
    }

    /// 1 − Φ(x) = ½ erfc(x/√2), accurate in the upper tail.
    public static func survival(_ x: Double) -> Double {
        0.5 * Double.erfc(x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for 0 < p < 1 (−∞ at 0, +∞ at 1, NaN outside [0, 1]).
    ///
    /// P. J. Acklam's rational approximation (relative error < 1.2×10⁻⁹ in three regions:
    /// lower tail p < 0.02425, central, upper tail), followed by Halley steps on
    /// Φ(x) − p = 0, which bring it to ≈ 10⁻¹⁵. In the upper half the step is taken on the
    /// tail 1 − Φ(x) = 1 − p so that p near 1 is not limited by the spacing of doubles near 1.
    public static func quantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else {
            if p == 0 { return -.infinity }
            if p == 1 { return .infinity }
            return .nan
        }
        var x = acklamQuantile(p)
        for _ in 0..<2 {
            // Residual of the CDF on the side that is small, to keep relative precision.
            let residual = p < 0.5 ? cdf(x) - p : (1 - p) - survival(x)
            let u = residual * (2 * Double.pi).squareRoot() * Double.exp(0.5 * x * x)
            x -= u / (1 + 0.5 * x * u)
        }
        return x
    }

    /// Acklam's three-region rational approximation to Φ⁻¹ (starting value for `quantile`).
    static func acklamQuantile(_ p: Double) -> Double {
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let pLow = 0.02425
        func tail(_ q: Double) -> Double {
            let r = (-2 * Double.log(q)).squareRoot()
            return (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5])
                / ((((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1)
        }
        if p < pLow { return tail(p) }
        if p > 1 - pLow { return -tail(1 - p) }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
