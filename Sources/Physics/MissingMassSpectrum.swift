import Quadrature
import Foundation

/// A true (unsmeared) m²_miss spectrum of a continuum signal, normalised to 1: the probability
/// of each bin of a fixed grid on the kinematic range [lower, upper] (GeV²), with the
/// probability-weighted mean m² and mean m_miss of each bin.
///
/// The edges are s_j = lower + (upper − lower) sin²(π j / 2N): fine at both ends, where a
/// three-body density vanishes like a square root (and the L_μ − L_τ vector's 1/s rises at
/// small m_X), coarse in the middle — with N = 400 the widest bin is (upper − lower) π/(2N) ≈
/// 6×10⁻⁴ GeV² for K+ → μ+ ν X, below the 1.5×10⁻³ GeV² resolution it is smeared with. Each bin
/// is integrated with 4-point Gauss–Legendre (docs/physics.md §10.3).
public struct MissingMassSpectrum: Sendable, Equatable {
    public let edgesGeV2: [Double]
    /// Probability of each bin; they sum to 1.
    public let probabilities: [Double]
    /// ⟨m²_miss⟩ of each bin [GeV²].
    public let meansGeV2: [Double]
    /// ∫ m_miss dP over all bins [GeV]: the mean missing mass.
    public let meanMissingMassGeV: Double

    public static let defaultBinCount = 400
    static let binRule = GaussLegendre(points: 4)

    /// The spectrum of `density` (any normalisation, ≥ 0) on `range`; nil when the density
    /// integrates to zero or is not finite.
    public init?(rangeGeV2 range: ClosedRange<Double>, binCount: Int = defaultBinCount, density: (Double) -> Double) {
        let edges = Self.edges(range, binCount: binCount)
        var weights: [Double] = [], means: [Double] = []
        var massMoment = 0.0
        for i in 0..<binCount {
            var w = 0.0, first = 0.0, root = 0.0
            for (s, weight) in Self.binRule.mapped(to: edges[i], edges[i + 1]) {
                let f = max(0, density(s)) * weight
                w += f
                first += f * s
                root += f * max(0, s).squareRoot()
            }
            weights.append(w)
            means.append(w > 0 ? first / w : 0.5 * (edges[i] + edges[i + 1]))
            massMoment += root
        }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        edgesGeV2 = edges
        probabilities = weights.map { $0 / total }
        meansGeV2 = means
        meanMissingMassGeV = massMoment / total
    }

    /// The kinematic range [GeV²].
    public var rangeGeV2: ClosedRange<Double> { edgesGeV2[0]...edgesGeV2[edgesGeV2.count - 1] }

    /// The true density dP/dm²_miss [GeV⁻²] at `sGeV2` (the bin's mean density); zero outside.
    public func density(atGeV2 s: Double) -> Double {
        guard s >= edgesGeV2[0], s <= edgesGeV2[edgesGeV2.count - 1] else { return 0 }
        var low = 0, high = edgesGeV2.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if edgesGeV2[mid] <= s { low = mid } else { high = mid }
        }
        let width = edgesGeV2[low + 1] - edgesGeV2[low]
        return width > 0 ? probabilities[low] / width : 0
    }

    /// The fraction of the true spectrum with m²_miss ≥ `thresholdGeV2` (uniform inside a bin).
    public func fraction(aboveGeV2 threshold: Double) -> Double {
        var sum = 0.0
        for i in probabilities.indices {
            let lower = edgesGeV2[i], upper = edgesGeV2[i + 1]
            if lower >= threshold { sum += probabilities[i] } else if upper > threshold { sum += probabilities[i] * (upper - threshold) / (upper - lower) }
        }
        return min(1, sum)
    }

    /// ∫ f ds over [lower, upper] on the same sin²-mapped bins (`binCount` bins × 4 nodes).
    public static func integrate(from lower: Double, to upper: Double, binCount: Int = 256, _ f: (Double) -> Double) -> Double {
        guard upper > lower else { return 0 }
        let edges = Self.edges(lower...upper, binCount: binCount)
        var sum = 0.0
        for i in 0..<(edges.count - 1) {
            sum += binRule.integrate(from: edges[i], to: edges[i + 1], f)
        }
        return sum
    }

    static func edges(_ range: ClosedRange<Double>, binCount: Int) -> [Double] {
        let width = range.upperBound - range.lowerBound
        return (0...binCount).map { j in
            if j == binCount { return range.upperBound }
            let sine = sin(Double.pi * Double(j) / Double(2 * binCount))
            return range.lowerBound + width * sine * sine
        }
    }
}
