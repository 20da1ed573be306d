import CCairo

/// The one drawing routine behind every output format: lays the figure out, places
/// labels and legend around the curves, draws on a cairo context whose user units are
/// points, and reports what it drew.
enum FigureDrawing {
    /// Draws `figure` (already validated) on `cr` and returns the render model.
    static func draw(_ figure: Figure, on cr: OpaquePointer) -> RenderModel {
        let theme = figure.theme
        let engine = TextEngine(family: theme.fontFamily)
        let cache = TextCache(engine: engine)
        let layout = FigureLayout.compute(figure, text: cache.engine, cache: cache)
        var warnings = layout.warnings

        let areas = zip(figure.panels, layout.panelRects).map { PlotArea(rect: $1, x: figure.xAxis, y: $0.yAxis) }
        let prepared = zip(figure.panels, areas).map { panel, area in
            panel.items.enumerated().map { PreparedItem(index: $0, item: $1, area: area) }
        }
        for (p, items) in prepared.enumerated() {
            for item in items { warnings += item.warnings(panel: p) }
        }

        // Text inside the plot areas: experiment label, legend, region labels.
        var obstacles = Array(repeating: [PageRect](), count: figure.panels.count)
        let panelSamples = prepared.map { $0.flatMap(\.samples) }
        let hatchedBoxes: [[PageRect]] = prepared.map { items in
            items.flatMap { item -> [PageRect] in
                guard case let .region(r) = item.item, r.hatch != nil else { return [] }
                return item.fills.map(Self.boundingBox)
            }
        }
        var experimentLabel: (TextBlock, PageRect)?
        if let label = figure.experimentLabel {
            let block = cache.block(label.markup, label.sizePt ?? theme.experimentLabelSize)
            let rect = label.corner.place(width: block.width, height: block.height, in: layout.panelRects[label.panel], inset: theme.insideInset)
            experimentLabel = (block, rect)
            obstacles[label.panel].append(rect)
            let covered = Placement.count(panelSamples[label.panel], in: rect)
            if covered > 0 { warnings.append(PlotWarning(panel: label.panel, kind: .labelCoversData(samples: covered))) }
        }

        let entries = Legend.entries(of: figure.panels)
        var legendBox: LegendBox?
        var legendModel: LegendModel?
        // One or two columns (unless fixed): whichever hides fewer curve samples.
        func placeLegend(_ candidates: [Corner]) {
            guard figure.legend.placement != .none, !entries.isEmpty else { return }
            let p = figure.legend.panel
            let columnChoices = figure.legend.columns.map { [$0] } ?? (entries.count >= 4 ? [1, 2] : [1])
            var best: (box: LegendBox, corner: Corner, rect: PageRect, covered: Int, score: Int)?
            for columns in columnChoices {
                let box = LegendBox(entries: entries, title: figure.legend.title, columns: columns, theme: theme, cache: cache)
                let chosen = Placement.legend(
                    width: box.width, height: box.height, in: layout.panelRects[p], inset: theme.insideInset,
                    samples: panelSamples[p], obstacles: obstacles[p], candidates: candidates)
                if best == nil || chosen.score < best!.score {
                    best = (box, chosen.corner, chosen.rect, chosen.covered, chosen.score)
                }
            }
            guard let best else { return }
            legendBox = best.box
            legendModel = LegendModel(
                rect: best.rect, panel: p, corner: best.corner,
                labels: entries.map(\.label), coveredSamples: best.covered)
            obstacles[p].append(best.rect)
        }
        if case let .corner(corner) = figure.legend.placement { placeLegend([corner]) }

        var labelRects: [[PageRect?]] = prepared.map { Array(repeating: nil, count: $0.count) }
        var regionLabels: [(block: TextBlock, rect: PageRect, hatched: Bool)] = []
        for (p, items) in prepared.enumerated() {
            for item in items {
                guard case let .region(region) = item.item, let label = region.label else { continue }
                let block = cache.block(label, theme.annotationSize)
                var rect: PageRect?
                switch region.labelPlacement {
                case .automatic:
                    let others = items.filter { $0.index != item.index }.flatMap(\.samples)
                    rect = Placement.regionLabel(
                        width: block.width, height: block.height, side: region.side, runs: item.boundaryRuns,
                        area: layout.panelRects[p], inset: 3, gap: 2.5, samples: others, obstacles: obstacles[p])
                case let .at(point):
                    rect = areas[p].page(point).map {
                        PageRect(x: $0.x - block.width / 2, y: $0.y - block.height / 2, width: block.width, height: block.height)
                    }
                }
                if let rect {
                    labelRects[p][item.index] = rect
                    regionLabels.append((block, rect, region.hatch != nil))
                    obstacles[p].append(rect)
                } else {
                    warnings.append(PlotWarning(panel: p, item: item.index, kind: .labelNotPlaced(TextEngine.plainText(label))))
                }
            }
        }
        if figure.legend.placement == .automatic { placeLegend(Placement.legendCandidates) }
        if let legend = legendModel, legend.coveredSamples > 0 {
            warnings.append(PlotWarning(panel: legend.panel, kind: .legendCoversData(samples: legend.coveredSamples)))
        }

        // Paint.
        cairo_save(cr)
        Painter.setColor(cr, theme.background)
        cairo_paint(cr)
        cairo_restore(cr)
        for (p, items) in prepared.enumerated() {
            drawItems(cr, items, area: areas[p], theme: theme, cache: cache)
            drawFrameAndTicks(cr, rect: layout.panelRects[p], xTicks: layout.xTicks, yTicks: layout.yTicks[p], theme: theme)
        }
        for label in regionLabels {
            // Hatching runs through text; a light backing keeps the label readable.
            if label.hatched {
                Painter.setColor(cr, theme.background.withAlpha(0.85))
                Painter.rectangle(cr, label.rect.outsetBy(1))
                cairo_fill(cr)
            }
            label.block.draw(cr, x: label.rect.minX, y: label.rect.minY, color: Color(rgb: 0x333333))
        }
        if let (block, rect) = experimentLabel {
            // Over hatching or curves a light backing keeps the label readable; on plain
            // fills it would only show as a box.
            let panel = figure.experimentLabel?.panel ?? 0
            if Placement.count(panelSamples[panel], in: rect) > 0 || hatchedBoxes[panel].contains(where: { $0.intersects(rect) }) {
                Painter.setColor(cr, theme.background.withAlpha(0.75))
                Painter.rectangle(cr, rect.outsetBy(1.5))
                cairo_fill(cr)
            }
            block.draw(cr, x: rect.minX, y: rect.minY, color: Palette.ink)
        }
        if let box = legendBox, let model = legendModel {
            box.draw(cr, in: model.rect, legend: figure.legend)
        }
        for tick in layout.xTicks + layout.yTicks.joined() {
            if let block = tick.block, let r = tick.labelRect { block.draw(cr, x: r.minX, y: r.minY, color: Palette.ink) }
        }
        for placed in [layout.xLabel, layout.title].compactMap({ $0 }) {
            placed.block.draw(cr, x: placed.rect.minX, y: placed.rect.minY, color: Palette.ink)
        }
        for placed in layout.yLabels.compactMap({ $0 }) {
            placed.block.drawRotated(cr, centerX: placed.rect.midX, centerY: placed.rect.midY, angleDeg: placed.angleDeg, color: Palette.ink)
        }

        func rendered(_ t: LaidOutTick) -> RenderedTick {
            RenderedTick(
                value: t.tick.value, position: t.position, isMajor: t.tick.isMajor,
                label: t.block == nil ? nil : t.tick.label, labelRect: t.block == nil ? nil : t.labelRect)
        }
        let items = prepared.enumerated().flatMap { p, items in
            items.map { item in
                ItemModel(
                    panel: p, index: item.index, kind: item.item.kind, legendLabel: item.item.legendLabel,
                    drawn: item.visible, pieces: item.pieces, pointsInside: item.pointsInside,
                    pointsSkipped: item.skipped.values.reduce(0, +), labelRect: labelRects[p][item.index])
            }
        }
        return RenderModel(
            widthPt: figure.widthPt, heightPt: figure.heightPt,
            xTicks: layout.xTicks.map(rendered),
            panels: layout.panelRects.indices.map { p in
                PanelModel(plotRect: layout.panelRects[p], yTicks: layout.yTicks[p].map(rendered), yLabelRect: layout.yLabels[p]?.rect)
            },
            items: items, legend: legendModel, experimentLabel: experimentLabel?.1, title: layout.title?.rect,
            warnings: warnings)
    }

