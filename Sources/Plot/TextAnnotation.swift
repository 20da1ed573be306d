/// How a text box is anchored at its position.
public enum TextAnchor: String, Sendable, Hashable {
    case center, left, right
}

/// Free text placed at a data point (Pango markup), e.g. a process name next to a curve.
public struct TextAnnotation: Sendable, Hashable {
    public var markup: String
    public var position: DataPoint
    public var anchor: TextAnchor
    public var color: Color
    /// Font size in points; nil uses the theme's annotation size.
    public var sizePt: Double?
    /// Rotation in degrees, counter-clockwise.
    public var angleDeg: Double

    public init(
        _ markup: String, at position: DataPoint, anchor: TextAnchor = .center,
        color: Color = Palette.ink, sizePt: Double? = nil, angleDeg: Double = 0
    ) {
        self.markup = markup
        self.position = position
        self.anchor = anchor
        self.color = color
        self.sizePt = sizePt
        self.angleDeg = angleDeg
    }
}
