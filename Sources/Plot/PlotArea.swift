/// A panel's plot rectangle with its two axes: maps data to page coordinates and splits
/// data into the runs that can be drawn.
struct PlotArea {
    var rect: PageRect
    var x: Axis
    var y: Axis

    /// Page position of a data point, or nil if either coordinate cannot be shown.
    func page(_ p: DataPoint) -> PagePoint? {
        guard let fx = x.fraction(p.x), let fy = y.fraction(p.y) else { return nil }
        return PagePoint(
            Clipping.clamp(rect.minX + fx * rect.width),
            Clipping.clamp(rect.maxY - fy * rect.height)
        )
    }

    func pageY(_ value: Double) -> Double? {
        y.fraction(value).map { Clipping.clamp(rect.maxY - $0 * rect.height) }
    }

    /// Splits `points` at the ones that cannot be shown; returns the runs (in page
    /// coordinates) and how many points were skipped for which reason.
    func runs(_ points: [DataPoint]) -> (runs: [[PagePoint]], skipped: [SkipReason: Int]) {
        var runs: [[PagePoint]] = []
        var current: [PagePoint] = []
        var skipped: [SkipReason: Int] = [:]
        for p in points {
            if let reason = x.rejection(p.x) ?? y.rejection(p.y) {
                skipped[reason, default: 0] += 1
                if !current.isEmpty { runs.append(current) }
                current = []
            } else if let q = page(p) {
                current.append(q)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return (runs, skipped)
    }

    /// Number of usable points inside the plot rectangle.
    func insideCount(_ points: [DataPoint]) -> Int {
        points.reduce(0) { n, p in
            guard let q = page(p) else { return n }
            return rect.contains(q) ? n + 1 : n
        }
    }
}
