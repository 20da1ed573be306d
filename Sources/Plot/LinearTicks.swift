import Foundation

/// Tick placement on a linear axis (the habit of matplotlib's `MaxNLocator` with steps
/// 1, 2, 5 and `AutoMinorLocator`): majors at integer multiples of a step 1, 2 or 5 × 10ᵏ,
/// the step chosen so that the number of majors is near `target` and never above
/// `maxMajor`; minors subdivide each step into 5 (steps 1 and 5) or 4 (step 2).
public enum LinearTicks {
    /// The chosen tick positions, without labels.
    public struct Locations: Sendable, Hashable {
        public var majors: [Double]
        public var minors: [Double]
        /// Distance between majors.
        public var step: Double
    }

    /// Tick positions for `lower...upper`.
    /// - Parameters:
    ///   - maxMajor: upper limit on the number of majors (at least 2 are produced when the
    ///     range allows it; a smaller value is raised to 2).
    ///   - target: preferred number of majors.
    public static func locate(
        lower: Double, upper: Double, maxMajor: Int = 8, target: Int = 6
    ) throws(TickError) -> Locations {
        try TickError.check(lower, upper, log: false)
        let maxMajor = max(maxMajor, 2)
        let span = upper - lower
        // Candidate steps from one that gives far too many majors upwards.
        var exponent = Int((log10(span / Double(maxMajor))).rounded(.down)) - 1
        var best: (step: Double, count: Int)?
        var fallback: (step: Double, count: Int)?
        search: for _ in 0..<8 {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * pow(10, Double(exponent))
                let count = majorCount(lower, upper, step)
                if count <= maxMajor {
                    if fallback == nil { fallback = (step, count) }
                    if count >= 2 {
                        if let b = best {
                            // The first fitting step has the most majors; keep it unless a
                            // coarser one is closer to the target.
                            if abs(count - target) < abs(b.count - target) { best = (step, count) }
                        } else {
                            best = (step, count)
                        }
                    } else {
                        break search
                    }
                }
            }
            exponent += 1
        }
        let step = (best ?? fallback)?.step ?? span
        let majors = multiples(of: step, in: lower, upper)
        let subdivisions = mantissa(of: step) == 2 ? 4 : 5
        let minorStep = step / Double(subdivisions)
        var minors: [Double] = []
        if majors.count * subdivisions <= TickLimits.maximumTicks {
            minors = multiples(of: minorStep, in: lower, upper).filter { v in
                !majors.contains { abs($0 - v) < minorStep * 1e-6 }
            }
        }
        return Locations(majors: majors, minors: minors, step: step)
    }

    /// Majors with labels, minors without: the ticks of a linear axis.
    public static func ticks(lower: Double, upper: Double, maxMajor: Int = 8) throws(TickError) -> [Tick] {
        let loc = try locate(lower: lower, upper: upper, maxMajor: maxMajor)
        let majors = loc.majors.map {
            Tick(value: $0, isMajor: true, label: TickFormatter.linear($0, step: loc.step))
        }
        return (majors + loc.minors.map { Tick(value: $0, isMajor: false) }).sorted { $0.value < $1.value }
    }

    static func majorCount(_ lower: Double, _ upper: Double, _ step: Double) -> Int {
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        return last >= first ? Int(min(last - first + 1, 1e9)) : 0
    }

    /// k × step for every integer k with k × step in the range; computed from k, so no
    /// error accumulates, and exact zeros stay zero.
    static func multiples(of step: Double, in lower: Double, _ upper: Double) -> [Double] {
        let first = (lower / step - 1e-9).rounded(.up)
        let last = (upper / step + 1e-9).rounded(.down)
        guard last >= first, last - first < Double(TickLimits.maximumTicks) else { return [] }
        return stride(from: first, through: last, by: 1).map { k in k == 0 ? 0 : k * step }
    }

    /// The leading digit of a 1-2-5 step.
    static func mantissa(of step: Double) -> Int {
        Int((step / pow(10, log10(step).rounded(.down))).rounded())
    }
}
