/// Parallel hatching lines drawn inside a region, the convention for lower bounds
/// (e.g. BBN) so that they read differently from grey upper-limit fills.
public struct Hatch: Sendable, Hashable {
    public var color: Color
    /// Angle of the lines from the horizontal, in degrees, counter-clockwise.
    public var angleDeg: Double
    /// Perpendicular distance between neighbouring lines, in points.
    public var spacingPt: Double
    public var lineWidth: Double

    public init(color: Color = Palette.publishedHatch, angleDeg: Double = 45, spacingPt: Double = 5, lineWidth: Double = 0.6) {
        self.color = color
        self.angleDeg = angleDeg
        self.spacingPt = spacingPt
        self.lineWidth = lineWidth
    }
}
