import Foundation
import Quadrature

/// A non-Gaussian tail of the m²_miss resolution: a fraction f of every source's events is
/// reconstructed with the offset Δ = m²_reco − m²_true drawn from a symmetric tail shape
/// instead of the Gaussian core (docs/physics.md §5.8.2). Seed 000 Sec. 4 finds such tails in
/// the K+ → μ+ ν(γ) spectrum (beam pile-up and GTK inefficiency) and assumes them left-right
/// symmetric; the smearing kernel becomes (1 − f) N(Δ; σ) + f T(Δ).
public struct ResolutionTail: Sendable, Equatable {
    /// The shape T(Δ), normalised to 1 over all offsets.
    public enum Shape: Sendable, Equatable {
        /// T(Δ) = exp(−|Δ|/λ) / (2λ), scale λ [GeV²].
        case exponential(scaleGeV2: Double)
        /// T(Δ) ∝ the density at |Δ| in a table of offsets ≥ 0 [GeV²] (linear between rows,
        /// zero beyond the last), mirrored to negative offsets and normalised by the tool.
        case table(offsetsGeV2: [Double], densities: [Double])
    }

    /// f, the fraction of events in the tail, in [0, 1).
    public let fraction: Double
    public let shape: Shape
    /// A table shape's integral over both sides (1 for the exponential).
    let norm: Double

    /// A tail of `fraction` f in [0, 1) with `shape`; a table needs at least two offsets ≥ 0,
    /// increasing, with some density > 0 (checked by the scenario layer).
    public init(fraction: Double, shape: Shape) {
        self.fraction = fraction
        self.shape = shape
        switch shape {
        case .exponential: norm = 1
        case .table(let offsets, let densities):
            norm = 2 * PiecewiseLinear.integral(from: offsets[0], to: offsets[offsets.count - 1], xs: offsets, ys: densities)
        }
    }

    /// ∫_a^b T(Δ) dΔ (a ≤ b; ±∞ allowed): the probability that a tail event's offset lies in
    /// [a, b]. Written on the side of the tails, so that it keeps its relative precision far out.
    public func probability(offsetFromGeV2 a: Double, toGeV2 b: Double) -> Double {
        guard b > a else { return 0 }
        switch shape {
        case .exponential(let scale):
            if a >= 0 { return 0.5 * (exp(-a / scale) - exp(-b / scale)) }
            if b <= 0 { return 0.5 * (exp(b / scale) - exp(a / scale)) }
            return 1 - 0.5 * (exp(a / scale) + exp(-b / scale))
        case .table(let offsets, let densities):
            guard norm > 0 else { return 0 }
            // One side: ∫ over |Δ| in [lo, hi] ∩ [first, last] offset.
            func side(_ lo: Double, _ hi: Double) -> Double {
                let from = max(lo, offsets[0]), to = min(hi, offsets[offsets.count - 1])
                return to > from ? PiecewiseLinear.integral(from: from, to: to, xs: offsets, ys: densities) : 0
            }
            if a >= 0 { return side(a, b) / norm }
            if b <= 0 { return side(-b, -a) / norm }
            return (side(0, -a) + side(0, b)) / norm
        }
    }

    /// How far the tail reaches [GeV²]: beyond it T carries less than 10⁻¹³ of the tail
    /// (exponential: 30 λ) or nothing (table: its last offset).
    public var reachGeV2: Double {
        switch shape {
        case .exponential(let scale): return 30 * scale
        case .table(let offsets, _): return offsets[offsets.count - 1]
        }
    }

    /// The kernel's probability that an event at true m² = `m2` is reconstructed in [lo, hi]:
    /// (1 − f) × `gaussian` (the core's share) + f × ∫ T over [lo − m², hi − m²].
    @inlinable
    public func kernelFraction(gaussian: Double, trueGeV2 m2: Double, lo: Double, hi: Double) -> Double {
        (1 - fraction) * gaussian + fraction * probability(offsetFromGeV2: lo - m2, toGeV2: hi - m2)
    }
}
