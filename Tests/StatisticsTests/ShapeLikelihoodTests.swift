import RealModule
import XCTest
import TestSupport
@testable import Statistics

/// The binned Asimov shape fit (`ShapeExperiment`) against facts that do not come from it: the
/// asymptotic counting experiment, the Gaussian-error limit of a profiled normalisation, the
/// Fisher information of a Gaussian peak on a flat background, and the best single window.
final class ShapeLikelihoodTests: XCTestCase {
    private let bandSigmas: [Double] = [-2, -1, 0, 1, 2]

    /// A Gaussian peak of unit area over x ∈ [−range, range] (in σ) on a background of density
    /// `density(x)` events per σ, in bins of `width` σ; the peak's share of each bin exactly.
    private func peak(range: Double, width: Double, normalisation: BackgroundNormalisation = .fixed,
                      density: (Double) -> Double) -> ShapeExperiment {
        let n = Int((2 * range / width).rounded())
        var signal: [Double] = [], background: [Double] = []
        for i in 0..<n {
            let lo = -range + 2 * range * Double(i) / Double(n), hi = -range + 2 * range * Double(i + 1) / Double(n)
            signal.append(0.5 * (Double.erf(hi / 2.0.squareRoot()) - Double.erf(lo / 2.0.squareRoot())))
            // Simpson's rule: exact for the quadratic densities used here.
            background.append((hi - lo) / 6 * (density(lo) + 4 * density(0.5 * (lo + hi)) + density(hi)))
        }
        return ShapeExperiment(signal: signal, background: background, normalisation: normalisation)
    }

    /// One bin, known background: q_A = 2[s − b ln(1 + s/b)], the Asimov counting experiment,
    /// so the median is the asymptotic counting median (`AsymptoticCLs`, a separate code path).
    func testOneBinEqualsTheAsymptoticCountingExperiment() {
        for b in [3.0, 100, 1e4, 1e8] {
            let shape = ShapeExperiment(signal: [1], background: [b]).expectedLimits(confidence: 0.90)
            let counting = expectedLimits(CountingExperiment(background: b), confidence: 0.90, method: .asymptotic)
            assertApproximatelyEqual(shape.median, counting.median, relative: 1e-8, "b = \(b)")
            // Bands: CCGV Eq. 89 at leading order, √b (Φ⁻¹(1 − α Φ(N)) + N), for s ≪ b.
            if b >= 1e8 {
                for (edge, n) in zip(shape.values, bandSigmas) {
                    let expected = b.squareRoot() * (NormalDistribution.quantile(1 - 0.1 * NormalDistribution.cdf(n)) + n)
                    assertApproximatelyEqual(edge, expected, relative: 1e-3, "N = \(n)")
                }
            }
        }
        // At 95 % CL too.
        let b = 50.0
        assertApproximatelyEqual(ShapeExperiment(signal: [1], background: [b]).expectedLimits(confidence: 0.95).median,
                                 expectedLimits(CountingExperiment(background: b), confidence: 0.95, method: .asymptotic).median, relative: 1e-8)
    }

    /// One bin, normalisation constrained to δ: at large b the profiled q_A → s²/(b + δ²b²), so the
    /// median is Φ⁻¹(0.95) √(b + δ²b²); with several bins of the same shape nothing changes.
    func testConstrainedNormalisationAddsTheUncertaintyInQuadrature() {
        let z = NormalDistribution.quantile(0.95)
        for (b, delta) in [(1e8, 1e-4), (1e8, 1e-3), (1e6, 0.01)] {
            let median = ShapeExperiment(signal: [1], background: [b], normalisation: .constrained(relativeUncertainty: delta))
                .expectedLimits().median
            assertApproximatelyEqual(median, z * (b + delta * delta * b * b).squareRoot(), relative: 2e-3, "b = \(b), δ = \(delta)")
        }
        // A free normalisation cannot tell a signal shaped like the background from it.
        let flat = ShapeExperiment(signal: [0.25, 0.25, 0.25, 0.25], background: [100, 100, 100, 100], normalisation: .free)
        XCTAssertEqual(flat.expectedLimits().median, .infinity)
    }

