/// Poisson probabilities for a counting experiment with mean μ ≥ 0 (an expected number of events).
///
/// The cumulative tail uses the identity P(n ≤ k; μ) = Q(k + 1, μ) (regularised upper incomplete
/// gamma function), so tails at k ~ 10⁶–10⁷ cost O(√k) operations and keep full precision
/// instead of summing millions of terms.
public enum PoissonDistribution {
    /// P(n = k; μ) = μᵏ e⁻ᵘ / k!.
    public static func probability(_ k: Int, mean: Double) -> Double {
        guard k >= 0 else { return 0 }
        return SaddlePointTerm.value(a: Double(k), x: mean)
    }

    /// P(n ≤ k; μ) = Q(k + 1, μ), the inclusive lower tail (0 for k < 0).
    public static func cumulative(_ k: Int, mean: Double) -> Double {
        guard k >= 0 else { return 0 }
        return IncompleteGamma.regularizedQ(Double(k) + 1, mean)
    }

    /// P(n ≥ k; μ) = P(k, μ), the inclusive upper tail (1 for k ≤ 0).
    public static func upperTail(_ k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        return IncompleteGamma.regularizedP(Double(k), mean)
    }
}

extension PoissonDistribution {
    /// P(n ≤ k; μ) together with P(n = k; μ), sharing one saddle-point term (the pair is what a
    /// CLs root find needs: d/dμ P(n ≤ k; μ) = −P(n = k; μ)).
    static func cumulativeAndProbability(_ k: Int, mean: Double) -> (cumulative: Double, probability: Double) {
        let a = Double(k) + 1
        if mean == 0 { return (1, k == 0 ? 1 : 0) }
        // D(k + 1, μ) = D(k, μ) μ/(k + 1): one term gives both.
        let next = SaddlePointTerm.value(a: a, x: mean)
        let cumulative = IncompleteGamma.lowerAndUpper(a, mean, prefactor: next).q
        return (cumulative, next * a / mean)
    }
}
