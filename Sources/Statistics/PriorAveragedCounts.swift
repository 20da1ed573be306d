import Quadrature
import RealModule

/// The distribution of a channel's count under its background prior,
///
///     p(n; s) = E_π[P(n; s + b′)],   n = 0, 1, 2, …,
///
/// as an array over every count that carries probability (the hybrid Cousins–Highland
/// distribution of `BackgroundPriorAverage`, for all n at once). The prior integral over θ
/// (standard normal; b′ = b + δb θ truncated at b′ = 0, or b κ^θ) uses 6-point Gauss–Legendre
/// panels between θ = ±1.5, ±4 (the normal density's, as in `BackgroundPriorAverage`), each
/// split so that no panel is wider than the Poisson peak in θ, ½ √(b′ + 1)/(db′/dθ): a narrow
/// prior costs five panels and a wide one resolves every peak; the
/// range is |θ| ≤ 7 (10⁻¹¹ of the mass left out, renormalised). Each node's Poisson
/// probabilities come from one saddle-point term at its mode and the ratio recurrences
/// P(n ± 1) = P(n) μ/(n + 1), P(n) n/μ, so an array costs nodes × counts multiplications.
struct PriorAveragedCounts: Sendable {
    /// The prior's nodes: b′ and normalised weight.
    let nodes: [(background: Double, weight: Double)]
    /// The largest b′ among the nodes (events).
    let largestBackground: Double

    static let thetaRange = 7.0
    /// Interior panel edges that follow the normal density.
    static let densityEdges: [Double] = [-4, -1.5, 1.5, 4]
    private static let rule = GaussLegendre(points: 6)

    init(_ experiment: CountingExperiment) {
        if experiment.backgroundIsExact {
            nodes = [(experiment.background, 1)]
            largestBackground = experiment.background
            return
        }
        let b = experiment.background, db = experiment.backgroundUncertainty
        // b′(θ) and db′/dθ as the profile likelihood's nuisance has them, kept ≥ 0 (the
        // Gaussian's support starts at θ = −b/δb; this only guards its rounding).
        let nuisance = ChannelNuisance(experiment)
        func backgroundAndSlope(_ theta: Double) -> (Double, Double) {
            let (value, slope) = nuisance.backgroundAndSlope(atTheta: theta)
            return (max(0, value), slope)
        }
        let lower = experiment.uncertaintyModel == .gaussian ? max(-Self.thetaRange, -b / db) : -Self.thetaRange
        var collected: [(Double, Double)] = []
        var total = 0.0
        // The normal density's own panels (as `BackgroundPriorAverage`), each split into equal
        // panels no wider than the Poisson peak's width in θ at the panel's narrowest end.
        let edges = [lower] + Self.densityEdges.filter { $0 > lower } + [Self.thetaRange]
        for (from, to) in zip(edges, edges.dropFirst()) {
            let peakWidth = [from, to].map { theta -> Double in
                let (value, slope) = backgroundAndSlope(theta)
                return 0.5 * (value + 1).squareRoot() / slope
            }.min()!
            let pieces = max(1, Int(((to - from) / peakWidth).rounded(.up)))
            let width = (to - from) / Double(pieces)
            for piece in 0..<pieces {
                for (x, w) in Self.rule.mapped(to: from + Double(piece) * width, from + Double(piece + 1) * width) {
                    let weight = w * Double.exp(-0.5 * x * x)
                    collected.append((backgroundAndSlope(x).0, weight))
                    total += weight
                }
            }
        }
        nodes = collected.map { ($0.0, $0.1 / total) }
        largestBackground = collected.map(\.0).max() ?? b
    }

    /// The largest count worth keeping for signal s: where the Poisson upper tail of the
    /// largest node mean falls below 10⁻¹⁴ (mean + 8√mean + 30 is beyond it).
    func countRange(signal s: Double) -> Int {
        let largest = largestBackground + s
        return Int((largest + 8 * largest.squareRoot() + 30).rounded(.up))
    }

    /// p(n; s) for n = 0 … `upTo`.
    func probabilities(signal s: Double, upTo last: Int) -> [Double] {
        var result = [Double](repeating: 0, count: last + 1)
        var column = [Double](repeating: 0, count: last + 1)
        for node in nodes {
            let mean = s + node.background
            Self.poisson(mean: mean, into: &column)
            for n in 0...last { result[n] += node.weight * column[n] }
        }
        return result
    }

    /// p(n; s) from the background-only distribution p(n; 0) (`backgroundOnly`, n = 0 …): the
    /// count is the sum of an independent Poisson(s) signal and the background count, so
    /// p(n; s) = Σ_k P(k; s) p(n − k; 0), exact and without the prior's nodes.
    static func withSignal(_ s: Double, backgroundOnly: [Double], upTo last: Int) -> [Double] {
        var signal = [Double](repeating: 0, count: min(last, Int((s + 10 * s.squareRoot() + 40).rounded(.up))) + 1)
        poisson(mean: s, into: &signal)
        var result = [Double](repeating: 0, count: last + 1)
        for (k, pk) in signal.enumerated() where pk > 1e-300 {
            for m in 0..<min(backgroundOnly.count, last + 1 - k) { result[k + m] += pk * backgroundOnly[m] }
        }
        return result
    }

    /// P(n; μ) for n = 0 … column.count − 1, from the mode outwards.
    static func poisson(mean mu: Double, into column: inout [Double]) {
        let last = column.count - 1
        if mu == 0 {
            for n in 0...last { column[n] = n == 0 ? 1 : 0 }
            return
        }
        let mode = min(last, Int(mu.rounded(.down)))
        column[mode] = SaddlePointTerm.value(a: Double(mode), x: mu)
        var n = mode
        while n > 0 {
            column[n - 1] = column[n] * Double(n) / mu
            n -= 1
        }
        n = mode
        while n < last {
            column[n + 1] = column[n] * mu / Double(n + 1)
            n += 1
        }
    }
}
