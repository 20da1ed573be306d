import CCairo

/// A tick with its page position and, if labelled, its laid-out label.
struct LaidOutTick {
    var tick: Tick
    /// Page coordinate along the axis.
    var position: Double
    var block: TextBlock?
    var labelRect: PageRect?
}

/// A laid-out piece of text and the page box it occupies.
struct PlacedText {
    var block: TextBlock
    var rect: PageRect
    var angleDeg: Double = 0
}

/// Where everything outside the plot areas goes. Margins are not fixed: they are computed
/// from the measured sizes of tick labels and axis labels, so nothing is clipped at the
/// page edge and nothing overlaps, whatever the fonts, ranges and labels.
struct FigureLayout {
    var panelRects: [PageRect]
    var xTicks: [LaidOutTick]
    var yTicks: [[LaidOutTick]]
    var xLabel: PlacedText?
    var yLabels: [PlacedText?]
    var title: PlacedText?
    var warnings: [PlotWarning]

    /// Lays out `figure` (already validated).
    static func compute(_ figure: Figure, text: TextEngine, cache: TextCache) -> FigureLayout {
        let theme = figure.theme
        let W = figure.widthPt, H = figure.heightPt
        var warnings: [PlotWarning] = []
        let settled = settleMargins(figure, labels: MeasuredLabels(figure, cache: cache), cache: cache)
        let rects = settled.rects, margins = settled.margins, labels = settled.labels
        var xTicks = settled.xTicks, yTicks = settled.yTicks
        if W - margins.left - margins.right < 10 || H - margins.top - margins.bottom < 10 {
            warnings.append(PlotWarning(kind: .textDoesNotFit("figure \(W) × \(H) pt is too small for its labels")))
        }

        // Label boxes; x labels win, then y labels top to bottom, dropping any that would
        // overlap one already placed (e.g. at the boundary between two stacked panels).
        let plotLeft = rects[0].minX, plotRight = rects[0].maxX
        let plotBottom = rects[rects.count - 1].maxY
        let xDrop = xLabelDrop(xTicks: xTicks, lowestPanelYTicks: yTicks[yTicks.count - 1], plotLeft: plotLeft,
                               plotBottom: plotBottom, theme: theme)
        var accepted = placeXTickLabels(&xTicks, top: plotBottom + xDrop)
        placeYTickLabels(&yTicks, order: yTickLabelOrder(yTicks, rects: rects), right: plotLeft - theme.tickLabelGap, accepted: &accepted)

        let xTickHeight = xTicks.compactMap { $0.block?.height }.max() ?? 0
        let xLabel = labels.x.map { b in
            PlacedText(block: b, rect: PageRect(
                x: (plotLeft + plotRight) / 2 - b.width / 2,
                y: plotBottom + xDrop + xTickHeight + theme.axisLabelGap,
                width: b.width, height: b.height))
        }
        let yLabels = placeYLabels(labels, rects: rects, theme: theme, warnings: &warnings)
        let title = labels.title.map { b in
            PlacedText(block: b, rect: PageRect(x: (plotLeft + plotRight) / 2 - b.width / 2, y: theme.outerPadding, width: b.width, height: b.height))
        }
        return FigureLayout(
            panelRects: rects, xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabels: yLabels,
            title: title, warnings: warnings
        )
    }

    /// Axis labels and title, set once: their sizes enter the margins.
    private struct MeasuredLabels {
        var x: TextBlock?
        var y: [TextBlock?]
        var title: TextBlock?
        /// Page width of the widest y label; a rotated label takes its height as page width.
        var yWidth: Double

        init(_ figure: Figure, cache: TextCache) {
            let theme = figure.theme
            x = figure.xAxis.label.isEmpty ? nil : cache.block(figure.xAxis.label, theme.axisLabelSize)
            y = figure.panels.map { $0.yAxis.label.isEmpty ? nil : cache.block($0.yAxis.label, theme.axisLabelSize) }
            title = figure.title.map { cache.block($0, theme.titleSize) }
            yWidth = y.compactMap { $0?.height }.max() ?? 0
        }

