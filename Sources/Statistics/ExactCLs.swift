import RealModule

/// The CLs method for one counting window with exact Poisson probabilities
/// (A. L. Read, J. Phys. G 28 (2002) 2693; T. Junk, Nucl. Instrum. Meth. A434 (1999) 435):
///
///     CLs+b(s) = E_π[P(n ≤ n_obs; s + b′)],   CLb = E_π[P(n ≤ n_obs; b′)],
///     CLs(s) = CLs+b(s) / CLb,
///
/// with inclusive tails and the background averaged over its prior π (`BackgroundPriorAverage`).
/// The upper limit at confidence CL is the s with CLs(s) = 1 − CL (90 % CL ⇔ CLs = 0.10).
/// For n_obs = 0 CLs = e⁻ˢ whatever b, so the limit is ln 10 = 2.303 at 90 % CL.
struct ExactCLs: Sendable {
    let prior: BackgroundPriorAverage
    /// 1 − CL.
    let alpha: Double

    init(_ experiment: CountingExperiment, confidence: Double) {
        prior = BackgroundPriorAverage(experiment)
        alpha = 1 - confidence
    }

    /// The observed upper limit on s for n_obs observed events.
    func upperLimit(observed: Int) -> Double {
        upperLimit(observed: observed, backgroundOnlyCumulative: prior.poissonTails(k: observed, signal: 0).cumulative)
    }

    /// The upper limit when CLb is already known. Solves g(s) = ln CLs+b(s) − ln(α CLb) = 0,
    /// g′(s) = −E[P(n = n_obs)] / E[P(n ≤ n_obs)], by Newton's method inside a bracket, from
    /// `start` if given (e.g. the asymptotic limit) or from the normal approximation.
    func upperLimit(observed k: Int, backgroundOnlyCumulative clb: Double, start given: Double? = nil) -> Double {
        let target = Double.log(alpha * clb)
        let g: (Double) -> (value: Double, derivative: Double) = { s in
            let tails = prior.poissonTails(k: k, signal: s)
            return (Double.log(tails.cumulative) - target, -tails.probability / tails.cumulative)
        }
        // Normal-approximation start; ln CLs+b is concave in s (a log-concave survival function),
        // so Newton's iterates approach the root from above after at most one overshoot.
        let experiment = prior.experiment
        let spread = Double.hypot((Double(k) + 1).squareRoot(), experiment.backgroundUncertainty)
        let start = given ?? max(0, Double(k) - experiment.background) + NormalDistribution.quantile(1 - alpha * clb) * spread
        return RootFinding.newtonInBracket(lower: 0, start: max(start, 1), valueAtLowerIsPositive: true, relativeTolerance: 1e-7, g)
    }

    /// Expected limits under the background-only hypothesis, pre-fit (prior centred on the
    /// nominal b): for each band the limit at n_q, the q-quantile of the background-only count
    /// distribution E_π[Poisson(b′)], with q = Φ(−2), Φ(−1), ½, Φ(1), Φ(2). n_q is the smallest
    /// n with P(n′ ≤ n) ≥ q, so the bands are discrete at small b (for b < ln 2 even the median
    /// has n = 0 and equals the b = 0 limit, 2.303 at 90 % CL).
    ///
    /// `guesses`, one per band, are where the searches start (the asymptotic n_q and limit,
    /// close at large b); they change the cost, not the result.
    func expectedLimits(guesses: [AsymptoticCLs.Band]? = nil) -> ExpectedLimits {
        var cache: [Int: Double] = [:]
        let values = ExpectedLimits.bandSigmas.indices.map { band -> Double in
            let guess = guesses?[band]
            let (n, clb) = backgroundOnlyQuantile(NormalDistribution.cdf(ExpectedLimits.bandSigmas[band]),
                                                   near: guess.map { prior.experiment.background + $0.countOffset })
            if let known = cache[n] { return known }
            let limit = upperLimit(observed: n, backgroundOnlyCumulative: clb, start: guess?.limit)
            cache[n] = limit
            return limit
        }
        return ExpectedLimits(values)
    }

    /// The q-quantile n_q of the background-only count distribution and its CDF at n_q (= CLb).
    ///
    /// Galloping search from the normal-approximation guess, then bisection on the integers:
    /// O(log) CDF evaluations even where the guess is far off (a wide, truncated prior). The
    /// search starts at the continuous quantile `continuous` if given (n_q is the integer at or
    /// above it minus ½), else at a Cornish–Fisher guess.
    func backgroundOnlyQuantile(_ q: Double, near continuous: Double? = nil) -> (n: Int, cumulative: Double) {
        // Cornish–Fisher guess: mean b, variance b + δb², third cumulant b (the Poisson part),
        // and a continuity correction for the smallest n with P(n′ ≤ n) ≥ q.
        let b = prior.experiment.background, db = prior.experiment.backgroundUncertainty
        let spread = Double.hypot(b.squareRoot(), db)
        let z = NormalDistribution.quantile(q)
        let skewness = spread > 0 ? (z * z - 1) * (b / spread) / (6 * spread) : 0
        let guess = Self.count(near: (continuous ?? b + z * spread + skewness) - 0.5)
        let cdf = { (n: Int) in prior.poissonTails(k: n, signal: 0) }
        // Invariant once bracketed: F(below) < q ≤ F(above).
        var above: (n: Int, cumulative: Double)
        var below: Int
        let first = cdf(guess)
        if first.cumulative >= q {
            // P(n′ ≤ n − 1) = P(n′ ≤ n) − P(n′ = n) from the same quadrature settles most cases.
            if guess == 0 || first.cumulative - first.probability < q { return (guess, first.cumulative) }
            above = (guess, first.cumulative)
            var step = 2
            while true {
                let candidate = max(0, above.n - step)
                let value = cdf(candidate).cumulative
                if value < q { below = candidate; break }
                above = (candidate, value)
                if candidate == 0 { return above }
                step *= 2
            }
        } else {
            below = guess
            var step = 1
            while true {
                // Never beyond `largestCount`: there F has reached q for any experiment the
                // exact method is used for (b + 8 δb ≪ 10¹⁵); if not, the quantile is taken there.
                let candidate = min(below + step, Self.largestCount)
                let value = cdf(candidate).cumulative
                if value >= q || candidate == Self.largestCount { above = (candidate, value); break }
                below = candidate
                step *= 2
            }
        }
        while above.n - below > 1 {
            let middle = below + (above.n - below) / 2
            let value = cdf(middle).cumulative
            if value >= q { above = (middle, value) } else { below = middle }
        }
        return above
    }

    /// The largest count the exact method handles, 10¹⁵ events: integers up to it are exact in
    /// a Double (2⁵³ ≈ 9×10¹⁵) with room for the galloping steps of the quantile search.
    static let largestCount = 1_000_000_000_000_000

    /// The count nearest above a real value x (events), clamped to 0 … `largestCount` (NaN
    /// gives 0): the one place where a Double becomes an Int, safe for any input.
    static func count(near x: Double) -> Int {
        guard x > 0 else { return 0 }  // also NaN
        guard x < Double(largestCount) else { return largestCount }
        return Int(x.rounded(.up))
    }
}
