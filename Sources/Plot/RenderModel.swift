/// What a render drew, in page coordinates (points, y down), so that tests and callers
/// can check the structure of a figure without looking at pixels. The model depends only
/// on the figure, not on the output format.
public struct RenderModel: Sendable, Hashable {
    public var widthPt: Double
    public var heightPt: Double
    /// Ticks of the shared x axis; positions are page x coordinates.
    public var xTicks: [RenderedTick]
    public var panels: [PanelModel]
    public var items: [ItemModel]
    public var legend: LegendModel?
    public var experimentLabel: PageRect?
    public var title: PageRect?
    public var warnings: [PlotWarning]

    /// The labels of the x ticks that were drawn, in order.
    public var xTickLabels: [String] { xTicks.compactMap(\.label) }
}

/// A tick as drawn: `position` is the page coordinate along its axis (x for the x axis,
/// y for a y axis); `label` is nil when the tick has none or it was dropped to avoid
/// overlapping a neighbour.
public struct RenderedTick: Sendable, Hashable {
    public var value: Double
    public var position: Double
    public var isMajor: Bool
    public var label: String?
    public var labelRect: PageRect?
}

public struct PanelModel: Sendable, Hashable {
    /// The plot area (inside the frame).
    public var plotRect: PageRect
    public var yTicks: [RenderedTick]
    public var yLabelRect: PageRect?
    /// Labels of the y ticks that were drawn, in order.
    public var yTickLabels: [String] { yTicks.compactMap(\.label) }
}

/// One item as drawn.
public struct ItemModel: Sendable, Hashable {
    public var panel: Int
    public var index: Int
    public var kind: String
    /// The item's legend text; for a region whose label found no room inside it, that label
    /// (the region is named in the legend instead).
    public var legendLabel: String?
    /// True when some part of the item lies inside the plot area.
    public var drawn: Bool
    /// Continuous pieces stroked or filled after splitting at unusable points and clipping.
    public var pieces: Int
    /// Usable data points inside the plot area.
    public var pointsInside: Int
    /// Points that could not be shown (NaN, ±∞, ≤ 0 on a log axis).
    public var pointsSkipped: Int
    /// Where the item's in-plot label went, if it has one and it was placed.
    public var labelRect: PageRect?
    /// The polylines stroked for the item (line, region or band edges, reference line), in
    /// page coordinates, cut to the drawing window.
    public var polylines: [[PagePoint]]
    /// Where the item's markers were drawn (lines with a marker only).
    public var markers: [PagePoint]
}

public struct LegendModel: Sendable, Hashable {
    public var rect: PageRect
    public var panel: Int
    /// The position used (chosen or given).
    public var corner: Corner
    public var labels: [String]
    /// Curve samples (about every 3 pt along every curve) under the legend box.
    public var coveredSamples: Int
}

/// Why a point could not be shown.
public enum SkipReason: String, Sendable, Hashable {
    case nonFinite = "NaN or infinite"
    case nonPositiveOnLogAxis = "not positive on a log axis"
}

/// Something the caller should know about a render that still succeeded. The library
/// never prints; callers decide what to show.
public struct PlotWarning: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case skippedPoints(count: Int, reason: SkipReason)
        case notVisible
        case labelNotPlaced(String)
        case legendCoversData(samples: Int)
        case labelCoversData(samples: Int)
        case textDoesNotFit(String)
    }

    public var panel: Int?
    public var item: Int?
    public var kind: Kind

    public var description: String {
        var place = ""
        if let panel { place += "panels[\(panel)]" }
        if let item { place += ".items[\(item)]" }
        if !place.isEmpty { place += ": " }
        switch kind {
        case let .skippedPoints(n, reason):
            return place + "skipped \(n) point\(n == 1 ? "" : "s") (\(reason.rawValue)); the curve is split there"
        case .notVisible:
            return place + "nothing of this item is visible (outside the axis ranges, or no two usable points in a row)"
        case let .labelNotPlaced(text):
            return place + "no room for the label \"\(text)\" inside the visible part of the region"
        case let .legendCoversData(n):
            return place + "the legend covers \(n) curve samples; consider another placement"
        case let .labelCoversData(n):
            return place + "the experiment label covers \(n) curve samples; consider another corner"
        case let .textDoesNotFit(text):
            return place + "text \"\(text)\" is larger than the space for it"
        }
    }
}