    static func boundingBox(_ points: [PagePoint]) -> PageRect {
        let xs = points.map(\.x), ys = points.map(\.y)
        let x0 = xs.min() ?? 0, y0 = ys.min() ?? 0
        return PageRect(x: x0, y: y0, width: (xs.max() ?? 0) - x0, height: (ys.max() ?? 0) - y0)
    }

    /// Items of one panel in layers, clipped to the frame: fills, hatches, edges,
    /// reference lines, curves, text.
    private static func drawItems(_ cr: OpaquePointer, _ items: [PreparedItem], area: PlotArea, theme: Theme, cache: TextCache) {
        cairo_save(cr)
        Painter.rectangle(cr, area.rect)
        cairo_clip(cr)
        for item in items {
            switch item.item {
            case let .region(r): item.fills.forEach { Painter.fill(cr, $0, r.fill) }
            case let .band(b): item.fills.forEach { Painter.fill(cr, $0, b.fill) }
            default: break
            }
        }
        for item in items {
            if case let .region(r) = item.item, let hatch = r.hatch { item.fills.forEach { Painter.hatch(cr, $0, hatch) } }
        }
        for item in items {
            switch item.item {
            case let .region(r): if let edge = r.edge { item.strokes.forEach { Painter.stroke(cr, $0, edge) } }
            case let .band(b): if let edge = b.edge { item.strokes.forEach { Painter.stroke(cr, $0, edge) } }
            default: break
            }
        }
        for item in items {
            if case let .reference(r) = item.item { item.strokes.forEach { Painter.stroke(cr, $0, r.style) } }
        }
        for item in items {
            if case let .line(l) = item.item { item.strokes.forEach { Painter.stroke(cr, $0, l.style) } }
        }
        for item in items {
            guard case let .text(t) = item.item, item.visible, let p = area.page(t.position) else { continue }
            let block = cache.block(t.markup, t.sizePt ?? theme.annotationSize)
            let cx: Double
            switch t.anchor {
            case .center: cx = p.x
            case .left: cx = p.x + block.width / 2
            case .right: cx = p.x - block.width / 2
            }
            block.drawRotated(cr, centerX: cx, centerY: p.y, angleDeg: t.angleDeg, color: t.color)
        }
        cairo_restore(cr)
    }

