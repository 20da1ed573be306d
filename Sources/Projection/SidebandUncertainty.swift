import Scenario
import Simulation
import Statistics

/// The expected uncertainty δN_exp of a background estimated from sidebands, as seed 000
/// Sec. 5 estimates it in each K+ → μ+ N hypothesis (docs/statistics.md §5.1):
///
/// - σ_m = σ(m²_miss)/(2 m_N), the resolution in m_miss at the hypothesis;
/// - sideband bins of `binSigmas` σ_m from the window's edge k σ_m out to `outerSigmas` σ_m on
///   both sides, each wholly inside the sideband range, filled with the expected background
///   (the composition integrated over each bin's m²_miss interval);
/// - fits of a polynomial density in x = (m_miss − m_N)/σ_m of order 2 and 3, Poisson-weighted
///   (`BinnedPolynomialFit`); δN_stat² = the order-2 prediction's variance over the window
///   |x| < k; δN_syst = |N₃ − N₂|; δN_exp = √(δN_stat² + δN_syst²).
///
/// With expected counts the order-2 fit recovers a quadratic background exactly; its variance
/// scales as N_K, so δN_exp/N_exp falls as 1/√N_K — more data, a better estimate — until the
/// order difference (a property of the shape) takes over.
public enum SidebandUncertainty {
    /// δN_exp with its two parts, and the sideband bins used on each side; nil when fewer than
    /// five bins fit in the range (the order-3 fit needs four, plus one to be a fit).
    public struct Estimate: Sendable, Equatable {
        public var uncertainty: Double
        public var statistical: Double
        public var systematic: Double
        public var bins: Int
    }

    public static func estimate(massGeV: Double, sigmaM2GeV2: Double, k: Double, fit: SidebandFit,
                                background: BackgroundComposition) -> Estimate? {
        guard massGeV > 0, sigmaM2GeV2 > 0 else { return nil }
        let sigmaM = sigmaM2GeV2 / (2 * massGeV)
        let count = Int(((fit.outerSigmas - k) / fit.binSigmas + 1e-9).rounded(.down))
        var edges: [(lo: Double, hi: Double)] = []
        var counts: [Double] = []
        for side in [-1.0, 1.0] {
            for j in 0..<max(count, 0) {
                let inner = k + Double(j) * fit.binSigmas, outer = inner + fit.binSigmas
                let (a, b) = side < 0 ? (-outer, -inner) : (inner, outer)
                let lo = massGeV + a * sigmaM, hi = massGeV + b * sigmaM
                guard lo >= fit.rangeGeV.lowerBound, hi <= fit.rangeGeV.upperBound, lo >= 0 else { continue }
                edges.append((a, b))
                counts.append(background.estimate(in: .interval(lowerGeV2: lo * lo, upperGeV2: hi * hi)).total.events)
            }
        }
        guard edges.count >= 5,
              let second = BinnedPolynomialFit(binEdges: edges, counts: counts, order: 2),
              let third = BinnedPolynomialFit(binEdges: edges, counts: counts, order: 3) else { return nil }
        let n2 = second.integral(from: -k, to: k), n3 = third.integral(from: -k, to: k)
        let statistical = n2.variance.squareRoot(), systematic = abs(n3.value - n2.value)
        return Estimate(uncertainty: (statistical * statistical + systematic * systematic).squareRoot(),
                        statistical: statistical, systematic: systematic, bins: edges.count)
    }
}
