/// A symbol drawn at every data point of a line, e.g. at the values a scan was computed at,
/// so a reader sees where the curve is measured and where it is only joined up.
public struct Marker: Sendable, Hashable {
    /// Diameter of the filled circle [pt].
    public var diameterPt: Double

    public init(diameterPt: Double = 4) {
        self.diameterPt = diameterPt
    }
}
