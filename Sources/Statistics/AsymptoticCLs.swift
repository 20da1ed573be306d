import RealModule

/// CLs in the large-count limit, for one counting window: the hybrid CLs of `ExactCLs` with
/// every Poisson tail replaced by its asymptotic form (`AsymptoticPoissonTail`, Wilks' theorem
/// as used by Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554) and averaged over the same
/// background prior (truncated Gaussian or log-normal, `BackgroundPriorAverage`):
///
///     F(n; s) = E_π[Φ(r(n; s + b′))],   CLs(s) = F(n; s) / F(n; 0),
///
/// with the count n continuous. The expected limit of the band N (N = 0 the median, ±1, ±2)
/// is the limit at n_N, the Φ(N)-quantile of the background-only count distribution
/// F(n_N; 0) = Φ(N), i.e. it solves F(n_N; s) = α Φ(N), α = 1 − CL.
///
/// Without background uncertainty the median is CCGV's Eq. 89 exactly: n_0 = b is their
/// Asimov data set and r(b; s + b)² = q_A, so √q_A(s) = Φ⁻¹(1 − α/2); the bands differ from
/// Eq. 89 (which takes σ = s/√q_A fixed) only at O(1/√b). With δb > 0 the spread of n carries
/// the Poisson variance b and the prior, so the Asimov width is ≈ √(b + δb²) and the bands keep
/// the prior's shape: for a Gaussian truncated at b′ = 0 with δb/b = 1 the −2σ edge is
/// 0.07 b, not the 0.84 b of a symmetric width σ, as in the exact method.
///
/// Everything is computed on offsets from b (n = b + x, b′ = b + d), so that the limits keep
/// their relative precision at any finite b (b + s − b is never formed): at b = 10⁵⁰ the median
/// is 1.645×10²⁵. Accurate to ≈ 1 % against the exact method from b ≈ 1000 (the discreteness
/// of n and the Poisson skewness left out are O(1/√b)); wrong at small counts: at b = 0 the
/// median is Φ⁻¹(CL)²/2 = 0.82 instead of the exact ln 10 = 2.30.
struct AsymptoticCLs: Sendable {
    let prior: BackgroundPriorAverage
    /// 1 − CL.
    let alpha: Double

    init(_ experiment: CountingExperiment, confidence: Double) {
        prior = BackgroundPriorAverage(experiment)
        alpha = 1 - confidence
    }

    private var experiment: CountingExperiment { prior.experiment }

    /// The spread of the background-only count, √(b + δb²) (events), formed without overflow.
    private var countSpread: Double {
        Double.hypot(experiment.background.squareRoot(), experiment.backgroundUncertainty)
    }

    /// Which derivative `averagedTail` returns alongside F.
    enum Derivative { case inSignal, inCount }

    /// F(b + x; s) and ∂F/∂s or ∂F/∂x, averaged over the prior.
    func averagedTail(countOffset x: Double, signal s: Double, derivative: Derivative) -> (value: Double, derivative: Double) {
        let b = experiment.background
        let tail = { (meanOffset: Double) -> (Double, Double) in
            let value = AsymptoticPoissonTail.cumulative(background: b, countOffset: x, meanOffset: meanOffset)
            return (value.value, derivative == .inSignal ? value.derivativeInMean : value.derivativeInCount)
        }
        if experiment.backgroundIsExact { return tail(s) }
        // Φ(r) steps from 1 to 0 where b′ + s passes n, i.e. at d = x − s, over √n events.
        return prior.average(stepOffset: x - s, stepWidth: max(1, b + x).squareRoot()) { _, d in tail(d + s) }
    }

    /// One band: the background-only count quantile n_N = b + countOffset and the limit there.
    struct Band: Sendable {
        var countOffset: Double
        var limit: Double
    }

    /// The five bands, ordered as `ExpectedLimits.bandSigmas`. The count quantiles increase with
    /// the band, so each search starts above the previous band's quantile, and F at n = 0 (the
    /// atom of the count distribution) is computed once.
    func bands() -> [Band] {
        let atZero = averagedTail(countOffset: -experiment.background, signal: 0, derivative: .inCount).value
        var previous: Double?
        return ExpectedLimits.bandSigmas.map { sigma in
            let quantile = backgroundOnlyQuantile(NormalDistribution.cdf(sigma), atZero: atZero, above: previous)
            previous = quantile.countOffset
            return Band(countOffset: quantile.countOffset,
                        limit: upperLimit(countOffset: quantile.countOffset, backgroundOnlyCumulative: quantile.cumulative))
        }
    }

    /// Expected limits for the five bands.
    func expectedLimits() -> ExpectedLimits {
        ExpectedLimits(bands().map(\.limit))
    }

    /// The observed limit for n observed events.
    func upperLimit(observed: Int) -> Double {
        let x = Double(observed) - experiment.background
        return upperLimit(countOffset: x, backgroundOnlyCumulative: averagedTail(countOffset: x, signal: 0, derivative: .inSignal).value)
    }

    /// The s with F(b + x; s) = α CLb: Newton's method on ln F(b + x; s) − ln(α CLb), which
    /// falls from ln(1/α) > 0 at s = 0. It starts where a normal count of width √n around
    /// s + b′_p, b′_p the prior's α CLb-quantile, puts α CLb below n: s₀ = x + √(z_p² n + d_p²),
    /// d_p = b′_p − b (exact where the prior dominates).
    func upperLimit(countOffset x: Double, backgroundOnlyCumulative clb: Double) -> Double {
        let target = Double.log(alpha * clb)
        let spread = countSpread
        let p = alpha * clb
        let priorPart = experiment.backgroundIsExact ? 0 : prior.backgroundOffset(atQuantile: p)
        let start = x + Double.hypot(NormalDistribution.quantile(1 - p) * max(1, experiment.background + x).squareRoot(), priorPart)
        return RootFinding.newtonInBracket(lower: 0, start: max(start, 1e-3 * (spread + 1)), valueAtLowerIsPositive: true, relativeTolerance: RootFinding.lastNewtonStep) { s in
            let tail = averagedTail(countOffset: x, signal: s, derivative: .inSignal)
            return (Double.log(tail.value) - target, tail.derivative / tail.value)
        }
    }

