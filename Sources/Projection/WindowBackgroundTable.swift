import DetectorModel
import Simulation

/// The background of the candidate windows of `window: optimal` over a whole mass scan, from
/// each smeared component's cumulative count in reconstructed m²_miss, tabulated once: a
/// window's count is then the difference of two interpolated cumulatives instead of a sum over
/// every true-m² bin within 8σ of it (≈ 20 µs; ≈ 25 windows per mass, docs/physics.md §6.4).
///
/// The cumulative C(x) of a `SmearedBackground` is smooth on the scale of the smallest σ, so on
/// a grid of spacing h = σ_min/64 six-point Lagrange interpolation (error ∝ h⁶ C⁽⁶⁾) reproduces
/// the direct integral of every candidate window of a K_e3γ background over 100–300 MeV to
/// 2 × 10⁻¹¹ relative, even where the windows reach into the peak at m²_miss = 0; with a
/// resolution tail to 5 × 10⁻⁸, the kinks of the tail's own piecewise-linear cumulative
/// (`TailCumulative`) being rounded off (tested). The table only chooses k; the chosen window's
/// b, δb and MC uncertainty are computed directly, so a point changes only where two
/// candidates' limits tie to that precision.
/// Components that are not smeared (user tables, cut tables) are computed directly: their
/// integral is already cheap.
struct WindowBackgroundTable: Sendable {
    /// The cumulative count of one component at the grid points x_j = lower + j h, summed from
    /// below (events in [x₀, x_j]) and from above (in [x_j, x_N]); a window uses the smaller
    /// of the two so that rounding stays relative to its own count.
    struct Cumulative: Sendable {
        var fromBelow: [Double]
        var fromAbove: [Double]
    }

    let composition: BackgroundComposition
    let lowerGeV2: Double
    let stepGeV2: Double
    /// One per component; nil where the component is computed directly.
    let cumulatives: [Cumulative?]
    /// The signal acceptance a component without its own background acceptance is scaled by
    /// at the window's mass (`AcceptanceScaledBackground`), else nil.
    let acceptances: [SignalAcceptance?]

    /// Grid points per smallest σ.
    static let pointsPerSigma = 64.0

    /// The table over `rangeGeV2` (the union of every candidate window) for a resolution whose
    /// smallest σ there is `smallestSigmaGeV2`; nil when no component is smeared or the grid
    /// would hold more than `maximumPoints` points (then the windows are computed directly).
    init?(composition: BackgroundComposition, rangeGeV2: ClosedRange<Double>, smallestSigmaGeV2: Double, maximumPoints: Int,
          workers: Workers) {
        let step = smallestSigmaGeV2 / Self.pointsPerSigma
        let span = rangeGeV2.upperBound - rangeGeV2.lowerBound
        guard step > 0, span.isFinite, span / step + 7 <= Double(maximumPoints) else { return nil }
        // Three points beyond each end, for the six-point stencil.
        let lower = rangeGeV2.lowerBound - 3 * step
        let points = Int((span / step).rounded(.up)) + 7
        var acceptances: [SignalAcceptance?] = []
        let sources = composition.components.map { component -> (any MissingMassBackground)? in
            if let scaled = component.source as? AcceptanceScaledBackground, scaled.base is any SmearedBackground {
                acceptances.append(scaled.acceptance)
                return scaled.base
            }
            acceptances.append(nil)
            return component.source is any SmearedBackground ? component.source : nil
        }
        guard sources.contains(where: { $0 != nil }) else { return nil }
        self.composition = composition
        self.lowerGeV2 = lower
        self.stepGeV2 = step
        self.acceptances = acceptances
        cumulatives = sources.map { source in
            source.map { Self.cumulative(of: $0, lowerGeV2: lower, stepGeV2: step, points: points, workers: workers) }
        }
    }

    /// Events in each grid interval [x_{j−1}, x_j] computed directly (in parallel, written by
    /// index), then summed in order from each end.
    static func cumulative(of source: any MissingMassBackground, lowerGeV2: Double, stepGeV2: Double, points: Int,
                           workers: Workers) -> Cumulative {
        var intervals = [Double](repeating: 0, count: points)
        intervals.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendableBuffer(buffer)
            workers.perform(iterations: points - 1) { j in
                let lo = lowerGeV2 + Double(j) * stepGeV2, hi = lowerGeV2 + Double(j + 1) * stepGeV2
                output.buffer[j + 1] = source.events(in: .interval(lowerGeV2: lo, upperGeV2: hi)).events
            }
        }
        var below = [Double](repeating: 0, count: points), above = below
        for j in 1..<points { below[j] = below[j - 1] + intervals[j] }
        for j in stride(from: points - 2, through: 0, by: -1) { above[j] = above[j + 1] + intervals[j + 1] }
        return Cumulative(fromBelow: below, fromAbove: above)
    }

    /// b and δb in `region` (a window around the hypothesis), as `BackgroundComposition.estimate`
    /// gives them but for the tabulated components.
    func estimate(in region: SignalRegion) -> (events: Double, uncertainty: Double) {
        let range = region.rangeGeV2
        let parts = composition.components.indices.map { i -> BackgroundEstimate in
            guard let cumulative = cumulatives[i], let events = count(cumulative, lo: range.lowerBound, hi: range.upperBound) else {
                return composition.components[i].source.events(in: region)
            }
            let factor = acceptances[i]?.value(atMassGeV: max(region.hypothesisGeV2, 0).squareRoot()) ?? 1
            return BackgroundEstimate(events: events * factor, mcUncertainty: 0, eventsBeforeVeto: nil)
        }
        let events = parts.count == 1 ? parts[0].events : parts.reduce(0) { $0 + $1.events }
        return (events, composition.uncertainty(of: parts))
    }

    /// C(hi) − C(lo), from whichever end holds fewer events; nil outside the grid.
    func count(_ cumulative: Cumulative, lo: Double, hi: Double) -> Double? {
        guard let below = interpolate(cumulative.fromBelow, at: lo), let belowHigh = interpolate(cumulative.fromBelow, at: hi) else { return nil }
        if belowHigh <= cumulative.fromAbove[0] - belowHigh { return belowHigh - below }
        guard let above = interpolate(cumulative.fromAbove, at: lo), let aboveHigh = interpolate(cumulative.fromAbove, at: hi) else { return nil }
        return above - aboveHigh
    }

    /// Six-point Lagrange interpolation of `table` at x, on the grid points j − 2 … j + 3 around
    /// the interval [x_j, x_{j+1}] holding x (nil outside the stencil's reach).
    func interpolate(_ table: [Double], at x: Double) -> Double? {
        let u = (x - lowerGeV2) / stepGeV2
        guard u >= 2, u <= Double(table.count - 4) else { return nil }
        let j = min(Int(u), table.count - 4)
        let t = u - Double(j)
        var value = 0.0
        for i in -2...3 {
            var weight = 1.0
            for m in -2...3 where m != i { weight *= (t - Double(m)) / Double(i - m) }
            value += weight * table[j + i]
        }
        return value
    }
}
