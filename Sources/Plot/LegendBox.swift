import CCairo

/// The legend laid out: entries in one or more columns (filled column by column), each
/// row a sample and a label, with measured sizes.
struct LegendBox {
    static let padding = 5.0
    static let sampleWidth = 22.0
    static let sampleGap = 6.0
    static let rowGap = 2.0
    static let columnGap = 10.0

    var entries: [LegendEntry]
    var blocks: [TextBlock]
    var title: TextBlock?
    var columns: Int
    var rowsPerColumn: Int
    var columnWidths: [Double]
    var rowHeight: Double
    var width: Double
    var height: Double

    init(entries: [LegendEntry], title: String?, columns: Int, theme: Theme, cache: TextCache) {
        self.entries = entries
        blocks = entries.map { cache.block($0.label, theme.legendSize) }
        self.title = title.map { cache.block($0, theme.legendSize) }
        self.columns = max(1, min(columns, entries.count))
        rowsPerColumn = (entries.count + self.columns - 1) / self.columns
        // One row height for all, so the columns line up.
        rowHeight = max(blocks.map(\.height).max() ?? 0, 8)
        let blocks = blocks, rows = rowsPerColumn
        columnWidths = (0..<self.columns).map { c in
            let labels = blocks[(c * rows)..<min((c + 1) * rows, blocks.count)]
            return Self.sampleWidth + Self.sampleGap + (labels.map(\.width).max() ?? 0)
        }
        let rowsWidth = columnWidths.reduce(0, +) + Self.columnGap * Double(self.columns - 1)
        width = 2 * Self.padding + max(rowsWidth, self.title?.width ?? 0)
        height = 2 * Self.padding + rowHeight * Double(rows) + Self.rowGap * Double(max(rows - 1, 0))
            + (self.title.map { $0.height + Self.rowGap } ?? 0)
    }

    /// Draws the legend in `rect` (of this box's size).
    func draw(_ cr: OpaquePointer, in rect: PageRect, legend: Legend) {
        cairo_save(cr)
        Painter.setColor(cr, legend.background)
        Painter.rectangle(cr, rect)
        cairo_fill(cr)
        if let frame = legend.frame {
            Painter.applyStyle(cr, frame)
            Painter.rectangle(cr, rect)
            cairo_stroke(cr)
        }
        var top = rect.minY + Self.padding
        if let title {
            title.draw(cr, x: rect.minX + Self.padding, y: top, color: Palette.ink)
            top += title.height + Self.rowGap
        }
        var x = rect.minX + Self.padding
        for c in 0..<columns {
            for r in 0..<rowsPerColumn {
                let i = c * rowsPerColumn + r
                guard i < entries.count else { break }
                let y = top + Double(r) * (rowHeight + Self.rowGap)
                let sample = PageRect(x: x, y: y, width: Self.sampleWidth, height: rowHeight)
                drawSample(cr, entries[i].sample, in: sample)
                blocks[i].draw(cr, x: sample.maxX + Self.sampleGap, y: y + (rowHeight - blocks[i].height) / 2, color: Palette.ink)
            }
            x += columnWidths[c] + Self.columnGap
        }
        cairo_restore(cr)
    }

    private func drawSample(_ cr: OpaquePointer, _ sample: LegendSample, in r: PageRect) {
        switch sample {
        case let .line(style):
            Painter.stroke(cr, [PagePoint(r.minX, r.midY), PagePoint(r.maxX, r.midY)], style)
            Painter.markers(cr, [PagePoint(r.midX, r.midY)], style)
        case let .patch(fill, edge, hatch):
            let h = min(r.height * 0.7, 8)
            let patch = PageRect(x: r.minX, y: r.midY - h / 2, width: r.width, height: h)
            let corners = [
                PagePoint(patch.minX, patch.minY), PagePoint(patch.maxX, patch.minY),
                PagePoint(patch.maxX, patch.maxY), PagePoint(patch.minX, patch.maxY),
            ]
            Painter.fill(cr, corners, fill)
            if let hatch { Painter.hatch(cr, corners, hatch) }
            if let edge {
                cairo_save(cr)
                Painter.applyStyle(cr, edge)
                Painter.rectangle(cr, patch)
                cairo_stroke(cr)
                cairo_restore(cr)
            }
        }
    }
}