    /// The Cornish–Fisher guess (E. A. Cornish, R. A. Fisher, Rev. Inst. Int. Stat. 5 (1937) 307)
    /// of the z-quantile offset of the background-only count, for a narrow prior (Gaussian with
    /// b ≥ 5δb, so the cut at b′ = 0 is 5σ away, or log-normal with δb ≤ 0.2 b; nil otherwise):
    ///
    ///     x ≈ m + z √V + (z² − 1) κ₃/(6V) + 1/6,
    ///
    /// with the cumulants of a Poisson count whose mean b′ follows the prior — mean b + m,
    /// V = b + m + Var b′, κ₃ = b + m + 3 Var b′ + κ₃(b′) (the law of total cumulance) — and
    /// 1/6 the mean shift of the large-count tail Φ(r) itself (r(n; μ) = z at
    /// n ≈ μ + z√μ + z²/6, from the expansion of r). For the log-normal, with σ² = ln²κ,
    /// m = b (e^{σ²/2} − 1), Var b′ = b² e^{σ²}(e^{σ²} − 1), κ₃(b′) = Var b′^{3/2}
    /// (e^{σ²} + 2) √(e^{σ²} − 1). Within ≈ 10⁻⁴ of the spread at b = 2000 ± 200, against 2 %
    /// for the prior-dominated guess, so most searches need two prior averages, not three.
    private func nearlyNormalQuantileOffset(_ z: Double) -> Double? {
        let b = experiment.background, db = experiment.backgroundUncertainty
        guard b > 0, b <= 1e100, !experiment.backgroundIsExact else { return nil }
        let meanOffset: Double, priorVariance: Double, priorThirdCumulant: Double
        switch experiment.uncertaintyModel {
        case .gaussian:
            guard b >= 5 * db else { return nil }
            meanOffset = 0
            priorVariance = db * db
            priorThirdCumulant = 0
        case .logNormal:
            guard db <= 0.2 * b else { return nil }
            let sigma2 = Double.log(onePlus: db / b) * Double.log(onePlus: db / b)
            let growth = Double.expMinusOne(sigma2)  // e^{σ²} − 1
            meanOffset = b * Double.expMinusOne(0.5 * sigma2)
            priorVariance = b * b * (1 + growth) * growth
            priorThirdCumulant = priorVariance * priorVariance.squareRoot() * (growth + 3) * growth.squareRoot()
        }
        let variance = b + meanOffset + priorVariance
        let third = b + meanOffset + 3 * priorVariance + priorThirdCumulant
        return meanOffset + z * variance.squareRoot() + (z * z - 1) * third / (6 * variance) + 1.0 / 6
    }

    /// The q-quantile of the background-only count, as the offset x = n_q − b, and F there
    /// (= q, or more where the count distribution has its atom at n = 0).
    func backgroundOnlyQuantile(_ q: Double) -> (countOffset: Double, cumulative: Double) {
        backgroundOnlyQuantile(q, atZero: averagedTail(countOffset: -experiment.background, signal: 0, derivative: .inCount).value, above: nil)
    }

    /// As `backgroundOnlyQuantile(_:)` with F at n = 0 known, and a count offset `known` below the
    /// quantile (F(known) < q) if one is. The search starts from the Cornish–Fisher guess of
    /// `nearlyNormalQuantileOffset` where the prior is narrow, else from the normal guess
    /// z √(b + δb²), or where the prior dominates (δb² > b) from its own quantile smeared by the
    /// Poisson part, d_q + z √b′_q · √b/√(b + δb²).
    func backgroundOnlyQuantile(_ q: Double, atZero: Double, above known: Double?) -> (countOffset: Double, cumulative: Double) {
        let b = experiment.background, db = experiment.backgroundUncertainty
        if atZero >= q { return (-b, atZero) }
        let spread = countSpread
        let cdf = { (x: Double) in averagedTail(countOffset: x, signal: 0, derivative: .inCount).value }
        let z = NormalDistribution.quantile(q)
        let guess: Double
        if let cornishFisher = nearlyNormalQuantileOffset(z) {
            guess = cornishFisher
        } else if db * db > b && !experiment.backgroundIsExact {
            let offset = prior.backgroundOffset(atQuantile: q)
            guess = offset + z * max(0, b + offset).squareRoot() * (b.squareRoot() / spread)
        } else {
            guess = z * spread
        }
        // Newton's method from the guess inside [floor, ∞): F(floor) < q, and a step beyond the
        // known bracket moves up by the spread, then twice that, … (`newtonInBracket`), so no
        // separate bracketing is needed. It stops after a step below `lastNewtonStep` of the
        // smaller of the spread and the count b + x (the limit's scale at the lowest bands).
        let floor = max(-b, known ?? -b)
        let start = guess > floor ? guess : floor + spread
        let x = RootFinding.newtonInBracket(lower: floor, start: start, valueAtLowerIsPositive: false,
                                            tolerance: { x in RootFinding.lastNewtonStep * min(spread, max(1, b + x)) },
                                            expansion: spread) { x in
            let tail = averagedTail(countOffset: x, signal: 0, derivative: .inCount)
            return (tail.value - q, tail.derivative)
        }
        return (x, q)
    }
}
