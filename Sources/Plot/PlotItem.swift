/// Anything drawn inside a panel. Fills are painted first, then hatches, then all region
/// edges (so overlapping grey fills still show each edge), then reference lines, then
/// curves, then text; within each layer items keep their order.
public enum PlotItem: Sendable, Hashable {
    case line(Line)
    case region(FilledRegion)
    case band(Band)
    case text(TextAnnotation)
    case reference(ReferenceLine)

    /// A short name for reports and warnings.
    public var kind: String {
        switch self {
        case .line: return "line"
        case .region: return "region"
        case .band: return "band"
        case .text: return "text"
        case .reference: return "reference line"
        }
    }

    /// The legend text of this item, if it has one.
    public var legendLabel: String? {
        switch self {
        case let .line(l): return l.legendLabel
        case let .region(r): return r.legendLabel
        case let .band(b): return b.legendLabel
        case .text, .reference: return nil
        }
    }
}