        /// The y labels set again to fit along the panels of `rects` (`TextFit`).
        func fitted(_ figure: Figure, to rects: [PageRect], cache: TextCache) -> MeasuredLabels {
            var out = self
            out.y = zip(figure.panels, rects).map { panel, rect in
                panel.yAxis.label.isEmpty ? nil
                    : TextFit.block(panel.yAxis.label, length: rect.height, sizePt: figure.theme.axisLabelSize, cache: cache)
            }
            out.yWidth = out.y.compactMap { $0?.height }.max() ?? 0
            return out
        }
    }

    /// Page margins around the stacked panels [pt].
    private struct Margins {
        var left: Double, right: Double, top: Double, bottom: Double
    }

    /// Margins depend on the tick labels, which depend on the axis lengths, which depend on
    /// the margins: three rounds settle it (the change after the first is a few points at
    /// most). Each round sets the y labels to fit the panels' heights, which do not depend on
    /// the left margin they widen. Returns the panels, ticks and labels of the last round and
    /// the margins it asks for.
    private static func settleMargins(
        _ figure: Figure, labels measured: MeasuredLabels, cache: TextCache
    ) -> (rects: [PageRect], xTicks: [LaidOutTick], yTicks: [[LaidOutTick]], margins: Margins, labels: MeasuredLabels) {
        var labels = measured
        let theme = figure.theme
        let pad = theme.outerPadding
        var margins = Margins(left: pad + 40, right: pad + 10, top: pad + 8, bottom: pad + 36)
        var rects: [PageRect] = []
        var xTicks: [LaidOutTick] = []
        var yTicks: [[LaidOutTick]] = []
        for _ in 0..<3 {
            let plotWidth = max(figure.widthPt - margins.left - margins.right, 10)
            let plotHeight = max(figure.heightPt - margins.top - margins.bottom, 10)
            rects = stack(figure.panels, x: margins.left, y: margins.top, width: plotWidth, height: plotHeight)
            labels = measured.fitted(figure, to: rects, cache: cache)
            xTicks = chooseTicks(figure.xAxis, from: margins.left, length: plotWidth, horizontal: true, theme: theme, cache: cache)
            yTicks = zip(figure.panels, rects).map { panel, rect in
                chooseTicks(panel.yAxis, from: rect.maxY, length: rect.height, horizontal: false, theme: theme, cache: cache)
            }
            margins = fittedMargins(xTicks: xTicks, yTicks: yTicks, rects: rects, plotWidth: plotWidth,
                                    top: margins.top, labels: labels, theme: theme)
        }
        return (rects, xTicks, yTicks, margins, labels)
    }

    /// One round's margins: room for the measured tick and axis labels, including tick labels
    /// that stick out past the frame's corners.
    private static func fittedMargins(
        xTicks: [LaidOutTick], yTicks: [[LaidOutTick]], rects: [PageRect], plotWidth: Double,
        top previousTop: Double, labels: MeasuredLabels, theme: Theme
    ) -> Margins {
        let pad = theme.outerPadding
        let yTickWidth = yTicks.joined().compactMap { $0.block?.width }.max() ?? 0
        let xTickHeight = xTicks.compactMap { $0.block?.height }.max() ?? 0
        var left = pad + (labels.yWidth > 0 ? labels.yWidth + theme.axisLabelGap : 0) + yTickWidth + theme.tickLabelGap
        // The first and last x labels are centred on their ticks and may stick out.
        let xOverhangLeft = xTicks.compactMap { t in t.block.map { left - (t.position - $0.width / 2) } }.max() ?? 0
        let xOverhangRight = xTicks.compactMap { t in t.block.map { t.position + $0.width / 2 - (left + plotWidth) } }.max() ?? 0
        left = max(left, pad + xOverhangLeft)
        let right = pad + max(xOverhangRight, 6)
        let xDrop = xLabelDrop(xTicks: xTicks, lowestPanelYTicks: yTicks[yTicks.count - 1], plotLeft: left,
                               plotBottom: rects[rects.count - 1].maxY, theme: theme)
        let bottom = pad + (labels.x.map { $0.height + theme.axisLabelGap } ?? 0) + xTickHeight + xDrop
        // The top y label of the top panel is centred on the frame and sticks out by half.
        let yOverhangTop = yTicks.first.flatMap { ticks in
            ticks.compactMap { t in t.block.map { previousTop - (t.position - $0.height / 2) } }.max()
        } ?? 0
        let top = pad + (labels.title.map { $0.height + theme.axisLabelGap } ?? 0) + max(yOverhangTop, 2)
        return Margins(left: left, right: right, top: top, bottom: bottom)
    }

