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
        let pad = theme.outerPadding
        let W = figure.widthPt, H = figure.heightPt
        var warnings: [PlotWarning] = []

        let xLabelBlock = figure.xAxis.label.isEmpty ? nil : cache.block(figure.xAxis.label, theme.axisLabelSize)
        let yLabelBlocks = figure.panels.map { $0.yAxis.label.isEmpty ? nil : cache.block($0.yAxis.label, theme.axisLabelSize) }
        let titleBlock = figure.title.map { cache.block($0, theme.titleSize) }
        // A rotated y label takes its height as page width.
        let yLabelWidth = yLabelBlocks.compactMap { $0?.height }.max() ?? 0

        var left = pad + 40, right = pad + 10, top = pad + 8, bottom = pad + 36
        var rects: [PageRect] = []
        var xTicks: [LaidOutTick] = []
        var yTicks: [[LaidOutTick]] = []
        // Margins depend on the tick labels, which depend on the axis lengths, which
        // depend on the margins: three rounds settle it (the change after the first is
        // a few points at most).
        for _ in 0..<3 {
            let plotWidth = max(W - left - right, 10)
            let plotHeight = max(H - top - bottom, 10)
            rects = stack(figure.panels, x: left, y: top, width: plotWidth, height: plotHeight)
            xTicks = chooseTicks(figure.xAxis, from: left, length: plotWidth, horizontal: true, theme: theme, cache: cache)
            yTicks = zip(figure.panels, rects).map { panel, rect in
                chooseTicks(panel.yAxis, from: rect.maxY, length: rect.height, horizontal: false, theme: theme, cache: cache)
            }
            let yTickWidth = yTicks.joined().compactMap { $0.block?.width }.max() ?? 0
            let xTickHeight = xTicks.compactMap { $0.block?.height }.max() ?? 0
            left = pad + (yLabelWidth > 0 ? yLabelWidth + theme.axisLabelGap : 0) + yTickWidth + theme.tickLabelGap
            // The first and last x labels are centred on their ticks and may stick out.
            let xOverhangLeft = xTicks.compactMap { t in t.block.map { left - (t.position - $0.width / 2) } }.max() ?? 0
            let xOverhangRight = xTicks.compactMap { t in t.block.map { t.position + $0.width / 2 - (left + plotWidth) } }.max() ?? 0
            left = max(left, pad + xOverhangLeft)
            right = pad + max(xOverhangRight, 6)
            let xDrop = xLabelDrop(xTicks: xTicks, lowestPanelYTicks: yTicks[yTicks.count - 1], plotLeft: left,
                                   plotBottom: rects[rects.count - 1].maxY, theme: theme)
            bottom = pad + (xLabelBlock.map { $0.height + theme.axisLabelGap } ?? 0) + xTickHeight + xDrop
            // The top y label of the top panel is centred on the frame and sticks out by half.
            let yOverhangTop = yTicks.first.flatMap { ticks in
                ticks.compactMap { t in t.block.map { top - (t.position - $0.height / 2) } }.max()
            } ?? 0
            top = pad + (titleBlock.map { $0.height + theme.axisLabelGap } ?? 0) + max(yOverhangTop, 2)
        }
        if W - left - right < 10 || H - top - bottom < 10 {
            warnings.append(PlotWarning(kind: .textDoesNotFit("figure \(W) × \(H) pt is too small for its labels")))
        }

        // Label boxes; x labels win, then y labels top to bottom, dropping any that would
        // overlap one already placed (e.g. at the boundary between two stacked panels).
        let plotLeft = rects[0].minX, plotRight = rects[0].maxX
        let plotBottom = rects[rects.count - 1].maxY
        let xDrop = xLabelDrop(xTicks: xTicks, lowestPanelYTicks: yTicks[yTicks.count - 1], plotLeft: plotLeft,
                               plotBottom: plotBottom, theme: theme)
        var accepted: [PageRect] = []
        for i in xTicks.indices {
            guard let b = xTicks[i].block else { continue }
            let r = PageRect(x: xTicks[i].position - b.width / 2, y: plotBottom + xDrop, width: b.width, height: b.height)
            xTicks[i].labelRect = r
            accepted.append(r)
        }
        // At the boundary between two stacked panels the upper panel's lowest label (a decade
        // of the main panel, say) is placed first; the lower panel's label at its very top
        // yields (its tick is still drawn) — a decade without a label is worse than a ratio
        // panel's top value without one.
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
        for (p, i) in first + order + yielding {
            guard let b = yTicks[p][i].block else { continue }
            let r = PageRect(
                x: plotLeft - theme.tickLabelGap - b.width, y: yTicks[p][i].position - b.height / 2,
                width: b.width, height: b.height
            )
            if accepted.contains(where: { $0.intersects(r) }) {
                yTicks[p][i].block = nil
            } else {
                yTicks[p][i].labelRect = r
                accepted.append(r)
            }
        }

        let xTickHeight = xTicks.compactMap { $0.block?.height }.max() ?? 0
        let xLabel = xLabelBlock.map { b in
            PlacedText(block: b, rect: PageRect(
                x: (plotLeft + plotRight) / 2 - b.width / 2,
                y: plotBottom + xDrop + xTickHeight + theme.axisLabelGap,
                width: b.width, height: b.height))
        }
        var yLabels: [PlacedText?] = []
        for (p, block) in yLabelBlocks.enumerated() {
            guard let b = block else { yLabels.append(nil); continue }
            let rect = rects[p]
            if b.width > rect.height {
                warnings.append(PlotWarning(panel: p, kind: .textDoesNotFit(TextEngine.plainText(b.markup))))
            }
            let box = b.rotatedBox(centerX: pad + yLabelWidth / 2, centerY: rect.midY, angleDeg: 90)
            yLabels.append(PlacedText(block: b, rect: box, angleDeg: 90))
        }
        let title = titleBlock.map { b in
            PlacedText(block: b, rect: PageRect(x: (plotLeft + plotRight) / 2 - b.width / 2, y: pad, width: b.width, height: b.height))
        }
        return FigureLayout(
            panelRects: rects, xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabels: yLabels,
            title: title, warnings: warnings
        )
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

    func block(_ markup: String, _ sizePt: Double) -> TextBlock {
        let key = "\(sizePt)|\(markup)"
        if let b = blocks[key] { return b }
        let b = engine.block(markup, sizePt: sizePt)
        blocks[key] = b
        return b
    }
}