    /// Splitting the bins of a flat background under a flat signal changes nothing: the
    /// likelihood depends on the counts only through their sum (sufficient statistic).
    func testSplittingBinsOfFlatSignalOnFlatBackgroundChangesNothing() {
        for normalisation in [BackgroundNormalisation.fixed, .constrained(relativeUncertainty: 0.05)] {
            let whole = ShapeExperiment(signal: [1], background: [400], normalisation: normalisation).expectedLimits().values
            for n in [2, 10, 37] {
                let split = ShapeExperiment(signal: Array(repeating: 1 / Double(n), count: n),
                                            background: Array(repeating: 400 / Double(n), count: n), normalisation: normalisation).expectedLimits().values
                for (a, w) in zip(split, whole) { assertApproximatelyEqual(a, w, relative: 1e-9, "\(n) bins, \(normalisation)") }
            }
        }
    }

    /// A Gaussian peak on a flat background, background-dominated, fine bins over ±8σ: the Fisher
    /// information is ∫ f²/ρ = 1/(2√π σ ρ), against F²/(2kσρ) for the window ±kσ keeping F of the
    /// signal, so the shape limit is F √(√π/k) of the window's: 0.94345 at k = 1.4.
    func testPeakOnFlatBackgroundGainsTheFisherInformationOfItsShape() {
        let density = 1e8  // events per σ
        let shape = peak(range: 8, width: 0.1) { _ in density }.expectedLimits().median
        let k = 1.4, kept = Double.erf(k / 2.0.squareRoot())
        let window = expectedLimits(CountingExperiment(background: 2 * k * density), method: .asymptotic).median / kept
        XCTAssertEqual(shape / window, kept * (Double.pi.squareRoot() / k).squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(kept * (Double.pi.squareRoot() / k).squareRoot(), 0.94345, accuracy: 1e-5)
    }

    /// A peak on a sloped and curved background, from 3 to 10⁷ events per σ: never weaker than the
    /// best symmetric window ±kσ (k = 0.5 … 3 in steps of 0.05, the candidates of `window:
    /// optimal`) with the same asymptotic statistic, beyond 10⁻³ (windows whose edges fall inside a
    /// bin of 0.5σ are not unions of bins).
    func testNeverWeakerThanTheBestWindow() {
        for scale in [3.0, 300, 1e5, 1e7] {
            for normalisation in [BackgroundNormalisation.fixed, .constrained(relativeUncertainty: 0.02)] {
                let density = { (x: Double) in scale * (1 + 0.15 * x + 0.02 * x * x) }
                let shape = peak(range: 5, width: 0.5, normalisation: normalisation, density: density).expectedLimits().median
                let delta: Double
                if case .constrained(let d) = normalisation { delta = d } else { delta = 0 }
                var best = Double.infinity
                for k in stride(from: 0.5, through: 3.0, by: 0.05) {
                    // ∫_{−k}^{k} of the quadratic density.
                    let b = scale * (2 * k + 0.02 * 2 * k * k * k / 3)
                    let counting = ShapeExperiment(signal: [1], background: [b], normalisation: delta > 0 ? .constrained(relativeUncertainty: delta) : .fixed)
                    best = min(best, counting.expectedLimits().median / Double.erf(k / 2.0.squareRoot()))
                }
                XCTAssertLessThanOrEqual(shape, best * (1 + 1e-3), "scale \(scale), \(normalisation)")
            }
        }
    }

    /// Background-dominated, known background: ×100 background (100 × the kaon decays) raises the
    /// event limit 10-fold, so |U|² falls as 1/√N_K.
    func testBackgroundDominatedLimitScalesAsRootOfTheBackground() {
        let small = peak(range: 5, width: 0.5) { x in 1e6 * (1 + 0.1 * x) }.expectedLimits().values
        let large = peak(range: 5, width: 0.5) { x in 1e8 * (1 + 0.1 * x) }.expectedLimits().values
        for (a, b) in zip(small, large) { XCTAssertEqual(b / a, 10, accuracy: 1e-2) }
    }

    /// Bands in order, and bins without background: q_A grows as 2μs there.
    func testBandsOrderedAndBackgroundFreeBins() {
        let limits = peak(range: 5, width: 0.5, normalisation: .constrained(relativeUncertainty: 0.3)) { x in 20 * (1 + 0.1 * x) }.expectedLimits().values
        XCTAssertEqual(limits, limits.sorted())
        XCTAssertTrue(limits.allSatisfy { $0 > 0 && $0.isFinite })
        // No background at all: √(2μ) = c, μ = c²/2 (the asymptotic b = 0 limit, 1.3528 for the median).
        let empty = ShapeExperiment(signal: [0.5, 0.5], background: [0, 0]).expectedLimits().median
        let c = NormalDistribution.quantile(0.95)
        assertApproximatelyEqual(empty, c * c / 2, relative: 1e-9)
    }
}
