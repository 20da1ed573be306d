/// Text placed inside the frame at a corner of a panel, e.g. "<b>NA62</b> projection".
public struct CornerLabel: Sendable, Hashable {
    public var markup: String
    public var corner: Corner
    public var panel: Int
    /// Font size in points; nil uses the theme's experiment-label size.
    public var sizePt: Double?

    public init(_ markup: String, corner: Corner = .topLeft, panel: Int = 0, sizePt: Double? = nil) {
        self.markup = markup
        self.corner = corner
        self.panel = panel
        self.sizePt = sizePt
    }
}

/// A complete figure as a value: size, shared x axis, stacked panels, labels, legend.
/// Nothing is drawn until it is rendered (see `FigureRenderer`), so a figure can be built,
/// compared and rendered to several formats from the same description.
public struct Figure: Sendable, Hashable {
    public var widthPt: Double
    public var heightPt: Double
    /// Shared by all panels; tick labels and the axis label appear under the lowest panel.
    public var xAxis: Axis
    /// Top to bottom.
    public var panels: [Panel]
    /// Optional title above the frame (Pango markup).
    public var title: String?
    public var experimentLabel: CornerLabel?
    public var legend: Legend
    public var theme: Theme

    public init(
        widthPt: Double = 6.5 * 72, heightPt: Double = 4.5 * 72, xAxis: Axis, panels: [Panel],
        title: String? = nil, experimentLabel: CornerLabel? = nil, legend: Legend = Legend(),
        theme: Theme = Theme()
    ) {
        self.widthPt = widthPt
        self.heightPt = heightPt
        self.xAxis = xAxis
        self.panels = panels
        self.title = title
        self.experimentLabel = experimentLabel
        self.legend = legend
        self.theme = theme
    }

    /// A figure of `width` × `height` inches.
    public static func inches(
        _ width: Double, _ height: Double, xAxis: Axis, panels: [Panel]
    ) -> Figure {
        Figure(widthPt: width * 72, heightPt: height * 72, xAxis: xAxis, panels: panels)
    }
}
