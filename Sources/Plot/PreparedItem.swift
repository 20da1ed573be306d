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
    /// Page positions of a line's markers inside the frame.
    var markers: [PagePoint] = []
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
        let window = area.rect.outsetBy(Self.windowMargin)
        switch item {
        case let .line(line): prepareLine(line, area: area, window: window)
        case let .region(region): prepareRegion(region, area: area, window: window)
        case let .band(band): prepareBand(band, area: area, window: window)
        case let .text(text): prepareText(text, area: area)
        case let .reference(reference): prepareReference(reference, area: area)
        }
    }

    /// A line: its runs between skipped points, stroked in the window, sampled in the frame.
    private mutating func prepareLine(_ line: Line, area: PlotArea, window: PageRect) {
        let (runs, skipped) = area.runs(line.points)
        self.skipped = skipped
        strokes = runs.flatMap { Clipping.clipPolyline($0, to: window) }
        let visible = runs.flatMap { Clipping.clipPolyline($0, to: area.rect) }
        pieces = visible.count
        samples = visible.flatMap { Clipping.samples(along: $0) }
        pointsInside = area.insideCount(line.points)
        if line.style.marker != nil {
            markers = line.points.compactMap { area.page($0) }.filter { area.rect.contains($0) }
        }
    }

    /// A region: each boundary run closed along a horizontal line beyond the window on the
    /// filled side, so the fill reaches the frame whatever the axis range.
    private mutating func prepareRegion(_ region: FilledRegion, area: PlotArea, window: PageRect) {
        let rect = area.rect
        let (runs, skipped) = area.runs(region.boundary)
        self.skipped = skipped
        boundaryRuns = runs.filter { $0.count >= 2 }
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
    }

    /// A band: a skipped point (either edge) ends a piece, so each piece is one polygon
    /// between its lower and upper runs.
    private mutating func prepareBand(_ band: Band, area: PlotArea, window: PageRect) {
        let rect = area.rect
        var lowerRun: [PagePoint] = [], upperRun: [PagePoint] = []
        var insideCount = 0
        for i in band.x.indices {
            let lo = DataPoint(band.x[i], band.lower[i]), hi = DataPoint(band.x[i], band.upper[i])
            let reason = area.x.rejection(lo.x) ?? area.y.rejection(lo.y) ?? area.y.rejection(hi.y)
            if let reason {
                self.skipped[reason, default: 0] += 1
                addBandPiece(lower: lowerRun, upper: upperRun, band: band, rect: rect, window: window)
                lowerRun = []; upperRun = []
            } else if let a = area.page(lo), let b = area.page(hi) {
                lowerRun.append(a)
                upperRun.append(b)
                if rect.contains(a) || rect.contains(b) { insideCount += 1 }
            }
        }
        addBandPiece(lower: lowerRun, upper: upperRun, band: band, rect: rect, window: window)
        pointsInside = insideCount
    }

    /// One piece of a band: its fill, edges, and samples along both edges and the middle,
    /// since text over a band's inside hides it as much as text over its edges.
    private mutating func addBandPiece(lower: [PagePoint], upper: [PagePoint], band: Band, rect: PageRect, window: PageRect) {
        guard lower.count >= 2 else { return }
        let polygon = lower + upper.reversed()
        let cut = Clipping.clipPolygon(polygon, to: window)
        if !cut.isEmpty { fills.append(cut) }
        if !Clipping.clipPolygon(polygon, to: rect).isEmpty { pieces += 1 }
        if band.edge != nil {
            strokes += Clipping.clipPolyline(lower, to: window) + Clipping.clipPolyline(upper, to: window)
        }
        let middle = zip(lower, upper).map { PagePoint($0.x, ($0.y + $1.y) / 2) }
        for curve in [lower, upper, middle] {
            samples += Clipping.clipPolyline(curve, to: rect).flatMap { Clipping.samples(along: $0) }
        }
    }

    /// A text annotation counts as drawn when its anchor lies inside the frame.
    private mutating func prepareText(_ text: TextAnnotation, area: PlotArea) {
        if let p = area.page(text.position), area.rect.contains(p) {
            pieces = 1
            pointsInside = 1
        }
    }

    /// A reference line spans the frame at its y, when that lies inside the frame.
    private mutating func prepareReference(_ reference: ReferenceLine, area: PlotArea) {
        let rect = area.rect
        if let y = area.pageY(reference.y), y >= rect.minY, y <= rect.maxY {
            let line = [PagePoint(rect.minX, y), PagePoint(rect.maxX, y)]
            strokes = [line]
            samples = Clipping.samples(along: line)
            pieces = 1
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
