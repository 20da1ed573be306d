import Quadrature
import RealModule

/// Poisson tails averaged over the background prior π(b′) of a counting experiment:
///
///     E_π[P(n ≤ k; s + b′)] = ∫ P(n ≤ k; s + b′) π(b′) db′,
///
/// the hybrid CLs ingredient (Cousins & Highland 1992) for CLs+b (s > 0) and CLb (s = 0).
///
/// The prior is written as b′ = b′(θ) with θ standard normal: b′ = b + δb θ (Gaussian, truncated
/// at b′ = 0, i.e. θ ≥ −b/δb, and renormalised) or b′ = b κ^θ (log-normal, κ = 1 + δb/b).
/// The integral over θ ∈ [θ_min, 8] uses 6-point Gauss–Legendre panels whose edges are placed
/// at θ = ±1.5, ±4 (to follow the normal density) and around the point where the Poisson
/// tail steps from 1 to 0, b′ = k + 1 − s, at 0, ±2 and ±7 Poisson widths √(k + 1) (to resolve
/// the step when δb ≫ √k). The normalisation is the same quadrature applied to 1, so the
/// truncation (and the cut at |θ| = 8, 10⁻¹⁵ of the mass) is renormalised consistently.
/// Valid for b, δb ≤ 10³⁰⁰ (`CountingExperiment`): b + 8δb stays finite, and the log-normal
/// tail is cut where b′ would pass 10³⁰⁵.
/// Observed limits agree with adaptive quadrature to ≈ 2×10⁻⁷ relative, expected bands at small
/// counts with a brute-force average to ≤ 6×10⁻⁶ (the edges move with s, so CLs+b and CLb are
/// not integrated on the same nodes); fewer edges or 5–6 points per panel without the ±2, ±7
/// edges cost 10⁻⁵–10⁻³.
///
/// The same quadrature averages any tail with such a step (`average(stepOffset:stepWidth:_:)`),
/// e.g. the asymptotic tails of `AsymptoticPoissonTail`. The prior is handled through the offset
/// d = b′ − b, never through b′ − b computed from b′, so that nothing cancels at b ≫ δb.
struct BackgroundPriorAverage: Sendable {
    /// The rule used on each panel of the prior integrals.
    static let panelRule = GaussLegendre(points: 6)

    let experiment: CountingExperiment
    /// ln κ for the log-normal prior.
    private let logKappa: Double
    private let thetaLower: Double
    private let thetaUpper: Double
    /// The largest b′ reached by the log-normal prior, 10³⁰⁵ events: b κ⁸ can pass the largest
    /// Double for very wide priors, so the upper tail is cut there (only where b κ⁸ > 10³⁰⁵).
    static let largestLogNormalBackground = 1e305

    init(_ experiment: CountingExperiment) {
        self.experiment = experiment
        let b = experiment.background, db = experiment.backgroundUncertainty
        switch experiment.uncertaintyModel {
        case .gaussian:
            logKappa = 0
            thetaLower = db > 0 ? max(-8, -b / db) : -8
            thetaUpper = 8
        case .logNormal:
            logKappa = b > 0 ? Double.log(onePlus: db / b) : 0
            thetaLower = -8
            let reach = logKappa > 0 ? Double.log(Self.largestLogNormalBackground / b) / logKappa : 8
            thetaUpper = min(8, reach)
        }
    }

    /// b′(θ).
    func background(atTheta theta: Double) -> Double {
        let b = experiment.background
        switch experiment.uncertaintyModel {
        case .gaussian: return max(0, b + experiment.backgroundUncertainty * theta)
        case .logNormal: return b * Double.exp(logKappa * theta)
        }
    }

    /// The q-quantile of the prior itself: b′(θ_q) with θ_q = Φ⁻¹(Φ(θ_min) + q (1 − Φ(θ_min)))
    /// for the truncated Gaussian, Φ⁻¹(q) for the log-normal (a starting point for searches).
    func background(atQuantile q: Double) -> Double {
        background(atTheta: theta(atQuantile: q))
    }

    /// The offset b′_q − b of that quantile, formed without b′_q (for the asymptotic searches).
    func backgroundOffset(atQuantile q: Double) -> Double {
        backgroundOffset(atTheta: theta(atQuantile: q))
    }

    /// θ_q of the prior's q-quantile.
    private func theta(atQuantile q: Double) -> Double {
        switch experiment.uncertaintyModel {
        case .gaussian:
            let below = NormalDistribution.cdf(thetaLower)
            return NormalDistribution.quantile(below + q * (1 - below))
        case .logNormal:
            return NormalDistribution.quantile(q)
        }
    }

    /// The offset d(θ) = b′(θ) − b, computed without forming b′: δb θ (≥ −b) for the Gaussian,
    /// b (κ^θ − 1) = b expm1(θ ln κ) for the log-normal.
    func backgroundOffset(atTheta theta: Double) -> Double {
        let b = experiment.background
        switch experiment.uncertaintyModel {
        case .gaussian: return max(-b, experiment.backgroundUncertainty * theta)
        case .logNormal: return b * Double.expMinusOne(logKappa * theta)
        }
    }

