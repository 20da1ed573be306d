/// One tick mark on an axis: where it is, whether it is major, and its label (Pango
/// markup) if it carries one. Unlabelled majors occur on log axes spanning many decades.
public struct Tick: Sendable, Hashable {
    public var value: Double
    public var isMajor: Bool
    public var label: String?

    public init(value: Double, isMajor: Bool, label: String? = nil) {
        self.value = value
        self.isMajor = isMajor
        self.label = label
    }
}

/// Why no ticks can be computed for a range. Every case carries the offending range.
public enum TickError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A bound is NaN or infinite.
    case nonFinite(lower: Double, upper: Double)
    /// lower == upper: the axis has no extent.
    case empty(lower: Double, upper: Double)
    /// lower > upper. Axes run left-to-right / bottom-to-top; reversed axes are not supported.
    case reversed(lower: Double, upper: Double)
    /// A log axis needs 0 < lower < upper.
    case nonPositiveOnLogAxis(lower: Double, upper: Double)

    public var description: String {
        switch self {
        case let .nonFinite(l, u):
            return "axis range [\(l), \(u)] is not finite; expected two finite numbers"
        case let .empty(l, u):
            return "axis range [\(l), \(u)] is empty; expected lower < upper"
        case let .reversed(l, u):
            return "axis range [\(l), \(u)] is reversed; expected lower < upper"
        case let .nonPositiveOnLogAxis(l, u):
            return "log axis range [\(l), \(u)] includes values ≤ 0; expected 0 < lower < upper"
        }
    }

    /// Checks a range once for both locators.
    static func check(_ lower: Double, _ upper: Double, log: Bool) throws(TickError) {
        guard lower.isFinite, upper.isFinite else { throw .nonFinite(lower: lower, upper: upper) }
        guard lower != upper else { throw .empty(lower: lower, upper: upper) }
        guard lower < upper else { throw .reversed(lower: lower, upper: upper) }
        if log, lower <= 0 { throw .nonPositiveOnLogAxis(lower: lower, upper: upper) }
    }
}

/// Hard limits on tick counts, so that a pathological range cannot produce millions of ticks.
public enum TickLimits {
    /// Never more than this many ticks (major + minor) on one axis.
    public static let maximumTicks = 400
}
