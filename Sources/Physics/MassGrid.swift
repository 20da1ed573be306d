/// The HNL masses to scan [GeV]: from, from + step, … up to `toGeV` (inclusive when on the
/// grid). The one grid rule of the tool: scenario files (`masses:`), `reach branching` and the
/// figures all count and place points with it.
public struct MassGrid: Sendable, Equatable {
    public var fromGeV: Double
    public var toGeV: Double
    public var stepGeV: Double

    public init(fromGeV: Double, toGeV: Double, stepGeV: Double) {
        self.fromGeV = fromGeV
        self.toGeV = toGeV
        self.stepGeV = stepGeV
    }

    /// A scan longer than this is a typo in `step`, not a plan (decoding refuses it).
    public static let maximumPointCount = 100_000

    /// `toGeV` is on the grid when it lies within this many steps of a grid point: rounding in
    /// (to − from)/step (≲ 10⁻¹¹ for 10⁵ points) must not drop the last point.
    static let onGridTolerance = 1e-9

    /// How many points the grid has, as a real number so that any from, to and step give an
    /// answer (0 when to < from or step ≤ 0, +∞ when step is negligible).
    public static func pointCount(fromGeV: Double, toGeV: Double, stepGeV: Double) -> Double {
        guard stepGeV > 0, toGeV >= fromGeV else { return 0 }
        let intervals = ((toGeV - fromGeV) / stepGeV + onGridTolerance).rounded(.down)
        return intervals.isNaN ? 0 : intervals + 1
    }

    /// How many points the grid has.
    public var pointCount: Double { Self.pointCount(fromGeV: fromGeV, toGeV: toGeV, stepGeV: stepGeV) }

    /// Grid points, computed by index (no accumulated rounding), at most `maximumPointCount`.
    public var massesGeV: [Double] {
        (0..<Int(min(pointCount, Double(Self.maximumPointCount)))).map { fromGeV + Double($0) * stepGeV }
    }
}
