/// One plot area of a figure. Panels are stacked vertically and share the figure's x axis
/// (e.g. a main panel above a ratio panel); each has its own y axis and items.
public struct Panel: Sendable, Hashable {
    public var yAxis: Axis
    public var items: [PlotItem]
    /// Height relative to the other panels (e.g. 3 for the main panel, 1 for a ratio).
    public var relativeHeight: Double

    public init(yAxis: Axis, items: [PlotItem] = [], relativeHeight: Double = 1) {
        self.yAxis = yAxis
        self.items = items
        self.relativeHeight = relativeHeight
    }

    /// Appends an item (for building panels step by step).
    public mutating func add(_ item: PlotItem) { items.append(item) }
}
