import Foundation

/// Tick placement on a log₁₀ axis (the habit of matplotlib's `LogLocator`):
/// - majors at every decade 10ⁿ (only every `stride`-th decade if the range spans more
///   decades than `TickLimits` allows), minors at 2…9 × 10ⁿ while the range spans at most
///   `minorDecadeLimit` decades;
/// - labels on every `stride`-th decade, `stride` the smallest of 1, 2, 3, 4, 5, 10, 20, …
///   giving at most `maxLabels` labels, so labels never crowd on a 12-decade axis;
/// - a range with fewer than two labelled decades also labels 2 × and 5 × 10ⁿ, then all
///   of 1…9 × 10ⁿ, and as a last resort (a range inside one factor of 10 that holds
///   no integer multiple of a power of ten twice) falls back to linear ticks in the range,
///   so there are always at least two labels.
public enum LogTicks {
    /// Ranges spanning more decades than this get no 2…9 minors (they would be a grey smear).
    public static let minorDecadeLimit = 8.0

    public struct Locations: Sendable, Hashable {
        public var majors: [Double]
        public var minors: [Double]
        /// The subset of `majors` and `minors` that carry a label, ascending.
        public var labelled: [Double]
        /// Label every `stride`-th decade.
        public var stride: Int
    }

    public static func locate(lower: Double, upper: Double, maxLabels: Int = 8) throws(TickError) -> Locations {
        try TickError.check(lower, upper, log: true)
        let maxLabels = max(maxLabels, 2)
        let lo = log10(lower), hi = log10(upper)
        let eps = 1e-9
        let firstDecade = Int((lo - eps).rounded(.up))
        let lastDecade = Int((hi + eps).rounded(.down))
        let decadeCount = max(lastDecade - firstDecade + 1, 0)

        // Labels on decades divisible by the stride; the stride grows until they fit.
        var stride = 1
        for candidate in strideCandidates {
            stride = candidate
            if labelledDecades(firstDecade, lastDecade, stride).count <= maxLabels { break }
        }
        let labelledExponents = labelledDecades(firstDecade, lastDecade, stride)
        // Majors on every decade unless that is too many, then only on labelled ones.
        let majorExponents = decadeCount <= TickLimits.maximumTicks / 4
            ? Array(firstDecade...max(firstDecade, lastDecade)).filter { $0 <= lastDecade }
            : labelledExponents
        let majors = majorExponents.map { pow10($0) }

        var minors: [Double] = []
        if hi - lo <= minorDecadeLimit {
            for e in (firstDecade - 1)...lastDecade {
                for m in 2...9 {
                    let v = Double(m) * pow10(e)
                    if v >= lower * (1 - eps), v <= upper * (1 + eps) { minors.append(v) }
                }
            }
        }

        var labelled = labelledExponents.map { pow10($0) }
        if labelled.count < 2 {
            // Less than about one decade: label 1, 2, 5 × 10ⁿ, then every integer multiple.
            for mantissas in [[1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]] {
                labelled = multiplesInRange(lower, upper, mantissas)
                if labelled.count >= 2 { break }
            }
            if labelled.count >= 2 {
                let extra = labelled.filter { v in !majors.contains { abs($0 / v - 1) < 1e-9 } }
                minors = (minors + extra).sorted()
                minors = dedupe(minors)
            } else if let linear = try? LinearTicks.locate(lower: lower, upper: upper, maxMajor: maxLabels) {
                labelled = linear.majors
                minors = dedupe((minors + linear.majors).sorted())
            }
        }
        return Locations(majors: majors, minors: minors, labelled: labelled, stride: stride)
    }

    /// The ticks of a log axis: positions from `locate`, labels from `TickFormatter.log`.
    public static func ticks(lower: Double, upper: Double, maxLabels: Int = 8) throws(TickError) -> [Tick] {
        let loc = try locate(lower: lower, upper: upper, maxLabels: maxLabels)
        func isLabelled(_ v: Double) -> Bool { loc.labelled.contains { abs($0 / v - 1) < 1e-9 } }
        // A short range labelled at 2 × and 5 × 10ⁿ near 1 reads better as plain numbers
        // ("0.2", "0.5", "1", "2") than as "2×10⁻¹"; decades alone stay powers of ten.
        let exponents = loc.labelled.map { Int(log10($0).rounded(.down)) }
        let hasNonDecades = loc.labelled.contains { abs(TickFormatter.mantissa(of: $0) - 1) > 1e-9 }
        let plain: ClosedRange<Int>? = hasNonDecades && exponents.allSatisfy { (-3...3).contains($0) } ? -3...3 : nil
        func label(_ v: Double) -> String { TickFormatter.log(v, decimalExponents: plain) }
        var ticks = loc.majors.map { v in
            Tick(value: v, isMajor: true, label: isLabelled(v) ? label(v) : nil)
        }
        // Labelled minors (2 × and 5 × 10ⁿ on short ranges) are drawn as majors: a number
        // under a short tick reads as a misprint.
        for v in loc.minors {
            ticks.append(isLabelled(v)
                ? Tick(value: v, isMajor: true, label: label(v))
                : Tick(value: v, isMajor: false))
        }
        return ticks.sorted { $0.value < $1.value }
    }

    static let strideCandidates: [Int] = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100, 200, 500]

    static func labelledDecades(_ first: Int, _ last: Int, _ stride: Int) -> [Int] {
        guard last >= first else { return [] }
        return (first...last).filter { $0 % stride == 0 }
    }

    static func pow10(_ e: Int) -> Double { pow(10, Double(e)) }

    static func multiplesInRange(_ lower: Double, _ upper: Double, _ mantissas: [Int]) -> [Double] {
        let eps = 1e-9
        let first = Int(log10(lower).rounded(.down)) - 1
        let last = Int(log10(upper).rounded(.up))
        var out: [Double] = []
        for e in first...last {
            for m in mantissas {
                let v = Double(m) * pow10(e)
                if v >= lower * (1 - eps), v <= upper * (1 + eps) { out.append(v) }
            }
        }
        return out
    }

    static func dedupe(_ sorted: [Double]) -> [Double] {
        var out: [Double] = []
        for v in sorted where out.last.map({ abs($0 / v - 1) > 1e-9 }) ?? true { out.append(v) }
        return out
    }
}
