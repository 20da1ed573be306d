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
        // Start: CLs+b(s) = P(b′ + Poisson noise ≤ k − s) ≈ α CLb, with the noise normal of
        // width √(k + 1) and the prior's own α CLb-quantile b′_p (exact where the prior
        // dominates, δb ≫ √k), the two deviations below b added in quadrature:
        // s₀ = k + 1 − b + √(z_p² (k + 1) + (b − b′_p)²). ln CLs+b is concave in s (a
        // log-concave survival function), so Newton's iterates approach the root from above
        // after at most one overshoot.
        let experiment = prior.experiment
        let p = alpha * clb
        let poissonPart = NormalDistribution.quantile(1 - p) * (Double(k) + 1).squareRoot()
        let priorPart = experiment.backgroundIsExact ? 0 : experiment.background - prior.background(atQuantile: p)
        let start = given ?? Double(k) + 1 - experiment.background + Double.hypot(poissonPart, priorPart)
        return RootFinding.newtonInBracket(lower: 0, start: max(start, 1), valueAtLowerIsPositive: true, relativeTolerance: RootFinding.lastNewtonStep, g)
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
        // The background-only CDF at every count met so far: the five quantile searches share
        // them, each starting inside the bracket the others left (the bands are ordered).
        var known: [Int: (cumulative: Double, probability: Double)] = [:]
        let values = ExpectedLimits.bandSigmas.indices.map { band -> Double in
            let guess = guesses?[band]
            let (n, clb) = backgroundOnlyQuantile(NormalDistribution.cdf(ExpectedLimits.bandSigmas[band]),
                                                   near: guess.map { prior.experiment.background + $0.countOffset }, known: &known)
            if let known = cache[n] { return known }
            let limit = upperLimit(observed: n, backgroundOnlyCumulative: clb, start: guess?.limit)
            cache[n] = limit
            return limit
        }
        return ExpectedLimits(values)
    }

    /// The q-quantile n_q of the background-only count distribution and its CDF at n_q (= CLb).
    ///
    /// Newton steps on the integers from a guess, each the CDF's distance to q over its slope
    /// P(n) (known with F(n) from the same quadrature), kept inside the bracket by bisection
    /// and by doubling steps while it is open: one or two CDF evaluations near a good guess,
    /// O(log) even where the guess is far off. The search starts at the continuous quantile
    /// `continuous` if given (n_q is the integer at or above it minus ½), else at a
    /// Cornish–Fisher guess (mean b, variance b + δb², third cumulant b), or where the prior
    /// dominates (δb² > b) at the prior's own q-quantile b′_q smeared by the Poisson part,
    /// b′_q + z √b′_q · √b/√(b + δb²). `known` holds the CDF at counts already evaluated (by
    /// other bands): they narrow the bracket and are not evaluated again.
    func backgroundOnlyQuantile(_ q: Double, near continuous: Double? = nil) -> (n: Int, cumulative: Double) {
        var known: [Int: (cumulative: Double, probability: Double)] = [:]
        return backgroundOnlyQuantile(q, near: continuous, known: &known)
    }

    func backgroundOnlyQuantile(_ q: Double, near continuous: Double?, known: inout [Int: (cumulative: Double, probability: Double)]) -> (n: Int, cumulative: Double) {
        let b = prior.experiment.background, db = prior.experiment.backgroundUncertainty
        let spread = Double.hypot(b.squareRoot(), db)
        let z = NormalDistribution.quantile(q)
        let estimate: Double
        if let continuous {
            estimate = continuous
        } else if db * db > b {
            let priorQuantile = prior.background(atQuantile: q)
            estimate = priorQuantile + z * priorQuantile.squareRoot() * b.squareRoot() / spread + 0.5
        } else {
            let skewness = spread > 0 ? (z * z - 1) * (b / spread) / (6 * spread) : 0
            estimate = b + z * spread + skewness
        }
        // The bracket the known counts give: F(lowest) < q ≤ F(highest).
        var lowest = -1, highest = Self.largestCount + 1
        for (n, value) in known {
            if value.cumulative < q { lowest = max(lowest, n) } else { highest = min(highest, n) }
        }
        let guess = min(max(Self.count(near: estimate - 0.5), lowest + 1), min(highest, Self.largestCount))
        func evaluate(_ n: Int) -> (cumulative: Double, probability: Double) {
            if let value = known[n] { return value }
            let value = prior.poissonTails(k: n, signal: 0)
            known[n] = value
            return value
        }
        // Invariant: F(lowest) < q ≤ F(highest) (−1 and largestCount + 1 stand for unknown ends).
        // Each evaluation gives F(n) and P(n) = F(n) − F(n − 1), the CDF's slope per count there,
        // so the next count is a Newton step (q − F)/P away — on the integers, inside the
        // bracket, bisecting where the step would leave it and at most doubling a growing step
        // where the bracket is still open. Near the guess one or two evaluations settle it.
        var n = guess
        var reach = max(1.0, spread)
        while true {
            let value = evaluate(n)
            let next: Double
            if value.cumulative >= q {
                // P(n′ ≤ n − 1) = F(n) − P(n) from the same quadrature settles most cases.
                if n == 0 || n == lowest + 1 || value.cumulative - value.probability < q { return (n, value.cumulative) }
                highest = n - 1
                next = Double(n) - 1 - ((value.cumulative - value.probability - q) / value.probability).rounded(.down)
            } else {
                lowest = n
                if n == Self.largestCount { return (n, value.cumulative) }
                next = Double(n) + max(1, ((q - value.cumulative) / value.probability).rounded(.up))
            }
            if highest == lowest + 1 { return (highest, evaluate(highest).cumulative) }
            let open = highest > Self.largestCount || lowest < 0
            // Never beyond `largestCount`: there F has reached q for any experiment the exact
            // method is used for (b + 8 δb ≪ 10¹⁵); if not, the quantile is taken there.
            let upperEnd = min(highest, Self.largestCount), lowerEnd = lowest + 1
            if next.isFinite && next >= Double(lowerEnd) && next <= Double(upperEnd) && (!open || abs(next - Double(n)) <= reach) {
                n = Int(next)
            } else if !open {
                n = lowest + (highest - lowest) / 2
            } else {
                let step = Int(min(reach, 1e15))
                n = value.cumulative >= q ? max(lowerEnd, n - step) : min(upperEnd, n + step)
            }
            reach *= 2
        }
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
