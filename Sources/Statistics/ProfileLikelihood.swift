import RealModule

/// The profile-likelihood test statistic q̃_s for one counting window with a constrained
/// background (G. Cowan, K. Cranmer, E. Gross, O. Vitells, Eur. Phys. J. C71 (2011) 1554,
/// Sec. 3.7, Eq. 16):
///
///     −ln L(s, β) = [s + β − n + n ln(n/(s + β))] + C(β)        (Poisson deviance / 2 + constraint)
///     q̃_s = 2[−ln L(s, β̂̂(s)) + ln L(ŝ, β̂)]   for 0 ≤ ŝ ≤ s,
///          2[−ln L(s, β̂̂(s)) + ln L(0, β̂̂(0))] for ŝ < 0,   0 for ŝ > s,
///
/// where β is the true background, β̂̂(s) maximises L at fixed s, and the unconditional fit
/// gives β̂ = b, ŝ = n − b. The constraint carries δb (the σ_b of the counting examples of
/// CCGV Sec. 5): C(β) = (β − b)²/(2δb²) with β ≥ 0 (Gaussian), or (ln(β/b))²/(2 ln²κ),
/// κ = 1 + δb/b (log-normal). With δb = 0, β = b.
///
/// n may be non-integer: with n = b it is the Asimov data set of the background-only
/// hypothesis and q̃_s = q_{s,A}, whose square root is s/σ in the asymptotic formulae.
struct ProfileLikelihood: Sendable {
    let experiment: CountingExperiment
    /// The observed count (or b for the Asimov data set).
    let observed: Double

    /// q̃_s for signal s ≥ 0 (always ≥ 0).
    func testStatistic(signal s: Double) -> Double {
        let fittedSignal = observed - experiment.background
        if fittedSignal >= s { return 0 }
        let reference = fittedSignal >= 0 ? 0 : negativeLogLikelihood(signal: 0)
        return max(0, 2 * (negativeLogLikelihood(signal: s) - reference))
    }

    /// −ln L(s, β̂̂(s)) relative to the saturated Poisson term (so 0 at s + β = n, β = b).
    func negativeLogLikelihood(signal s: Double) -> Double {
        let beta = profiledBackground(signal: s)
        return Self.halfDeviance(observed: observed, mean: s + beta) + constraint(beta)
    }

    /// s + β − n + n ln(n/(s + β)) = n h((s + β − n)/n), h(t) = t − ln(1 + t), without cancellation.
    static func halfDeviance(observed n: Double, mean mu: Double) -> Double {
        if n == 0 { return mu }
        if mu <= 0 { return .infinity }
        return n * SaddlePointTerm.xMinusLog1p((mu - n) / n)
    }

    /// C(β), the constraint on the background.
    func constraint(_ beta: Double) -> Double {
        let b = experiment.background, db = experiment.backgroundUncertainty
        if experiment.backgroundIsExact { return 0 }
        switch experiment.uncertaintyModel {
        case .gaussian:
            let pull = (beta - b) / db
            return 0.5 * pull * pull
        case .logNormal:
            if beta <= 0 { return .infinity }
            let pull = Double.log(beta / b) / Double.log(onePlus: db / b)
            return 0.5 * pull * pull
        }
    }

    /// β̂̂(s), the background that maximises L at fixed s.
    func profiledBackground(signal s: Double) -> Double {
        let n = observed, b = experiment.background, db = experiment.backgroundUncertainty
        if experiment.backgroundIsExact { return b }
        switch experiment.uncertaintyModel {
        case .gaussian:
            // ∂/∂β: n/μ − 1 − (β − b)/δb² = 0 with μ = s + β ⇒ μ² + (δb² − s − b) μ − n δb² = 0.
            let variance = db * db
            let linear = s + b - variance
            let root = (linear * linear + 4 * n * variance).squareRoot()
            // The positive root, in the form that does not cancel.
            let mu = linear >= 0 ? 0.5 * (linear + root) : (root - linear > 0 ? 2 * n * variance / (root - linear) : 0)
            return max(0, mu - s)  // concave in β: the bound β ≥ 0 is the maximum if crossed
        case .logNormal:
            // Solve n/(s + β) − 1 − ln(β/b)/(β ln²κ) = 0; the left side falls from +∞ (β → 0)
            // to −1 (β → ∞).
            let logKappa2 = Double.log(onePlus: db / b) * Double.log(onePlus: db / b)
            let slope: (Double) -> Double = { beta in
                n / (s + beta) - 1 - Double.log(beta / b) / (beta * logKappa2)
            }
            var lower = b, upper = b
            while slope(lower) < 0 { lower *= 0.5 }
            while slope(upper) > 0 { upper *= 2 }
            if lower == upper { return b }
            return RootFinding.brent(lower: lower, upper: upper, relativeTolerance: 1e-13, slope)
        }
    }
}
