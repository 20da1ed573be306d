import RealModule

/// A quadrature rule for ∫_a^b f(s) ds when f vanishes like a square root at both ends, as a
/// three-body decay rate does at the edges of its phase space (λ^{1/2} factors).
///
/// The substitution s = a + (b − a) sin²θ, θ ∈ [0, π/2], gives ds = (b − a) sin 2θ dθ and turns
/// √(s − a)·√(b − s) ds into (b − a)² sin²θ cos²θ · 2 dθ: the square-root branch points become
/// smooth, and Gauss–Legendre in θ converges exponentially (Davis & Rabinowitz, *Methods of
/// Numerical Integration*, 2nd ed., §2.9 on endpoint singularities removed by substitution).
/// The nodes and weights of the substituted rule are tabulated once, so an integral costs
/// `nodeCount` evaluations of f and no trigonometric calls:
///
///     ∫_a^b f(s) ds ≈ (b − a) Σᵢ Wᵢ f(a + (b − a) uᵢ),   uᵢ = sin²θᵢ,  Wᵢ = (π/4) wᵢ sin 2θᵢ
public struct EndpointQuadrature: Sendable {
    /// Fractions uᵢ ∈ (0, 1) of the interval at which f is evaluated.
    public let fractions: [Double]
    /// Weights Wᵢ, summing to 1 (the rule integrates f = 1 to b − a).
    public let weights: [Double]

    /// Number of evaluations of f per integral.
    public var nodeCount: Int { fractions.count }

    /// A rule with `nodeCount` Gauss–Legendre nodes in θ.
    public init(nodeCount: Int) {
        let legendre = EndpointQuadrature.gaussLegendre(count: max(1, nodeCount))
        let quarterPi = Double.pi / 4
        var fractions: [Double] = []
        var weights: [Double] = []
        fractions.reserveCapacity(legendre.nodes.count)
        weights.reserveCapacity(legendre.nodes.count)
        for (x, w) in zip(legendre.nodes, legendre.weights) {
            let theta = quarterPi * (1 + x)
            let sine = Double.sin(theta)
            fractions.append(sine * sine)
            weights.append(quarterPi * w * Double.sin(2 * theta))
        }
        self.fractions = fractions
        self.weights = weights
    }

    /// The rule used for production rates: 32 nodes, applied in ln q² (`integrateInLogarithm`).
    /// For every K+ → π0 l+ N channel and HNL mass it agrees with a 1024-node rule applied
    /// directly in q² to better than 1e-9 relative (`SemileptonicIntegrationTests`).
    public static let standard = EndpointQuadrature(nodeCount: 32)

    /// ∫ f(s) ds over `lower...upper`; zero for an empty or reversed interval.
    @inlinable
    public func integrate(from lower: Double, to upper: Double, _ f: (Double) -> Double) -> Double {
        let width = upper - lower
        guard width > 0 else { return 0 }
        var sum = 0.0
        for i in 0..<fractions.count {
            sum += weights[i] * f(lower + width * fractions[i])
        }
        return width * sum
    }

    /// ∫ f(s) ds over `lower...upper` (0 < lower) computed as ∫ f(eʷ) eʷ dw over w = ln s, with the
    /// same sin² substitution in w (a square-root end in s stays one in w). For rates with a pole
    /// just below the lower end (the 1/q⁴ of a three-body decay when m_l + m_N ≪ m_K), the pole
    /// moves to w = −∞ and convergence stays exponential: 32 nodes reach 1e-10 where the plain rule
    /// needs thousands. Zero for an empty or reversed interval or a non-positive lower end.
    public func integrateInLogarithm(from lower: Double, to upper: Double, _ f: (Double) -> Double) -> Double {
        guard lower > 0, upper > lower else { return 0 }
        return integrate(from: Double.log(lower), to: Double.log(upper)) { w in
            let s = Double.exp(w)
            return s * f(s)
        }
    }

    /// Gauss–Legendre nodes and weights on [−1, 1] (`GaussLegendre`).
    static func gaussLegendre(count n: Int) -> (nodes: [Double], weights: [Double]) {
        let rule = GaussLegendre(points: n)
        return (rule.nodes, rule.weights)
    }
}
