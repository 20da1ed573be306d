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
/// Limits agree with adaptive quadrature to ≈ 2×10⁻⁷ relative (fewer edges or 5–6 points per
/// panel without the ±2, ±7 edges cost 10⁻⁵–10⁻³).
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
        return average(stepOffset: a - signal - experiment.background, stepWidth: a.squareRoot()) { theta, _ in
            PoissonDistribution.cumulativeAndProbability(k, mean: signal + background(atTheta: theta))
        }
    }

    /// E_π[f] for a pair of functions of the prior, f(θ, d) with d = b′ − b, whose first member
    /// steps from 1 to 0 around d = `stepOffset` over a width `stepWidth` (both in events).
    func average(stepOffset: Double, stepWidth: Double, _ f: (_ theta: Double, _ offset: Double) -> (Double, Double)) -> (Double, Double) {
        var first = 0.0, second = 0.0, norm = 0.0
        let edges = panelEdges(stepOffset: stepOffset, stepWidth: stepWidth)
        let rule = BackgroundPriorAverage.panelRule
        for panel in 0..<(edges.count - 1) {
            let half = 0.5 * (edges[panel + 1] - edges[panel])
            let middle = 0.5 * (edges[panel + 1] + edges[panel])
            for i in 0..<rule.nodes.count {
                let theta = middle + half * rule.nodes[i]
                let weight = half * rule.weights[i] * Double.exp(-0.5 * theta * theta)
                let values = f(theta, backgroundOffset(atTheta: theta))
                first += weight * values.0
                second += weight * values.1
                norm += weight
            }
        }
        return (first / norm, second / norm)
    }

    /// Sorted panel edges in θ: the support ends, the fixed points of the normal density and
    /// the points around the step that fall inside the support.
    private func panelEdges(stepOffset: Double, stepWidth: Double) -> [Double] {
        var interior: [Double] = [-4, -1.5, 1.5, 4]
        for multiple in [-7.0, -2, 0, 2, 7] {
            interior.append(theta(atBackgroundOffset: stepOffset + multiple * stepWidth))
        }
        var edges = [thetaLower]
        for theta in interior.sorted() where theta > thetaLower && theta < thetaUpper {
            if theta - edges[edges.count - 1] > 1e-9 { edges.append(theta) }
        }
        if thetaUpper - edges[edges.count - 1] > 1e-9 { edges.append(thetaUpper) } else { edges[edges.count - 1] = thetaUpper }
        return edges
    }
}