    /// X tick labels centred under their ticks, their row's top at `top`; all are kept, and
    /// their boxes are returned for the y labels to avoid.
    private static func placeXTickLabels(_ xTicks: inout [LaidOutTick], top: Double) -> [PageRect] {
        var accepted: [PageRect] = []
        for i in xTicks.indices {
            guard let b = xTicks[i].block else { continue }
            let r = PageRect(x: xTicks[i].position - b.width / 2, y: top, width: b.width, height: b.height)
            xTicks[i].labelRect = r
            accepted.append(r)
        }
        return accepted
    }

    /// At the boundary between two stacked panels the upper panel's lowest label (a decade
    /// of the main panel, say) is placed first; the lower panel's label at its very top
    /// yields (its tick is still drawn) — a decade without a label is worse than a ratio
    /// panel's top value without one.
    private static func yTickLabelOrder(_ yTicks: [[LaidOutTick]], rects: [PageRect]) -> [(panel: Int, tick: Int)] {
        var first: [(panel: Int, tick: Int)] = []
        var order: [(panel: Int, tick: Int)] = []
        var yielding: [(panel: Int, tick: Int)] = []
        for p in yTicks.indices {
            for i in yTicks[p].indices {
                let position = yTicks[p][i].position
                if p < rects.count - 1 && abs(position - rects[p].maxY) < 0.5 {
                    first.append((p, i))
                } else if p > 0 && abs(position - rects[p].minY) < 0.5 {
                    yielding.append((p, i))
                } else {
                    order.append((p, i))
                }
            }
        }
        return first + order + yielding
    }

    /// Y tick labels right-aligned at `right`, in `order`; a label that would overlap one
    /// already accepted loses its text, so the tick is drawn bare.
    private static func placeYTickLabels(
        _ yTicks: inout [[LaidOutTick]], order: [(panel: Int, tick: Int)], right: Double, accepted: inout [PageRect]
    ) {
        for (p, i) in order {
            guard let b = yTicks[p][i].block else { continue }
            let r = PageRect(
                x: right - b.width, y: yTicks[p][i].position - b.height / 2,
                width: b.width, height: b.height
            )
            if accepted.contains(where: { $0.intersects(r) }) {
                yTicks[p][i].block = nil
            } else {
                yTicks[p][i].labelRect = r
                accepted.append(r)
            }
        }
    }

    /// Y axis labels turned by 90° and centred on their panels; one longer than its panel
    /// is tall still goes there, with a warning.
    private static func placeYLabels(
        _ labels: MeasuredLabels, rects: [PageRect], theme: Theme, warnings: inout [PlotWarning]
    ) -> [PlacedText?] {
        var yLabels: [PlacedText?] = []
        for (p, block) in labels.y.enumerated() {
            guard let b = block else { yLabels.append(nil); continue }
            let rect = rects[p]
            if b.width > rect.height {
                warnings.append(PlotWarning(panel: p, kind: .textDoesNotFit(TextEngine.plainText(b.markup))))
            }
            let box = b.rotatedBox(centerX: theme.outerPadding + labels.yWidth / 2, centerY: rect.midY, angleDeg: 90)
            yLabels.append(PlacedText(block: b, rect: box, angleDeg: 90))
        }
        return yLabels
    }

