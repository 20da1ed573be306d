/// A curve drawn as a stroked polyline. Points that cannot be shown (NaN, ±∞, ≤ 0 on a
/// log axis) split the curve; the pieces on either side are still drawn.
public struct Line: Sendable, Hashable {
    public var points: [DataPoint]
    public var style: LineStyle
    /// Pango markup for the legend; nil keeps the line out of the legend.
    public var legendLabel: String?

    public init(points: [DataPoint], style: LineStyle, legendLabel: String? = nil) {
        self.points = points
        self.style = style
        self.legendLabel = legendLabel
    }

    public init(
        points: [DataPoint], color: Color, width: Double = 1.5, dash: LineDash = .solid,
        marker: Marker? = nil, legendLabel: String? = nil
    ) {
        self.init(points: points, style: LineStyle(color: color, width: width, dash: dash, marker: marker), legendLabel: legendLabel)
    }
}
