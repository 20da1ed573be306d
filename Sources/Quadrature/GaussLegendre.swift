import RealModule

/// Gauss–Legendre quadrature nodes and weights on [−1, 1], from Newton's iteration on the
/// Legendre recurrence (Press et al., Numerical Recipes, 3rd ed., §4.6, `gauleg`).
/// Exact for polynomials of degree ≤ 2n − 1. The one rule of the code base: production rates
/// (`EndpointQuadrature`), the Born Dalitz integral, the veto's angular average and the
/// background-prior integrals of the CLs limits all use it.
public struct GaussLegendre: Sendable {
    public let nodes: [Double]
    public let weights: [Double]

    public init(points n: Int) {
        precondition(n >= 1, "Gauss–Legendre needs at least one point")
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<(n + 1) / 2 {
            var z = Double.cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = 0.0
                for j in 1...n {
                    let p2 = p1
                    p1 = p0
                    p0 = ((2 * Double(j) - 1) * z * p1 - (Double(j) - 1) * p2) / Double(j)
                }
                derivative = Double(n) * (z * p0 - p1) / (z * z - 1)
                let step = p0 / derivative
                z -= step
                if abs(step) < 1e-15 { break }
            }
            nodes[i] = -z
            nodes[n - 1 - i] = z
            let w = 2 / ((1 - z * z) * derivative * derivative)
            weights[i] = w
            weights[n - 1 - i] = w
        }
        self.nodes = nodes
        self.weights = weights
    }

    /// ∫_a^b f(x) dx.
    @inlinable
    public func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let half = 0.5 * (b - a), mid = 0.5 * (a + b)
        var sum = 0.0
        for i in nodes.indices { sum += weights[i] * f(mid + half * nodes[i]) }
        return sum * half
    }

    /// Nodes and weights mapped to [lower, upper].
    public func mapped(to lower: Double, _ upper: Double) -> [(x: Double, weight: Double)] {
        let half = 0.5 * (upper - lower)
        let middle = 0.5 * (upper + lower)
        return zip(nodes, weights).map { (middle + half * $0, half * $1) }
    }

    /// ∫_a^b f(x) dx split into `panels` equal panels (for integrands with kinks).
    @inlinable
    public func integrate(from a: Double, to b: Double, panels: Int, _ f: (Double) -> Double) -> Double {
        let width = (b - a) / Double(panels)
        var sum = 0.0
        for panel in 0..<panels {
            let lo = a + Double(panel) * width
            sum += integrate(from: lo, to: lo + width, f)
        }
        return sum
    }
}
