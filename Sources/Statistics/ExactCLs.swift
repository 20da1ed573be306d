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
    /// g′(s) = −E[P(n = n_obs)] / E[P(n ≤ n_obs)], by Newton's method inside a bracket.
    func upperLimit(observed k: Int, backgroundOnlyCumulative clb: Double) -> Double {
        let target = Double.log(alpha * clb)
        let g: (Double) -> (value: Double, derivative: Double) = { s in
            let tails = prior.poissonTails(k: k, signal: s)
            return (Double.log(tails.cumulative) - target, -tails.probability / tails.cumulative)
        }
        // Normal-approximation start; ln CLs+b is concave in s (a log-concave survival function),
        // so Newton's iterates approach the root from above after at most one overshoot.
        let experiment = prior.experiment
        let spread = (Double(k) + 1 + experiment.backgroundUncertainty * experiment.backgroundUncertainty).squareRoot()
        let start = max(0, Double(k) - experiment.background) + NormalDistribution.quantile(1 - alpha * clb) * spread
        return RootFinding.newtonInBracket(lower: 0, start: max(start, 1), valueAtLowerIsPositive: true, relativeTolerance: 1e-7, g)
    }

    /// Expected limits under the background-only hypothesis, pre-fit (prior centred on the
    /// nominal b): for each band the limit at n_q, the q-quantile of the background-only count
    /// distribution E_π[Poisson(b′)], with q = Φ(−2), Φ(−1), ½, Φ(1), Φ(2). n_q is the smallest
    /// n with P(n′ ≤ n) ≥ q, so the bands are discrete at small b (for b < ln 2 even the median
    /// has n = 0 and equals the b = 0 limit, 2.303 at 90 % CL).
    func expectedLimits() -> ExpectedLimits {
        var cache: [Int: Double] = [:]
        let values = ExpectedLimits.bandSigmas.map { sigma -> Double in
            let (n, clb) = backgroundOnlyQuantile(NormalDistribution.cdf(sigma))
            if let known = cache[n] { return known }
            let limit = upperLimit(observed: n, backgroundOnlyCumulative: clb)
            cache[n] = limit
            return limit
        }
        return ExpectedLimits(values)
    }

    /// The q-quantile n_q of the background-only count distribution and its CDF at n_q (= CLb).
    ///
    /// Galloping search from the normal-approximation guess, then bisection on the integers:
    /// O(log) CDF evaluations even where the guess is far off (a wide, truncated prior).
    func backgroundOnlyQuantile(_ q: Double) -> (n: Int, cumulative: Double) {
        // Cornish–Fisher guess: mean b, variance b + δb², third cumulant b (the Poisson part),
        // and a continuity correction for the smallest n with P(n′ ≤ n) ≥ q.
        let b = prior.experiment.background, db = prior.experiment.backgroundUncertainty
        let variance = b + db * db
        let z = NormalDistribution.quantile(q)
        let continuous = b + z * variance.squareRoot() + (variance > 0 ? (z * z - 1) * b / (6 * variance) : 0)
        let guess = max(0, Int(min((continuous - 0.5).rounded(.up), 1e15)))
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
                let candidate = below + step
                let value = cdf(candidate).cumulative
                if value >= q { above = (candidate, value); break }
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
}
