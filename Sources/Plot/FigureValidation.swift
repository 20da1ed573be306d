extension Figure {
    /// Checks everything that would make rendering fail or mislead: sizes, axis ranges,
    /// panel references, band lengths and every piece of Pango markup. Data points are
    /// not checked here: points that cannot be shown are skipped with a warning.
    public func validate() throws(PlotError) {
        guard widthPt.isFinite, heightPt.isFinite, widthPt > 0, heightPt > 0 else {
            throw .invalidSize(widthPt: widthPt, heightPt: heightPt)
        }
        guard !panels.isEmpty else { throw .noPanels }
        do { try xAxis.validate() } catch { throw .invalidAxis(path: "xAxis", error) }
        try checkMarkup(xAxis.label, "xAxis.label")
        try checkMarkup(title, "title")
        if let label = experimentLabel {
            try checkMarkup(label.markup, "experimentLabel.markup")
            try checkPanel(label.panel, "experimentLabel.panel")
        }
        try checkMarkup(legend.title, "legend.title")
        if legend.placement != .none { try checkPanel(legend.panel, "legend.panel") }
        for (p, panel) in panels.enumerated() {
            guard panel.relativeHeight.isFinite, panel.relativeHeight > 0 else {
                throw .invalidPanelHeight(panel: p, value: panel.relativeHeight)
            }
            do { try panel.yAxis.validate() } catch { throw .invalidAxis(path: "panels[\(p)].yAxis", error) }
            try checkMarkup(panel.yAxis.label, "panels[\(p)].yAxis.label")
            for (i, item) in panel.items.enumerated() {
                let path = "panels[\(p)].items[\(i)]"
                try checkMarkup(item.legendLabel, path + ".legendLabel")
                switch item {
                case let .region(r):
                    try checkMarkup(r.label, path + ".label")
                case let .band(b):
                    guard b.x.count == b.lower.count, b.x.count == b.upper.count else {
                        throw .mismatchedBand(path: path, x: b.x.count, lower: b.lower.count, upper: b.upper.count)
                    }
                case let .text(t):
                    try checkMarkup(t.markup, path + ".markup")
                case .line, .reference:
                    break
                }
            }
        }
    }

    private func checkMarkup(_ markup: String?, _ path: String) throws(PlotError) {
        guard let markup, let message = TextEngine.markupError(markup) else { return }
        throw .invalidMarkup(path: path, markup: markup, message: message)
    }

    private func checkPanel(_ index: Int, _ path: String) throws(PlotError) {
        guard panels.indices.contains(index) else {
            throw .invalidPanelIndex(path: path, index: index, panelCount: panels.count)
        }
    }
}
