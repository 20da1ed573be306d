/// Text inside the plot areas — experiment label, legend, region labels — placed one after
/// the other, each kept off the curves and off the text placed before it.
struct InsideText {
    let figure: Figure
    let layout: FigureLayout
    let areas: [PlotArea]
    let prepared: [[PreparedItem]]
    let cache: TextCache
    /// The legend's entries; a region whose label finds no room joins them (`placeRegionLabels`).
    private(set) var entries: [LegendEntry]
    /// Curve samples per panel, which text should not hide.
    let panelSamples: [[PagePoint]]
    /// Boxes taken per panel; each placed text joins them.
    private(set) var obstacles: [[PageRect]]
    private(set) var experimentLabel: (block: TextBlock, rect: PageRect)?
    private(set) var legendBox: LegendBox?
    private(set) var legendModel: LegendModel?
    /// Label box per item of each panel, for the render model.
    private(set) var labelRects: [[PageRect?]]
    /// Per item of each panel, the label of a region named in the legend instead of inside it.
    private(set) var labelsInLegend: [[String?]]
    private(set) var regionLabels: [(block: TextBlock, rect: PageRect, hatched: Bool)] = []
    private(set) var warnings: [PlotWarning] = []

    /// Places all inside text in its order of precedence: the experiment label, a legend fixed
    /// to a corner, region labels, then a legend placed automatically around them.
    static func place(
        _ figure: Figure, layout: FigureLayout, areas: [PlotArea], prepared: [[PreparedItem]], cache: TextCache
    ) -> InsideText {
        var text = InsideText(figure: figure, layout: layout, areas: areas, prepared: prepared, cache: cache)
        text.placeExperimentLabel()
        if case let .corner(corner) = figure.legend.placement { text.placeLegend([corner]) }
        text.placeRegionLabels()
        if figure.legend.placement == .automatic { text.placeLegend(Placement.legendCandidates) }
        if let legend = text.legendModel, legend.coveredSamples > 0 {
            text.warnings.append(PlotWarning(panel: legend.panel, kind: .legendCoversData(samples: legend.coveredSamples)))
        }
        return text
    }

    private init(figure: Figure, layout: FigureLayout, areas: [PlotArea], prepared: [[PreparedItem]], cache: TextCache) {
        self.figure = figure
        self.layout = layout
        self.areas = areas
        self.prepared = prepared
        self.cache = cache
        obstacles = Array(repeating: [PageRect](), count: figure.panels.count)
        panelSamples = prepared.map { $0.flatMap(\.samples) }
        entries = Legend.entries(of: figure.panels)
        labelRects = prepared.map { Array(repeating: nil, count: $0.count) }
        labelsInLegend = prepared.map { Array(repeating: nil, count: $0.count) }
    }

    /// The experiment label goes to its fixed corner first; it only warns if it hides data.
    private mutating func placeExperimentLabel() {
        guard let label = figure.experimentLabel else { return }
        let theme = figure.theme
        let block = TextFit.block(label.markup, length: layout.panelRects[label.panel].insetBy(theme.insideInset).width,
                                  sizePt: label.sizePt ?? theme.experimentLabelSize, cache: cache)
        let rect = label.corner.place(width: block.width, height: block.height, in: layout.panelRects[label.panel], inset: theme.insideInset)
        experimentLabel = (block, rect)
        obstacles[label.panel].append(rect)
        let covered = Placement.count(panelSamples[label.panel], in: rect)
        if covered > 0 { warnings.append(PlotWarning(panel: label.panel, kind: .labelCoversData(samples: covered))) }
    }

    /// One or two columns (unless fixed) at one of `candidates`: whichever hides fewer curve samples.
    private mutating func placeLegend(_ candidates: [Corner]) {
        guard figure.legend.placement != .none, !entries.isEmpty else { return }
        let theme = figure.theme
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

    /// Labels of filled regions, panel by panel. One that finds no room inside its region is
    /// named in the legend instead (with the region's fill as its sample) when the legend is still
    /// to be placed; otherwise it is dropped with a warning.
    private mutating func placeRegionLabels() {
        for (p, items) in prepared.enumerated() {
            for item in items {
                guard case let .region(region) = item.item, let label = region.label else { continue }
                let block = cache.block(label, figure.theme.annotationSize)
                if let rect = regionLabelRect(block, region: region, item: item, among: items, panel: p) {
                    labelRects[p][item.index] = rect
                    regionLabels.append((block, rect, region.hatch != nil || onHatching(rect, panel: p)))
                    obstacles[p].append(rect)
                } else if figure.legend.placement == .automatic, !entries.contains(where: { $0.label == label }) {
                    entries.append(LegendEntry(label: label, sample: .patch(fill: region.fill, edge: region.edge, hatch: region.hatch)))
                    labelsInLegend[p][item.index] = label
                } else {
                    warnings.append(PlotWarning(panel: p, item: item.index, kind: .labelNotPlaced(TextEngine.plainText(label))))
                }
            }
        }
    }

    /// Whether a label box stands on another region's hatching (a corner or its centre inside
    /// a hatched fill), where the hatch lines would run through the text.
    private func onHatching(_ rect: PageRect, panel p: Int) -> Bool {
        let points = [PagePoint(rect.minX, rect.minY), PagePoint(rect.maxX, rect.minY), PagePoint(rect.minX, rect.maxY),
                      PagePoint(rect.maxX, rect.maxY), PagePoint(rect.midX, rect.midY)]
        return prepared[p].contains { item in
            guard case let .region(region) = item.item, region.hatch != nil else { return false }
            return item.fills.contains { fill in points.contains { $0.isInside(fill) } }
        }
    }

    /// A region label sits along the region's boundary on its filled side, clear of the other
    /// items' curves, unless the figure pins it to a data point.
    private func regionLabelRect(
        _ block: TextBlock, region: FilledRegion, item: PreparedItem, among items: [PreparedItem], panel p: Int
    ) -> PageRect? {
        switch region.labelPlacement {
        case .automatic:
            let others = items.filter { $0.index != item.index }
            // A label may touch another region's edge, never a curve: that would hide data.
            let curves = others.filter { if case .line = $0.item { return true } else { return false } }.flatMap(\.samples)
            return Placement.regionLabel(
                width: block.width, height: block.height, side: region.side, runs: item.boundaryRuns,
                area: layout.panelRects[p], inset: 3, gap: 2.5, samples: others.flatMap(\.samples), forbidden: curves,
                obstacles: obstacles[p])
        case let .at(point):
            return areas[p].page(point).map {
                PageRect(x: $0.x - block.width / 2, y: $0.y - block.height / 2, width: block.width, height: block.height)
            }
        }
    }
}
