/// One-dimensional root finders used by the limit calculations.
enum RootFinding {
    /// The step, relative to the root's scale (the limit, or the smaller of the count and its
    /// spread for a quantile), below which the limit searches stop. Newton's error after a step
    /// δ is ≈ K δ² (quadratic convergence), so the iterate returned after a step of 10⁻⁵ is
    /// already converged far inside the 2×10⁻⁷ of the prior quadrature, without the further
    /// prior average that would confirm it: over b = 0 … 10⁷, δb/b = 0 … 3 and both priors the
    /// limits moved by at most 2.5×10⁻⁹ from those of tolerances 10⁻⁷ (exact) and 10⁻¹¹
    /// (asymptotic); 10⁻⁴ moved them by up to 7×10⁻⁸ (K δ² is not always small: K ≈ 60/s for
    /// wide log-normal priors).
    static let lastNewtonStep = 1e-5

    /// Brent's method (R. P. Brent, *Algorithms for Minimization without Derivatives*, 1973,
    /// ch. 4): inverse quadratic interpolation with a bisection safeguard. Needs f(lower) and
    /// f(upper) of opposite signs; returns x with |Δx| ≤ relativeTolerance·|x| + absoluteTolerance.
    static func brent(
        lower: Double, upper: Double,
        relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 1e-300,
        maximumIterations: Int = 200,
        _ f: (Double) -> Double
    ) -> Double {
        var a = lower, b = upper
        var fa = f(a), fb = f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<maximumIterations {
            if (fb > 0) == (fc > 0) {
                c = a; fc = fa; d = b - a; e = d
            }
            if abs(fc) < abs(fb) {
                a = b; b = c; c = a
                fa = fb; fb = fc; fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 0.5 * (relativeTolerance * abs(b) + absoluteTolerance)
            let m = 0.5 * (c - b)
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                let s = fb / fa
                var p: Double, q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d; d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = f(b)
        }
        return b
    }

    /// Newton's method kept inside a shrinking bracket [lower, upper] (bisection whenever the
    /// Newton step would leave it). f must change sign between lower and upper, the sign at
    /// `lower` being given; `upper` may be +∞, in which case it is found on the way (a step
    /// beyond the known region doubles x instead, or with `expansion` moves up by `expansion`,
    /// then twice that, and so on — for an x that may be negative). `f` returns the value and the
    /// derivative. Stops when a step or the bracket is below relativeTolerance·|x| + absoluteTolerance,
    /// or below `tolerance(x)` if that is given.
    static func newtonInBracket(
        lower: Double, upper: Double = .infinity, start: Double, valueAtLowerIsPositive lowerIsPositive: Bool,
        relativeTolerance: Double = 1e-10, absoluteTolerance: Double = 0, tolerance toleranceAt: ((Double) -> Double)? = nil,
        maximumIterations: Int = 200, expansion: Double? = nil,
        _ f: (Double) -> (value: Double, derivative: Double)
    ) -> Double {
        var lower = lower, upper = upper
        var x = (start > lower && start < upper) ? start : (upper.isFinite ? 0.5 * (lower + upper) : lower + (expansion ?? 1))
        var growth = expansion ?? 0
        for _ in 0..<maximumIterations {
            let (value, derivative) = f(x)
            if value == 0 { return x }
            if (value > 0) == lowerIsPositive { lower = x } else { upper = x }
            var next = x - value / derivative
            if !(next > lower && next < upper) {
                if upper.isFinite {
                    next = 0.5 * (lower + upper)
                } else if expansion != nil {
                    next = x + growth
                    growth *= 2
                } else {
                    next = 2 * x
                }
            }
            let step = abs(next - x)
            x = next
            let tolerance = toleranceAt?(x) ?? relativeTolerance * abs(x) + absoluteTolerance
            if step <= tolerance || upper - lower <= tolerance { return x }
        }
        return x
    }

    /// Doubles `start` (at least once) until `isBeyond` holds, to bracket a root from above.
    static func expandUpward(from start: Double, maximumDoublings: Int = 200, _ isBeyond: (Double) -> Bool) -> Double {
        var x = start
        var doublings = 0
        while doublings < maximumDoublings && !isBeyond(x) {
            x *= 2
            doublings += 1
        }
        return x
    }
}
