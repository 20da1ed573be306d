/// An sRGB colour with opacity, components in 0...1.
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Parses "#rrggbb" (the leading '#' is optional); nil for anything else.
    public init?(hex: String, alpha: Double = 1) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(
            red: Double((value >> 16) & 0xff) / 255,
            green: Double((value >> 8) & 0xff) / 255,
            blue: Double(value & 0xff) / 255,
            alpha: alpha
        )
    }

    /// Builds a colour from a 24-bit literal such as 0x3f90da (for constants that cannot fail).
    public init(rgb: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((rgb >> 16) & 0xff) / 255,
            green: Double((rgb >> 8) & 0xff) / 255,
            blue: Double(rgb & 0xff) / 255,
            alpha: alpha
        )
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    public static let black = Color(rgb: 0x000000)
    public static let white = Color(rgb: 0xffffff)
}

/// How a stroke is broken up. Patterns scale with the line width, as in matplotlib,
/// so a thick dashed line keeps its look.
public enum LineDash: String, Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// On/off lengths in points for a line of `width` points (matplotlib's defaults × width).
    public func pattern(width: Double) -> [Double] {
        let w = max(width, 1)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [1 * w, 1.65 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
        }
    }
}

/// Colour, width and dash of a stroked curve.
public struct LineStyle: Sendable, Hashable {
    public var color: Color
    public var width: Double
    public var dash: LineDash
    /// Drawn at every data point inside the frame; nil draws the polyline only.
    public var marker: Marker?

    public init(color: Color, width: Double = 1.5, dash: LineDash = .solid, marker: Marker? = nil) {
        self.color = color
        self.width = width
        self.dash = dash
        self.marker = marker
    }
}

/// Colours with a fixed meaning in sensitivity plots.
public enum Palette {
    /// Petroff's colour-blind-safe 10-colour cycle (M. A. Petroff, arXiv:2107.02270),
    /// the default colour cycle for projections.
    public static let petroff10: [Color] = [
        0x3f90da, 0xffa90e, 0xbd1f01, 0x94a4a2, 0x832db6,
        0xa96b59, 0xe76300, 0xb9ac70, 0x717581, 0x92dadd,
    ].map { Color(rgb: $0) }

    /// Petroff 10 without its two grey-ish entries (#94a4a2, #717581), for projections drawn
    /// next to grey published limits, where a grey curve would read as a published one.
    public static let projectionColors: [Color] = petroff10.enumerated()
        .filter { ![3, 8].contains($0.offset) }.map(\.element)

    /// The `index`-th colour of the default cycle (wraps around).
    public static func cycle(_ index: Int) -> Color {
        let n = petroff10.count
        return petroff10[((index % n) + n) % n]
    }

    /// The `index`-th colour of `projectionColors` (wraps around).
    public static func projectionCycle(_ index: Int) -> Color {
        let n = projectionColors.count
        return projectionColors[((index % n) + n) % n]
    }

    /// Fill of a published (already excluded) region: light grey, semi-opaque so that
    /// overlapping exclusions stay distinguishable.
    public static let publishedFill = Color(rgb: 0xd9d9d9, alpha: 0.7)
    /// Edge of a published region: a darker grey, drawn above all fills.
    public static let publishedEdge = Color(rgb: 0x7f7f7f)
    /// Hatching of a lower bound (e.g. BBN).
    public static let publishedHatch = Color(rgb: 0x7f7f7f)
    /// Expected ±1σ band (the "Brazil plot" green).
    public static let band1Sigma = Color(rgb: 0x00cc00)
    /// Expected ±2σ band (the "Brazil plot" yellow).
    public static let band2Sigma = Color(rgb: 0xffdd00)
    /// The band between two variants (`figure.envelope`): a translucent slate blue, apart
    /// from the greys of published regions and the green and yellow of expected bands.
    public static let envelope = Color(rgb: 0x6a5acd, alpha: 0.28)
    /// Frame, ticks and text.
    public static let ink = Color(rgb: 0x000000)
}

/// Fonts and sizes of the whole figure. Sizes are in points on the page; the defaults
/// suit a 6.5 × 4.5 in figure in a proposal (10 pt tick labels, 11 pt axis labels).
public struct Theme: Sendable, Hashable {
    public var fontFamily = "DejaVu Sans"
    public var tickLabelSize = 10.0
    public var axisLabelSize = 11.0
    public var legendSize = 9.0
    public var annotationSize = 9.0
    public var experimentLabelSize = 11.0
    public var titleSize = 11.0
    public var frameWidth = 0.8
    public var majorTickLength = 5.0
    public var minorTickLength = 2.5
    /// Space between a tick label and the frame.
    public var tickLabelGap = 3.5
    /// Space between tick labels and the axis label.
    public var axisLabelGap = 4.0
    /// Empty border around the whole figure.
    public var outerPadding = 4.0
    /// Distance of legend and experiment label from the frame (larger than the ticks).
    public var insideInset = 8.0
    public var background = Color.white

    public init() {}
}
