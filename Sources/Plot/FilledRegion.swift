/// The side of a curve that is filled.
public enum FillSide: String, Sendable, Hashable {
    /// From the curve up to the top of the panel: an upper limit ("excluded above").
    case above
    /// From the curve down to the bottom of the panel: a lower bound ("excluded below").
    case below
}

/// Where the in-plot label of a region goes.
public enum RegionLabelPlacement: Sendable, Hashable {
    /// Inside the filled part, hugging the curve, where it covers the fewest other curves.
    case automatic
    /// Centred at this data point.
    case at(DataPoint)
}

/// An excluded region: a curve filled to the top or the bottom of the panel. Published
/// limits use the grey fill and edge of `Palette`; lower bounds usually add a `Hatch`.
public struct FilledRegion: Sendable, Hashable {
    public var boundary: [DataPoint]
    public var side: FillSide
    public var fill: Color
    /// Stroke of the boundary curve; nil draws no edge.
    public var edge: LineStyle?
    public var hatch: Hatch?
    /// In-plot text (Pango markup) naming the region, e.g. "PS191".
    public var label: String?
    public var labelPlacement: RegionLabelPlacement
    /// Legend text (Pango markup); nil keeps the region out of the legend.
    public var legendLabel: String?

    public init(
        boundary: [DataPoint], side: FillSide = .above,
        fill: Color = Palette.publishedFill,
        edge: LineStyle? = LineStyle(color: Palette.publishedEdge, width: 0.8),
        hatch: Hatch? = nil, label: String? = nil,
        labelPlacement: RegionLabelPlacement = .automatic, legendLabel: String? = nil
    ) {
        self.boundary = boundary
        self.side = side
        self.fill = fill
        self.edge = edge
        self.hatch = hatch
        self.label = label
        self.labelPlacement = labelPlacement
        self.legendLabel = legendLabel
    }
}