    /// Distance from the frame to the top of the x tick labels: the usual gap, or more
    /// when a y label at the bottom corner (centred on the frame, so reaching below it)
    /// would touch the first x label — lowering the row keeps both labels.
    static func xLabelDrop(
        xTicks: [LaidOutTick], lowestPanelYTicks: [LaidOutTick], plotLeft: Double, plotBottom: Double, theme: Theme
    ) -> Double {
        var drop = theme.tickLabelGap
        for y in lowestPanelYTicks {
            guard let yb = y.block else { continue }
            let yRect = PageRect(x: plotLeft - theme.tickLabelGap - yb.width, y: y.position - yb.height / 2, width: yb.width, height: yb.height)
            for x in xTicks {
                guard let xb = x.block else { continue }
                let xRect = PageRect(x: x.position - xb.width / 2, y: plotBottom + drop, width: xb.width, height: xb.height)
                if xRect.intersects(yRect) { drop = max(drop, yRect.maxY - plotBottom + 0.5) }
            }
        }
        return drop
    }

    /// Panel rectangles stacked top to bottom without gaps, heights in proportion.
    static func stack(_ panels: [Panel], x: Double, y: Double, width: Double, height: Double) -> [PageRect] {
        let total = panels.reduce(0) { $0 + $1.relativeHeight }
        var top = y
        return panels.map { panel in
            let h = height * panel.relativeHeight / total
            defer { top += h }
            return PageRect(x: x, y: top, width: width, height: h)
        }
    }

    /// Ticks for an axis of `length` points: the most labels (up to 8) whose measured boxes
    /// keep a clear gap between neighbours. `from` is the page coordinate of the axis
    /// lower end; y grows downwards on the page, so vertical axes run towards smaller y.
    static func chooseTicks(
        _ axis: Axis, from origin: Double, length: Double, horizontal: Bool, theme: Theme, cache: TextCache
    ) -> [LaidOutTick] {
        var laid: [LaidOutTick] = []
        for maxLabels in stride(from: 8, through: 2, by: -1) {
            guard let ticks = try? axis.ticks(maxLabels: maxLabels) else { return [] }
            laid = ticks.compactMap { tick in
                guard let f = axis.fraction(tick.value) else { return nil }
                let position = horizontal ? origin + f * length : origin - f * length
                return LaidOutTick(tick: tick, position: position, block: tick.label.map { cache.block($0, theme.tickLabelSize) })
            }
            let labelled = laid.filter { $0.block != nil }.sorted { $0.position < $1.position }
            let gap = horizontal ? 0.8 * theme.tickLabelSize : 0.25 * theme.tickLabelSize
            let fits = zip(labelled, labelled.dropFirst()).allSatisfy { a, b in
                let (sa, sb) = horizontal ? (a.block!.width, b.block!.width) : (a.block!.height, b.block!.height)
                return b.position - a.position >= (sa + sb) / 2 + gap
            }
            if fits { break }
        }
        return laid
    }
}

/// Laid-out text blocks by markup and size, so a label measured for the layout is the
/// same object that is drawn, and repeated labels are set once.
final class TextCache {
    let engine: TextEngine
    private var blocks: [String: TextBlock] = [:]

    init(engine: TextEngine) { self.engine = engine }

    func block(_ markup: String, _ sizePt: Double, alignment: PangoAlignment = PANGO_ALIGN_LEFT) -> TextBlock {
        let key = "\(sizePt)|\(alignment.rawValue)|\(markup)"
        if let b = blocks[key] { return b }
        let b = engine.block(markup, sizePt: sizePt, alignment: alignment)
        blocks[key] = b
        return b
    }
}
