/// A horizontal line across the whole panel at a fixed y, e.g. ratio = 1.
public struct ReferenceLine: Sendable, Hashable {
    public var y: Double
    public var style: LineStyle

    public init(y: Double, style: LineStyle = LineStyle(color: Color(rgb: 0x555555), width: 0.8, dash: .dashed)) {
        self.y = y
        self.style = style
    }
}