    /// The frame and inward ticks on all four sides (x ticks on top and bottom, y ticks
    /// left and right), the habit of particle-physics plots.
    private static func drawFrameAndTicks(_ cr: OpaquePointer, rect: PageRect, xTicks: [LaidOutTick], yTicks: [LaidOutTick], theme: Theme) {
        cairo_save(cr)
        Painter.setColor(cr, Palette.ink)
        cairo_set_dash(cr, nil, 0, 0)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_set_line_width(cr, theme.frameWidth * 0.8)
        for t in xTicks {
            let len = t.tick.isMajor ? theme.majorTickLength : theme.minorTickLength
            cairo_move_to(cr, t.position, rect.maxY)
            cairo_line_to(cr, t.position, rect.maxY - len)
            cairo_move_to(cr, t.position, rect.minY)
            cairo_line_to(cr, t.position, rect.minY + len)
        }
        for t in yTicks {
            let len = t.tick.isMajor ? theme.majorTickLength : theme.minorTickLength
            cairo_move_to(cr, rect.minX, t.position)
            cairo_line_to(cr, rect.minX + len, t.position)
            cairo_move_to(cr, rect.maxX, t.position)
            cairo_line_to(cr, rect.maxX - len, t.position)
        }
        cairo_stroke(cr)
        cairo_set_line_width(cr, theme.frameWidth)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        Painter.rectangle(cr, rect)
        cairo_stroke(cr)
        cairo_restore(cr)
    }
}
