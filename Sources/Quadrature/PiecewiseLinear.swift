/// Linear interpolation in a table, constant beyond its ends, and its exact integral.
public enum PiecewiseLinear {
    public static func value(at x: Double, xs: [Double], ys: [Double]) -> Double {
        let n = min(xs.count, ys.count)
        guard n > 0 else { return 0 }
        if x <= xs[0] || n == 1 { return ys[0] }
        if x >= xs[n - 1] { return ys[n - 1] }
        var lo = 0, hi = n - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        let span = xs[hi] - xs[lo]
        guard span > 0 else { return ys[hi] }
        return ys[lo] + (ys[hi] - ys[lo]) * (x - xs[lo]) / span
    }

    /// ∫_a^b of the interpolant (a ≤ b), constant extension included.
    public static func integral(from a: Double, to b: Double, xs: [Double], ys: [Double]) -> Double {
        let n = min(xs.count, ys.count)
        guard n > 0, b > a else { return 0 }
        // Breakpoints inside (a, b) plus the ends; the interpolant is linear between them.
        var total = 0.0
        var left = a
        var leftValue = value(at: a, xs: xs, ys: ys)
        for x in xs[0..<n] where x > a && x < b {
            let v = value(at: x, xs: xs, ys: ys)
            total += 0.5 * (leftValue + v) * (x - left)
            left = x
            leftValue = v
        }
        total += 0.5 * (leftValue + value(at: b, xs: xs, ys: ys)) * (b - left)
        return total
    }
}
