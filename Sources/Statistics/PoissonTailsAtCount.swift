/// The Poisson pair P(n ≤ k; μ), P(n = k; μ) at one count k for many means μ: every node of a
/// prior average (`BackgroundPriorAverage.poissonTails`) has the same k, so the parts that
/// depend on k alone — Stirling's remainder δ(a), √(2πa) and Temme's scales, a = k + 1 — are
/// computed once per average instead of once per node, and each node computes
/// h = λ − 1 − ln λ and e^{−a h} once for both members of the pair.
///
/// P(n ≤ k; μ) = Q(a, μ) (`IncompleteGamma`); P(n = k; μ) = D(a, μ) a/μ with
/// D(a, μ) = e^{−a h − δ(a)}/√(2πa) (C. Loader 2000, `SaddlePointTerm`). From a = 50 on, Q comes
/// from Temme's expansion (`TemmeExpansion`, within 3×10⁻¹⁰ of the smaller tail), whose leading
/// factor e^{−a h}/√(2πa) is D e^{δ(a)}; below, from the series or continued fraction.
///
/// Far from the step, a h > 41, the smaller tail is below e⁻⁴¹/(9√(2π)) < 10⁻¹⁹ (it is
/// ≈ D a/|μ − a|, and a h > 41 means |μ − a| > 9√a), so the pair is taken as (1, 0) or (0, 0)
/// there without the erfc and exponential: 10⁻¹⁹ against averages of at least α Φ(−2) ≥ 2×10⁻⁶.
struct PoissonTailsAtCount: Sendable {
    let k: Int
    /// a = k + 1, the order of the incomplete gamma function.
    private let a: Double
    /// e^{−δ(a)}.
    private let stirlingFactor: Double
    /// 1/√(2πa) (series and continued fraction).
    private let inverseRoot: Double
    /// Temme's expansion at this a, or nil below `TemmeExpansion.minimumAForAverages`.
    private let temme: TemmeExpansion?

    /// a h beyond which the pair is saturated (see above).
    static let saturatedExponent = 41.0

    init(k: Int) {
        self.k = k
        a = Double(k) + 1
        stirlingFactor = Double.exp(-SaddlePointTerm.stirlingRemainder(a))
        inverseRoot = 1 / (2 * Double.pi * a).squareRoot()
        temme = a >= TemmeExpansion.minimumAForAverages ? TemmeExpansion(a: a) : nil
    }

    /// P(n ≤ k; μ) and P(n = k; μ) for μ ≥ 0.
    func cumulativeAndProbability(mean x: Double) -> (cumulative: Double, probability: Double) {
        if x == 0 { return (1, k == 0 ? 1 : 0) }
        let h = SaddlePointTerm.deviation(x: x, a: a)
        if a * h > Self.saturatedExponent { return (x < a ? 1 : 0, 0) }
        if let temme {
            let tail = temme.upperTail(x: x, deviation: h)
            return (tail.q, tail.leading * stirlingFactor * a / x)
        }
        let prefactor = Double.exp(-a * h) * inverseRoot * stirlingFactor
        return (IncompleteGamma.lowerAndUpper(a, x, prefactor: prefactor).q, prefactor * a / x)
    }
}
