import Foundation

/// How data values map onto an axis.
public enum AxisScale: String, Sendable, Hashable, CaseIterable {
    case linear, log
}

/// One axis of a panel: scale, visible range and label.
public struct Axis: Sendable, Hashable {
    public var scale: AxisScale
    public var lower: Double
    public var upper: Double
    /// Pango markup, e.g. `<i>m</i><sub>N</sub> [MeV]` or `|<i>U</i><sub><i>e</i></sub>|²`.
    public var label: String
    /// On a log axis, decades with an exponent in this range are labelled as plain numbers
    /// ("0.1", "1", "10") instead of powers of ten. Nil: powers of ten everywhere.
    public var plainDecades: ClosedRange<Int>?

    public init(
        _ scale: AxisScale, _ lower: Double, _ upper: Double, label: String = "",
        plainDecades: ClosedRange<Int>? = nil
    ) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.label = label
        self.plainDecades = plainDecades
    }

    /// Checks that ticks can be computed for this axis (finite, ordered, positive on log).
    public func validate() throws(TickError) {
        try TickError.check(lower, upper, log: scale == .log)
    }

    /// Ticks for this axis with at most about `maxLabels` labelled ticks.
    public func ticks(maxLabels: Int) throws(TickError) -> [Tick] {
        switch scale {
        case .linear:
            return try LinearTicks.ticks(lower: lower, upper: upper, maxMajor: maxLabels)
        case .log:
            var ticks = try LogTicks.ticks(lower: lower, upper: upper, maxLabels: maxLabels)
            if let plain = plainDecades {
                for i in ticks.indices where ticks[i].label != nil {
                    ticks[i].label = TickFormatter.log(ticks[i].value, decimalExponents: plain)
                }
            }
            return ticks
        }
    }

    /// The fraction 0…1 of the way from `lower` to `upper` at which `value` lies (outside
    /// 0…1 when the value is outside the range); nil where the scale has no value
    /// (NaN, ±∞, or ≤ 0 on a log axis).
    public func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch scale {
        case .linear:
            return (value - lower) / (upper - lower)
        case .log:
            guard value > 0 else { return nil }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Why `value` cannot be shown on this axis, or nil if it can.
    func rejection(_ value: Double) -> SkipReason? {
        if !value.isFinite { return .nonFinite }
        if scale == .log, value <= 0 { return .nonPositiveOnLogAxis }
        return nil
    }
}
