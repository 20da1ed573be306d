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
        let areas = zip(figure.panels, layout.panelRects).map { PlotArea(rect: $1, x: figure.xAxis, y: $0.yAxis) }
        let prepared = prepareItems(of: figure, in: areas)
        let inside = InsideText.place(figure, layout: layout, areas: areas, prepared: prepared, cache: cache)

        paintBackground(cr, theme: theme)
        for (p, items) in prepared.enumerated() {
            drawItems(cr, items, area: areas[p], theme: theme, cache: cache)
            drawFrameAndTicks(cr, rect: layout.panelRects[p], xTicks: layout.xTicks, yTicks: layout.yTicks[p], theme: theme)
        }
        paintRegionLabels(cr, inside.regionLabels, theme: theme)
        paintExperimentLabel(cr, inside, prepared: prepared, theme: theme)
        if let box = inside.legendBox, let model = inside.legendModel {
            box.draw(cr, in: model.rect, legend: figure.legend)
        }
        paintOutsideText(cr, layout)

        let warnings = layout.warnings + itemWarnings(prepared) + inside.warnings
        return renderModel(figure, layout: layout, prepared: prepared, inside: inside, warnings: warnings)
    }

    /// Every item's page geometry, per panel, before anything is drawn, so text can avoid it.
    private static func prepareItems(of figure: Figure, in areas: [PlotArea]) -> [[PreparedItem]] {
        zip(figure.panels, areas).map { panel, area in
            panel.items.enumerated().map { PreparedItem(index: $0, item: $1, area: area) }
        }
    }

    /// Skipped points and invisible items, panel by panel, in item order.
    private static func itemWarnings(_ prepared: [[PreparedItem]]) -> [PlotWarning] {
        var warnings: [PlotWarning] = []
        for (p, items) in prepared.enumerated() {
            for item in items { warnings += item.warnings(panel: p) }
        }
        return warnings
    }

    /// The page background, so PNGs are opaque and PDFs look the same on any viewer.
    private static func paintBackground(_ cr: OpaquePointer, theme: Theme) {
        cairo_save(cr)
        Painter.setColor(cr, theme.background)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// Region labels over the items; hatching runs through text, so a light backing keeps
    /// a label on a hatched region readable.
    private static func paintRegionLabels(
        _ cr: OpaquePointer, _ labels: [(block: TextBlock, rect: PageRect, hatched: Bool)], theme: Theme
    ) {
        for label in labels {
            if label.hatched {
                Painter.setColor(cr, theme.background.withAlpha(0.85))
                Painter.rectangle(cr, label.rect.outsetBy(1))
                cairo_fill(cr)
            }
            label.block.draw(cr, x: label.rect.minX, y: label.rect.minY, color: Color(rgb: 0x333333))
        }
    }

    /// The experiment label; over hatching or curves a light backing keeps it readable, on
    /// plain fills it would only show as a box.
    private static func paintExperimentLabel(_ cr: OpaquePointer, _ inside: InsideText, prepared: [[PreparedItem]], theme: Theme) {
        guard let (block, rect) = inside.experimentLabel else { return }
        let panel = inside.figure.experimentLabel?.panel ?? 0
        let hatchedBoxes = prepared[panel].flatMap { item -> [PageRect] in
            guard case let .region(r) = item.item, r.hatch != nil else { return [] }
            return item.fills.map(Self.boundingBox)
        }
        if Placement.count(inside.panelSamples[panel], in: rect) > 0 || hatchedBoxes.contains(where: { $0.intersects(rect) }) {
            Painter.setColor(cr, theme.background.withAlpha(0.75))
            Painter.rectangle(cr, rect.outsetBy(1.5))
            cairo_fill(cr)
        }
        block.draw(cr, x: rect.minX, y: rect.minY, color: Palette.ink)
    }

    /// Tick labels, axis labels and title, in the margins the layout made for them.
    private static func paintOutsideText(_ cr: OpaquePointer, _ layout: FigureLayout) {
        for tick in layout.xTicks + layout.yTicks.joined() {
            if let block = tick.block, let r = tick.labelRect { block.draw(cr, x: r.minX, y: r.minY, color: Palette.ink) }
        }
        for placed in [layout.xLabel, layout.title].compactMap({ $0 }) {
            placed.block.draw(cr, x: placed.rect.minX, y: placed.rect.minY, color: Palette.ink)
        }
        for placed in layout.yLabels.compactMap({ $0 }) {
            placed.block.drawRotated(cr, centerX: placed.rect.midX, centerY: placed.rect.midY, angleDeg: placed.angleDeg, color: Palette.ink)
        }
    }

    /// What was drawn where, for tests and callers that check a figure without looking at it.
    private static func renderModel(
        _ figure: Figure, layout: FigureLayout, prepared: [[PreparedItem]], inside: InsideText, warnings: [PlotWarning]
    ) -> RenderModel {
        let items = prepared.enumerated().flatMap { p, items in
            items.map { item in
                ItemModel(
                    panel: p, index: item.index, kind: item.item.kind, legendLabel: item.item.legendLabel ?? inside.labelsInLegend[p][item.index],
                    drawn: item.visible, pieces: item.pieces, pointsInside: item.pointsInside,
                    pointsSkipped: item.skipped.values.reduce(0, +), labelRect: inside.labelRects[p][item.index],
                    polylines: item.strokes, markers: item.markers)
            }
        }
        return RenderModel(
            widthPt: figure.widthPt, heightPt: figure.heightPt,
            xTicks: layout.xTicks.map(renderedTick),
            panels: layout.panelRects.indices.map { p in
                PanelModel(plotRect: layout.panelRects[p], yTicks: layout.yTicks[p].map(renderedTick), yLabelRect: layout.yLabels[p]?.rect)
            },
            items: items, legend: inside.legendModel, experimentLabel: inside.experimentLabel?.rect, title: layout.title?.rect,
            warnings: warnings)
    }

    /// A laid-out tick as the render model reports it: a label only if one was kept.
    private static func renderedTick(_ t: LaidOutTick) -> RenderedTick {
        RenderedTick(
            value: t.tick.value, position: t.position, isMajor: t.tick.isMajor,
            label: t.block == nil ? nil : t.tick.label, labelRect: t.block == nil ? nil : t.labelRect)
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
            if case let .line(l) = item.item {
                item.strokes.forEach { Painter.stroke(cr, $0, l.style) }
                Painter.markers(cr, item.markers, l.style)
            }
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
