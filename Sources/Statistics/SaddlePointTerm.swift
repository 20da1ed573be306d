import RealModule

/// The Poisson-like term D(a, x) = xᵃ e⁻ˣ / Γ(a + 1), evaluated without cancellation for large a.
///
/// Written naively, a ln x − x − ln Γ(a + 1) subtracts numbers of order a ln a: at a = 10⁷ that
/// is ≈ 1.6×10⁸ and leaves only ≈ 8 correct digits. Following C. Loader, "Fast and accurate
/// computation of binomial probabilities" (2000), we instead write, with λ = x/a,
///
///     D(a, x) = exp(−a·h(λ − 1) − δ(a)) / √(2π a),   h(t) = t − ln(1 + t),
///
/// where δ(a) = ln Γ(a + 1) − [(a + ½) ln a − a + ½ ln 2π] is Stirling's remainder. Both h and δ
/// are small numbers computed directly, so D keeps ≈ 14 significant digits for any a.
enum SaddlePointTerm {
    /// D(a, x) = xᵃ e⁻ˣ / Γ(a + 1) for a ≥ 0, x ≥ 0. For integer a = k it is the Poisson
    /// probability P(n = k; μ = x).
    static func value(a: Double, x: Double) -> Double {
        if x == 0 { return a == 0 ? 1 : 0 }
        if a == 0 { return Double.exp(-x) }
        if a < 1 {
            // Small a: nothing large cancels.
            return Double.exp(a * Double.log(x) - x - Double.logGamma(a + 1))
        }
        let exponent = -a * deviation(x: x, a: a) - stirlingRemainder(a)
        return Double.exp(exponent) / (2 * Double.pi * a).squareRoot()
    }

    /// h(λ − 1) = λ − 1 − ln λ for λ = x/a, from λ itself where λ is far from 1 (so that x ≪ a
    /// does not lose digits in 1 + (x − a)/a) and from `xMinusLog1p` near 1.
    static func deviation(x: Double, a: Double) -> Double {
        let lambda = x / a
        if lambda < 0.5 || lambda > 1.5 { return (lambda - 1) - Double.log(lambda) }
        return xMinusLog1p((x - a) / a)
    }

    /// h(t) = t − ln(1 + t) for t > −1, accurate also for |t| ≪ 1 where h ≈ t²/2.
    ///
    /// With r = t/(2 + t), ln(1 + t) = 2 artanh r = 2(r + r³/3 + r⁵/5 + …) and t − 2r = r t, so
    /// h = r t − 2(r³/3 + r⁵/5 + …): the leading term carries the result, nothing cancels.
    static func xMinusLog1p(_ t: Double) -> Double {
        guard abs(t) < 0.5 else { return t - Double.log(onePlus: t) }
        let r = t / (2 + t)
        let r2 = r * r
        var power = r * r2
        var series = 0.0
        var k = 3.0
        while true {
            let term = power / k
            series += term
            if abs(term) <= 1e-17 * abs(series) { break }
            power *= r2
            k += 2
        }
        return r * t - 2 * series
    }

    /// Stirling's remainder δ(a) = ln Γ(a + 1) − (a + ½) ln a + a − ½ ln 2π.
    ///
    /// For a ≥ 15 the asymptotic series Σ B₂ₖ / (2k(2k − 1) a²ᵏ⁻¹) with Bernoulli numbers
    /// B₂ … B₁₂ (error < 10⁻¹⁶ there); below, directly from ln Γ where nothing large cancels.
    static func stirlingRemainder(_ a: Double) -> Double {
        if a < 15 {
            return Double.logGamma(a + 1) - (a + 0.5) * Double.log(a) + a
                - 0.5 * Double.log(2 * Double.pi)
        }
        let inverse = 1 / a
        let inverse2 = inverse * inverse
        // 1/12, −1/360, 1/1260, −1/1680, 1/1188, −691/360360
        let series = 1.0 / 12 + inverse2 * (-1.0 / 360 + inverse2 * (1.0 / 1260 + inverse2
            * (-1.0 / 1680 + inverse2 * (1.0 / 1188 + inverse2 * (-691.0 / 360360)))))
        return series * inverse
    }
}
