/// The area between a lower and an upper curve sampled at the same x, e.g. the ±1σ (green)
/// and ±2σ (yellow) bands of an expected limit.
public struct Band: Sendable, Hashable {
    public var x: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var fill: Color
    /// Stroke of both boundary curves; nil (the usual) draws none.
    public var edge: LineStyle?
    public var legendLabel: String?

    public init(
        x: [Double], lower: [Double], upper: [Double], fill: Color,
        edge: LineStyle? = nil, legendLabel: String? = nil
    ) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.fill = fill
        self.edge = edge
        self.legendLabel = legendLabel
    }
}
