import RealModule

/// An n-point Gauss–Legendre rule on [−1, 1]: exact for polynomials of degree ≤ 2n − 1.
///
/// Nodes are the roots of the Legendre polynomial Pₙ, found by Newton's method from the
/// asymptotic guess cos(π(i − ¼)/(n + ½)); weights wᵢ = 2 / ((1 − xᵢ²) Pₙ′(xᵢ)²).
struct GaussLegendreRule: Sendable {
    let nodes: [Double]
    let weights: [Double]

    /// The rule used for each panel of the background-prior integrals.
    static let sixPoint = GaussLegendreRule(order: 6)

    init(order n: Int) {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var x = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                // Recurrence (k + 1) P_{k+1} = (2k + 1) x P_k − k P_{k−1}.
                var p0 = 1.0
                var p1 = x
                for k in 1..<n {
                    let p2 = (Double(2 * k + 1) * x * p1 - Double(k) * p0) / Double(k + 1)
                    p0 = p1
                    p1 = p2
                }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = x
            weights[i] = 2 / ((1 - x * x) * derivative * derivative)
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// Nodes and weights mapped to [lower, upper].
    func mapped(to lower: Double, _ upper: Double) -> [(x: Double, weight: Double)] {
        let half = 0.5 * (upper - lower)
        let middle = 0.5 * (upper + lower)
        return zip(nodes, weights).map { (middle + half * $0, half * $1) }
    }
}
