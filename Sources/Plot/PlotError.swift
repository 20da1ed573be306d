/// Why a figure cannot be rendered. Each case names the place in the figure description
/// (e.g. `panels[1].yAxis`, `panels[0].items[3].label`) and the offending value.
public enum PlotError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSize(widthPt: Double, heightPt: Double)
    case noPanels
    case invalidPanelHeight(panel: Int, value: Double)
    case invalidAxis(path: String, TickError)
    case invalidMarkup(path: String, markup: String, message: String)
    case mismatchedBand(path: String, x: Int, lower: Int, upper: Int)
    case invalidPanelIndex(path: String, index: Int, panelCount: Int)
    case invalidDPI(Double)
    case cairo(stage: String, status: String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .invalidSize(w, h):
            return "figure size \(w) × \(h) pt is invalid; expected positive finite width and height"
        case .noPanels:
            return "figure has no panels; expected at least one"
        case let .invalidPanelHeight(p, v):
            return "panels[\(p)].relativeHeight is \(v); expected a positive finite number"
        case let .invalidAxis(path, error):
            return "\(path): \(error)"
        case let .invalidMarkup(path, markup, message):
            return "\(path): invalid Pango markup \"\(markup)\": \(message)"
        case let .mismatchedBand(path, x, l, u):
            return "\(path): band has \(x) x values, \(l) lower and \(u) upper values; expected equal counts"
        case let .invalidPanelIndex(path, i, n):
            return "\(path) is \(i); expected a panel index in 0..<\(n)"
        case let .invalidDPI(d):
            return "PNG resolution \(d) dpi is invalid; expected a positive number giving at most 20000 × 20000 pixels"
        case let .cairo(stage, status):
            return "cairo failed while \(stage): \(status)"
        case let .io(path, message):
            return "cannot write \(path): \(message)"
        }
    }
}
