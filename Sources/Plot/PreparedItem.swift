/// One item's geometry in page coordinates, worked out before anything is drawn, so
/// that legend and labels can be placed around the curves and the render model can
/// report what was drawn.
struct PreparedItem {
    var index: Int
    var item: PlotItem
    /// Polygons to fill, cut to the clip window.
    var fills: [[PagePoint]] = []
    /// Polylines to stroke (lines, region and band edges, reference lines), cut to the window.
    var strokes: [[PagePoint]] = []
    /// Boundary runs of a region (not cut), for placing its label.
    var boundaryRuns: [[PagePoint]] = []
    /// Points every ~3 pt along the visible curves, to keep text off them.
    var samples: [PagePoint] = []
    var skipped: [SkipReason: Int] = [:]
    var pointsInside = 0
    var pieces = 0

    var visible: Bool { pieces > 0 }

    /// Geometry is cut to the frame grown by this much, enough for any line width;
    /// cairo's clip then makes the exact cut at the frame.
    static let windowMargin = 10.0

    init(index: Int, item: PlotItem, area: PlotArea) {
        self.index = index
        self.item = item
        let rect = area.rect
        let window = rect.outsetBy(Self.windowMargin)
        switch item {
        case let .line(line):
            let (runs, skipped) = area.runs(line.points)
            self.skipped = skipped
            strokes = runs.flatMap { Clipping.clipPolyline($0, to: window) }
            let visible = runs.flatMap { Clipping.clipPolyline($0, to: rect) }
            pieces = visible.count
            samples = visible.flatMap { Clipping.samples(along: $0) }
            pointsInside = area.insideCount(line.points)

        case let .region(region):
            let (runs, skipped) = area.runs(region.boundary)
            self.skipped = skipped
            boundaryRuns = runs.filter { $0.count >= 2 }
            // Close each run along a horizontal line beyond the window on the filled side.
            let edgeY = region.side == .above ? window.minY - 1 : window.maxY + 1
            for run in boundaryRuns {
                let polygon = run + [PagePoint(run[run.count - 1].x, edgeY), PagePoint(run[0].x, edgeY)]
                let cut = Clipping.clipPolygon(polygon, to: window)
                if !cut.isEmpty { fills.append(cut) }
                if !Clipping.clipPolygon(polygon, to: rect).isEmpty { pieces += 1 }
                if region.edge != nil { strokes += Clipping.clipPolyline(run, to: window) }
                samples += Clipping.clipPolyline(run, to: rect).flatMap { Clipping.samples(along: $0) }
            }
            pointsInside = area.insideCount(region.boundary)

        case let .band(band):
            var lowerRun: [PagePoint] = [], upperRun: [PagePoint] = []
            var insideCount = 0
            func flush() {
                defer { lowerRun = []; upperRun = [] }
                guard lowerRun.count >= 2 else { return }
                let polygon = lowerRun + upperRun.reversed()
                let cut = Clipping.clipPolygon(polygon, to: window)
                if !cut.isEmpty { fills.append(cut) }
                if !Clipping.clipPolygon(polygon, to: rect).isEmpty { pieces += 1 }
                if band.edge != nil {
                    strokes += Clipping.clipPolyline(lowerRun, to: window) + Clipping.clipPolyline(upperRun, to: window)
                }
                let middle = zip(lowerRun, upperRun).map { PagePoint($0.x, ($0.y + $1.y) / 2) }
                for curve in [lowerRun, upperRun, middle] {
                    samples += Clipping.clipPolyline(curve, to: rect).flatMap { Clipping.samples(along: $0) }
                }
            }
            for i in band.x.indices {
                let lo = DataPoint(band.x[i], band.lower[i]), hi = DataPoint(band.x[i], band.upper[i])
                let reason = area.x.rejection(lo.x) ?? area.y.rejection(lo.y) ?? area.y.rejection(hi.y)
                if let reason {
                    self.skipped[reason, default: 0] += 1
                    flush()
                } else if let a = area.page(lo), let b = area.page(hi) {
                    lowerRun.append(a)
                    upperRun.append(b)
                    if rect.contains(a) || rect.contains(b) { insideCount += 1 }
                }
            }
            flush()
            pointsInside = insideCount

        case let .text(text):
            if let p = area.page(text.position), rect.contains(p) {
                pieces = 1
                pointsInside = 1
            }

        case let .reference(reference):
            if let y = area.pageY(reference.y), y >= rect.minY, y <= rect.maxY {
                let line = [PagePoint(rect.minX, y), PagePoint(rect.maxX, y)]
                strokes = [line]
                samples = Clipping.samples(along: line)
                pieces = 1
            }
        }
    }

    /// Warnings for skipped points (one per reason, in a fixed order) and invisibility.
    func warnings(panel: Int) -> [PlotWarning] {
        var out: [PlotWarning] = []
        for reason in [SkipReason.nonFinite, .nonPositiveOnLogAxis] {
            if let n = skipped[reason], n > 0 {
                out.append(PlotWarning(panel: panel, item: index, kind: .skippedPoints(count: n, reason: reason)))
            }
        }
        if !visible { out.append(PlotWarning(panel: panel, item: index, kind: .notVisible)) }
        return out
    }
}
