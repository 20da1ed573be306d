/// Expected upper limits on the number of signal events under the background-only hypothesis:
/// the median and the edges of the ±1σ and ±2σ bands (quantiles Φ(±1) = 0.1587/0.8413 and
/// Φ(±2) = 0.02275/0.97725 of the limit distribution, not 0.16 or 0.025).
public struct ExpectedLimits: Sendable, Equatable {
    public var minus2: Double
    public var minus1: Double
    public var median: Double
    public var plus1: Double
    public var plus2: Double

    public init(minus2: Double, minus1: Double, median: Double, plus1: Double, plus2: Double) {
        self.minus2 = minus2
        self.minus1 = minus1
        self.median = median
        self.plus1 = plus1
        self.plus2 = plus2
    }

    /// All five equal to one value (a statistic without bands, or NaN where nothing is defined).
    public init(all value: Double) {
        self.init(minus2: value, minus1: value, median: value, plus1: value, plus2: value)
    }

    /// From values ordered as `bandSigmas`.
    init(_ values: [Double]) {
        self.init(minus2: values[0], minus1: values[1], median: values[2], plus1: values[3], plus2: values[4])
    }

    /// The band positions N in standard deviations, ordered minus2 … plus2.
    static let bandSigmas: [Double] = [-2, -1, 0, 1, 2]

    /// The values ordered minus2 … plus2.
    public var values: [Double] { [minus2, minus1, median, plus1, plus2] }

    /// w·self + (1 − w)·other, edge by edge.
    func blended(with other: ExpectedLimits, weight w: Double) -> ExpectedLimits {
        ExpectedLimits(zip(values, other.values).map { w * $0 + (1 - w) * $1 })
    }
}
