/// The regularised incomplete gamma functions
///
///     P(a, x) = γ(a, x)/Γ(a) = (1/Γ(a)) ∫₀ˣ tᵃ⁻¹ e⁻ᵗ dt,   Q(a, x) = 1 − P(a, x),
///
/// which give Poisson tails without summing terms: P(n ≤ k; μ) = Q(k + 1, μ).
///
/// Algorithm (the classical split, e.g. Numerical Recipes §6.2, written from the mathematics):
/// - x < a + 1: the series P(a, x) = D(a, x) Σⱼ xʲ / ((a + 1)(a + 2)…(a + j)),
/// - x ≥ a + 1: the continued fraction Q(a, x) = a D(a, x) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
///   evaluated with the modified Lentz method,
///
/// with the prefactor D(a, x) = xᵃ e⁻ˣ/Γ(a + 1) from `SaddlePointTerm`, which stays accurate at
/// large a where the naive logarithm loses half the digits. Both need O(√a) terms near x ≈ a, so
/// for a ≥ 500 Temme's uniform asymptotic expansion (`TemmeExpansion`) takes over at O(1) cost.
/// Relative precision on the smaller of P and Q: ≈ 10⁻¹³ below a = 500, ≲ 3×10⁻¹² above; the
/// larger one is 1 − (smaller).
public enum IncompleteGamma {
    /// P(a, x) for a > 0, x ≥ 0 (NaN otherwise).
    public static func regularizedP(_ a: Double, _ x: Double) -> Double {
        lowerAndUpper(a, x).p
    }

    /// Q(a, x) = 1 − P(a, x) for a > 0, x ≥ 0 (NaN otherwise).
    public static func regularizedQ(_ a: Double, _ x: Double) -> Double {
        lowerAndUpper(a, x).q
    }

    /// Both P(a, x) and Q(a, x), each computed on the side where it is accurate.
    public static func lowerAndUpper(_ a: Double, _ x: Double) -> (p: Double, q: Double) {
        guard a > 0, x >= 0, a.isFinite, !x.isNaN else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        if a >= TemmeExpansion.minimumA { return TemmeExpansion.lowerAndUpper(a, x) }
        return lowerAndUpper(a, x, prefactor: SaddlePointTerm.value(a: a, x: x))
    }

    /// As `lowerAndUpper(_:_:)` with the prefactor D(a, x) = xᵃ e⁻ˣ/Γ(a + 1) already known
    /// (callers that also need the Poisson term reuse it).
    static func lowerAndUpper(_ a: Double, _ x: Double, prefactor: Double) -> (p: Double, q: Double) {
        if a >= TemmeExpansion.minimumA { return TemmeExpansion.lowerAndUpper(a, x) }
        if prefactor == 0 { return x < a ? (0, 1) : (1, 0) }
        if x < a + 1 {
            let p = prefactor * lowerSeries(a, x)
            return (p, 1 - p)
        }
        let q = a * prefactor * upperContinuedFraction(a, x)
        return (1 - q, q)
    }

    /// Σⱼ≥₀ xʲ / ((a + 1)…(a + j)); terms fall once j > x − a, so O(√a) terms near x ≈ a.
    static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        var denominator = a
        while true {
            denominator += 1
            term *= x / denominator
            sum += term
            if term < sum * 1e-17 { return sum }
        }
    }

    /// The continued fraction for Q(a, x) eˣ x⁻ᵃ Γ(a), modified Lentz (Thompson & Barnett 1986).
    static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var result = d
        var i = 1.0
        let maximumIterations = 100_000 + 100 * a.squareRoot()
        while i < maximumIterations {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) <= 2 * Double.ulpOfOne { break }
            i += 1
        }
        return result
    }
}