    /// θ(b′ = b + d), the inverse map (−∞ where b′ is below the support).
    func theta(atBackgroundOffset d: Double) -> Double {
        let b = experiment.background
        switch experiment.uncertaintyModel {
        case .gaussian: return d / experiment.backgroundUncertainty
        case .logNormal: return d > -b ? Double.log(onePlus: d / b) / logKappa : -.infinity
        }
    }

    /// E_π[P(n ≤ k; s + b′)] and E_π[P(n = k; s + b′)] for signal s ≥ 0.
    func poissonTails(k: Int, signal: Double) -> (cumulative: Double, probability: Double) {
        if experiment.backgroundIsExact {
            return PoissonDistribution.cumulativeAndProbability(k, mean: signal + experiment.background)
        }
        let a = Double(k) + 1
        // Every node has the same k: its parts are computed once (`PoissonTailsAtCount`).
        let tails = PoissonTailsAtCount(k: k)
        return average(stepOffset: a - signal - experiment.background, stepWidth: a.squareRoot()) { theta, _ in
            tails.cumulativeAndProbability(mean: signal + background(atTheta: theta))
        }
    }

    /// E_π[f] for a pair of functions of the prior, f(θ, d) with d = b′ − b, whose first member
    /// steps from 1 to 0 around d = `stepOffset` over a width `stepWidth` (both in events).
    ///
    /// f must be monotone in θ on each side of the step with exact limits: once it returns a
    /// saturated pair — (1, 0) below the step or (0, 0) above it, as `PoissonTailsAtCount` and
    /// `AsymptoticPoissonTail` do beyond 9 Poisson widths — it returns the same pair further
    /// out, so the nodes are walked outward from the step and f is not evaluated beyond the first
    /// saturated one (their weights still enter the normalisation).
    func average(stepOffset: Double, stepWidth: Double, _ f: (_ theta: Double, _ offset: Double) -> (Double, Double)) -> (Double, Double) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.maximumEdges) { buffer in
            let count = panelEdges(stepOffset: stepOffset, stepWidth: stepWidth, into: buffer)
            let stepTheta = theta(atBackgroundOffset: stepOffset)
            let rule = BackgroundPriorAverage.panelRule
            var first = 0.0, second = 0.0, norm = 0.0
            var saturated: (Double, Double)?
            // One node of panel [lower, upper]; `limit` is the saturated first member on this side.
            func add(node i: Int, lower: Double, upper: Double, limit: Double) {
                let half = 0.5 * (upper - lower)
                let theta = 0.5 * (upper + lower) + half * rule.nodes[i]
                guard (theta >= stepTheta) == (limit == 0) else { return }
                let weight = half * rule.weights[i] * Double.exp(-0.5 * theta * theta)
                let values = saturated ?? f(theta, backgroundOffset(atTheta: theta))
                if saturated == nil && values.1 == 0 && values.0 == limit { saturated = values }
                first += weight * values.0
                second += weight * values.1
                norm += weight
            }
            // Above the step, upward in θ, then below it, downward.
            for panel in 0..<(count - 1) where buffer[panel + 1] > stepTheta {
                for i in 0..<rule.nodes.count { add(node: i, lower: buffer[panel], upper: buffer[panel + 1], limit: 0) }
            }
            saturated = nil
            for panel in stride(from: count - 2, through: 0, by: -1) where buffer[panel] < stepTheta {
                for i in stride(from: rule.nodes.count - 1, through: 0, by: -1) {
                    add(node: i, lower: buffer[panel], upper: buffer[panel + 1], limit: 1)
                }
            }
            return (first / norm, second / norm)
        }
    }

    /// At most 11 panel edges: the two support ends, four fixed points and five around the step.
    private static let maximumEdges = 11

    /// Writes the sorted panel edges in θ into `edges` and returns their number: the support
    /// ends, the fixed points of the normal density and the points around the step that fall
    /// inside the support (on the stack: this runs once per prior average).
    private func panelEdges(stepOffset: Double, stepWidth: Double, into edges: UnsafeMutableBufferPointer<Double>) -> Int {
        var interior: (Double, Double, Double, Double, Double, Double, Double, Double, Double) = (
            -4, -1.5, 1.5, 4,
            theta(atBackgroundOffset: stepOffset - 7 * stepWidth), theta(atBackgroundOffset: stepOffset - 2 * stepWidth),
            theta(atBackgroundOffset: stepOffset), theta(atBackgroundOffset: stepOffset + 2 * stepWidth),
            theta(atBackgroundOffset: stepOffset + 7 * stepWidth))
        return withUnsafeMutableBytes(of: &interior) { raw in
            let sorted = raw.bindMemory(to: Double.self)
            // Insertion sort of nine values (NaN-free: θ of a finite offset is finite or −∞).
            for i in 1..<sorted.count {
                let value = sorted[i]
                var j = i
                while j > 0 && sorted[j - 1] > value { sorted[j] = sorted[j - 1]; j -= 1 }
                sorted[j] = value
            }
            var count = 1
            edges[0] = thetaLower
            for theta in sorted where theta > thetaLower && theta < thetaUpper {
                if theta - edges[count - 1] > 1e-9 { edges[count] = theta; count += 1 }
            }
            if thetaUpper - edges[count - 1] > 1e-9 { edges[count] = thetaUpper; count += 1 } else { edges[count - 1] = thetaUpper }
            return count
        }
    }
}
