/// A polynomial density p(x) = Σₖ aₖ xᵏ fitted to binned counts by weighted least squares,
/// each bin's count modelled as ∫_bin p(x) dx and weighted by 1/(its expected count) — the
/// Poisson variance (seed 000 Sec. 5 fits its sidebands this way; χ² = Σ (nᵢ − νᵢ)²/nᵢ, the
/// Neyman form, which for expected counts is the Poisson-weighted fit).
///
/// The normal equations (AᵀWA) a = AᵀW n, Aᵢₖ = (x_hi,ᵢ^{k+1} − x_lo,ᵢ^{k+1})/(k+1), give the
/// coefficients and their covariance C = (AᵀWA)⁻¹; the prediction ∫_a^b p = gᵀa has the variance
/// gᵀCg, gₖ = (b^{k+1} − a^{k+1})/(k+1).
public struct BinnedPolynomialFit: Sendable {
    /// a₀ … a_order.
    public let coefficients: [Double]
    /// Their covariance matrix, row-major, (order + 1)².
    public let covariance: [Double]

    /// The fit of `counts` in bins [lo, hi) to a polynomial of `order`; nil when the bins do
    /// not determine it (fewer bins with counts > 0 than coefficients, or a singular system).
    public init?(binEdges: [(lo: Double, hi: Double)], counts: [Double], order: Int) {
        let n = order + 1
        let used = zip(binEdges, counts).filter { $0.1 > 0 }
        guard order >= 0, used.count >= n else { return nil }
        var normal = [Double](repeating: 0, count: n * n), rhs = [Double](repeating: 0, count: n)
        for (edges, count) in used {
            let row = Self.integrals(from: edges.lo, to: edges.hi, order: order)
            let weight = 1 / count
            for j in 0..<n {
                rhs[j] += row[j] * weight * count
                for k in 0..<n { normal[j * n + k] += row[j] * weight * row[k] }
            }
        }
        guard let inverse = Self.inverted(normal, size: n) else { return nil }
        covariance = inverse
        coefficients = (0..<n).map { j in (0..<n).reduce(0) { $0 + inverse[j * n + $1] * rhs[$1] } }
    }

    /// ∫_a^b p(x) dx and its variance from the coefficients' covariance.
    public func integral(from a: Double, to b: Double) -> (value: Double, variance: Double) {
        let n = coefficients.count
        let g = Self.integrals(from: a, to: b, order: n - 1)
        let value = zip(g, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var variance = 0.0
        for j in 0..<n { for k in 0..<n { variance += g[j] * covariance[j * n + k] * g[k] } }
        return (value, max(variance, 0))
    }

    /// (b^{k+1} − a^{k+1})/(k+1) for k = 0 … order.
    static func integrals(from a: Double, to b: Double, order: Int) -> [Double] {
        var result: [Double] = []
        var powerA = a, powerB = b
        for k in 0...order {
            result.append((powerB - powerA) / Double(k + 1))
            powerA *= a
            powerB *= b
        }
        return result
    }

    /// The inverse of a symmetric positive-definite matrix by Gauss–Jordan elimination with
    /// partial pivoting; nil when it is singular to working precision.
    static func inverted(_ matrix: [Double], size n: Int) -> [Double]? {
        var a = matrix
        var inverse = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inverse[i * n + i] = 1 }
        let scale = matrix.map(abs).max() ?? 0
        guard scale > 0, scale.isFinite else { return nil }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
            guard abs(a[pivot * n + column]) > 1e-14 * scale else { return nil }
            if pivot != column {
                for k in 0..<n {
                    a.swapAt(pivot * n + k, column * n + k)
                    inverse.swapAt(pivot * n + k, column * n + k)
                }
            }
            let p = a[column * n + column]
            for k in 0..<n {
                a[column * n + k] /= p
                inverse[column * n + k] /= p
            }
            for row in 0..<n where row != column {
                let factor = a[row * n + column]
                guard factor != 0 else { continue }
                for k in 0..<n {
                    a[row * n + k] -= factor * a[column * n + k]
                    inverse[row * n + k] -= factor * inverse[column * n + k]
                }
            }
        }
        return inverse
    }
}
