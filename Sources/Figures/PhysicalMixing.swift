import Plot

/// The physical region of the mixing, 0 ≤ |U|² ≤ 1 (|U|² is a squared element of a unitary
/// matrix; docs/physics.md §6.3), for what exclusion figures draw: a projected |U|² above 1 (or not
/// finite, e.g. beyond the kinematic endpoint) says only that nothing is reached there, so such
/// points are left out and a curve stops where it leaves the region.
enum PhysicalMixing {
    /// The largest |U|² drawn.
    static let largestU2 = 1.0

    static func isPhysical(_ u2: Double) -> Bool { u2.isFinite && u2 <= largestU2 }

    /// The runs of consecutive points with a physical |U|², in order (a curve that leaves the
    /// region and comes back is drawn as separate pieces, never joined across the gap).
    static func runs(_ points: [DataPoint]) -> [[DataPoint]] {
        var runs: [[DataPoint]] = []
        var current: [DataPoint] = []
        for point in points {
            if isPhysical(point.y) { current.append(point); continue }
            if !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// A band's runs: points whose lower edge is physical, the upper edge clipped at |U|² = 1.
    static func bandRuns(x: [Double], lower: [Double], upper: [Double]) -> [(x: [Double], lower: [Double], upper: [Double])] {
        var runs: [(x: [Double], lower: [Double], upper: [Double])] = []
        var current: (x: [Double], lower: [Double], upper: [Double]) = ([], [], [])
        for i in x.indices {
            if isPhysical(lower[i]) && !upper[i].isNaN {
                current.x.append(x[i])
                current.lower.append(lower[i])
                current.upper.append(min(upper[i], largestU2))
                continue
            }
            if !current.x.isEmpty { runs.append(current); current = ([], [], []) }
        }
        if !current.x.isEmpty { runs.append(current) }
        return runs
    }
}
