import DetectorModel
import Foundation

/// The non-Gaussian tail's share of a histogram's events in any region, tabulated once: the
/// tail part of the kernel (docs/physics.md §5.8.2) sends f wᵢ of bin i to offsets drawn from T,
/// so the region [lo, hi] receives f Σᵢ wᵢ ∫_{lo−mᵢ}^{hi−mᵢ} T = F(hi) − F(lo) with
///
///     F(x) = f Σᵢ wᵢ P_T(Δ ≤ x − mᵢ),
///
/// a smooth function (T is wider than the histogram's bins), tabulated on a grid of spacing
/// λ/20 (or the table shape's reach/600) and interpolated linearly. A region then costs the
/// Gaussian core's nearby bins plus two look-ups, instead of a sum over every bin. The MC
/// variance of the tail part is not carried (it is f² relative to the events it moves).
struct TailCumulative: Sendable {
    let lowerGeV2: Double
    let stepGeV2: Double
    /// F at the grid points, for the counts before and after the veto.
    let before: [Double]
    let after: [Double]

    /// The most grid points: a tail much narrower than the histogram is tabulated more coarsely
    /// (it then barely reaches beyond the Gaussian core).
    static let maximumPoints = 4096

    /// F for bins centred at `centre(i)`, i < `count`, holding `beforeVeto[i]`/`afterVeto[i]`
    /// events, with `tail`.
    init(count: Int, centre: (Int) -> Double, beforeVeto: [Double], afterVeto: [Double], tail: ResolutionTail) {
        let reach = tail.reachGeV2
        let first = count > 0 ? centre(0) : 0, last = count > 0 ? centre(count - 1) : 0
        let lower = first - reach
        lowerGeV2 = lower
        let span = last - first + 2 * reach
        let natural: Double
        switch tail.shape {
        case .exponential(let scale): natural = scale / 20
        case .table: natural = reach / 600
        }
        stepGeV2 = max(natural, span / Double(Self.maximumPoints - 1), 1e-12)
        let points = Int((span / stepGeV2).rounded(.up)) + 1
        let used = (0..<count).filter { beforeVeto[$0] > 0 || afterVeto[$0] > 0 }
        let step = stepGeV2
        let grid = (0..<points).map { lower + Double($0) * step }
        var before = [Double](repeating: 0, count: points), after = before
        switch tail.shape {
        case .exponential(let scale):
            Self.sweep(grid: grid, centres: used.map(centre), weights: used.map { beforeVeto[$0] }, scaleGeV2: scale, into: &before)
            Self.sweep(grid: grid, centres: used.map(centre), weights: used.map { afterVeto[$0] }, scaleGeV2: scale, into: &after)
        case .table:
            for (j, x) in grid.enumerated() {
                for i in used {
                    let p = tail.probability(offsetFromGeV2: -.infinity, toGeV2: x - centre(i))
                    before[j] += beforeVeto[i] * p
                    after[j] += afterVeto[i] * p
                }
            }
        }
        for j in 0..<points {
            before[j] *= tail.fraction
            after[j] *= tail.fraction
        }
        self.before = before
        self.after = after
    }

    /// Σᵢ wᵢ P_T(Δ ≤ x − mᵢ) at every grid point x for the exponential tail, in one sweep each
    /// way instead of a sum per point: P_T = 1 − ½e^{−(x−mᵢ)/λ} for mᵢ ≤ x, ½e^{−(mᵢ−x)/λ} above, so
    /// with L(x) = Σ_{mᵢ ≤ x} wᵢ e^{−(x−mᵢ)/λ} and R(x) = Σ_{mᵢ > x} wᵢ e^{−(mᵢ−x)/λ}, each carried
    /// from one grid point to the next by the factor e^{−h/λ}, the sum is W_≤(x) − ½L + ½R.
    /// `centres` increase.
    static func sweep(grid: [Double], centres: [Double], weights: [Double], scaleGeV2 scale: Double, into result: inout [Double]) {
        let n = centres.count
        guard n > 0, grid.count > 1 else { return }
        let decay = exp(-(grid[1] - grid[0]) / scale)
        // Left: bins at or below x.
        var left = 0.0, below = 0.0, next = 0
        var leftPart = [Double](repeating: 0, count: grid.count)
        for (j, x) in grid.enumerated() {
            if j > 0 { left *= decay }
            while next < n, centres[next] <= x {
                left += weights[next] * exp(-(x - centres[next]) / scale)
                below += weights[next]
                next += 1
            }
            leftPart[j] = below - 0.5 * left
        }
        // Right: bins above x, from the top down.
        var right = 0.0
        var index = n - 1
        for j in stride(from: grid.count - 1, through: 0, by: -1) {
            let x = grid[j]
            if j < grid.count - 1 { right *= decay }
            while index >= 0, centres[index] > x {
                right += weights[index] * exp(-(centres[index] - x) / scale)
                index -= 1
            }
            result[j] = leftPart[j] + 0.5 * right
        }
    }

    /// F(hi) − F(lo) before and after the veto; `hi` may be +∞.
    func events(lo: Double, hi: Double) -> (before: Double, after: Double) {
        (value(before, at: hi) - value(before, at: lo), value(after, at: hi) - value(after, at: lo))
    }

    private func value(_ table: [Double], at x: Double) -> Double {
        let u = (x - lowerGeV2) / stepGeV2
        guard u > 0 else { return table[0] }
        guard u < Double(table.count - 1) else { return table[table.count - 1] }
        let j = Int(u), t = u - Double(j)
        return table[j] + t * (table[j + 1] - table[j])
    }
}
