/// Where the legend goes.
public enum LegendPlacement: Sendable, Hashable {
    /// No legend.
    case none
    /// At a fixed corner of the panel.
    case corner(Corner)
    /// At the corner or edge position whose box covers the fewest curve samples
    /// (and no labels), so the legend does not hide the data.
    case automatic
}

/// The legend: one entry per item (of any panel) that has a legend label, in item order;
/// repeated labels appear once.
public struct Legend: Sendable, Hashable {
    public var placement: LegendPlacement
    /// The panel the legend is drawn in.
    public var panel: Int
    /// Optional heading (Pango markup), e.g. "90 % CL".
    public var title: String?
    public var background: Color
    public var frame: LineStyle?
    /// Number of columns; nil tries one and two and keeps the one that hides fewer curve samples.
    public var columns: Int?

    public init(
        placement: LegendPlacement = .automatic, panel: Int = 0, title: String? = nil, columns: Int? = nil,
        background: Color = Color.white.withAlpha(0.85),
        frame: LineStyle? = LineStyle(color: Color(rgb: 0x808080), width: 0.5)
    ) {
        self.placement = placement
        self.panel = panel
        self.title = title
        self.background = background
        self.frame = frame
        self.columns = columns
    }
}

/// What a legend entry's sample looks like.
enum LegendSample: Sendable, Hashable {
    case line(LineStyle)
    case patch(fill: Color, edge: LineStyle?, hatch: Hatch?)

    init?(_ item: PlotItem) {
        switch item {
        case let .line(l): self = .line(l.style)
        case let .region(r): self = .patch(fill: r.fill, edge: r.edge, hatch: r.hatch)
        case let .band(b): self = .patch(fill: b.fill, edge: b.edge, hatch: nil)
        case .text, .reference: return nil
        }
    }
}

struct LegendEntry {
    var label: String
    var sample: LegendSample
}

extension Legend {
    /// Entries from all panels in order, first occurrence of each label kept.
    static func entries(of panels: [Panel]) -> [LegendEntry] {
        var seen = Set<String>()
        var out: [LegendEntry] = []
        for panel in panels {
            for item in panel.items {
                guard let label = item.legendLabel, let sample = LegendSample(item), !seen.contains(label) else { continue }
                seen.insert(label)
                out.append(LegendEntry(label: label, sample: sample))
            }
        }
        return out
    }
}
