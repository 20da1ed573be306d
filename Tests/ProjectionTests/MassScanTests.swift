import XCTest
import ProjectionFixtures
import Physics
import Scenario
import Statistics
@testable import Projection

final class MassScanTests: XCTestCase {
    private let masses = [0.125, 0.135, 0.144]
    private let channel = Channel.kaonToPi0ElectronN

    /// Seed 001 Eq. (3): with a flat background the detection sensitivity is
    /// |U|² = 2.56/N_K · √⟨ε⟩/(ε_sig(1−f_vis)) · √σ/BR · √(dN/dm²), where 2.56 = 1.282·√(2k)/erf(k/√2)
    /// for k = 1.4 and dN/dm² is the density before the veto for this N_K.
    func testDetectionReproducesSeed001Equation3() {
        let kaonDecays = 3e10
        let densityAfterVeto = 2e6   // events/GeV² after the veto, seed-001-like
        let epsilon = 0.018
        let scan = MassScan(channel: channel, massesGeV: masses, workers: .threads(1))
        let curve = scan.curve(for: seed001Variant(kaonDecays: kaonDecays, statistic: .detection),
                               background: FlatBackground(eventsPerGeV2: densityAfterVeto, vetoPassFraction: epsilon))
        for point in curve.points {
            let br = channel.branchingFractionPerU2(massGeV: point.massGeV)
            let densityBeforeVeto = densityAfterVeto / epsilon
            let equation3 = 2.56 / kaonDecays * epsilon.squareRoot() / 0.10 * (1.7e-3).squareRoot() / br * densityBeforeVeto.squareRoot()
            XCTAssertEqual(point.u2Detection / equation3, 1, accuracy: 2e-3, "at \(point.massGeV) GeV")
        }
    }

    /// Background-dominated: |U|² ∝ N_K^(-1/2) when the background scales with N_K
    /// (seed 001 Sec. V); background-free: |U|² ∝ 1/N_K (the CLs limit stays 2.303 events).
    func testScalingWithKaonDecays() {
        let scan = MassScan(channel: channel, massesGeV: masses, workers: .threads(1))
        let perKaon = 2e6 / 3e10
        func curve(_ nK: Double, _ density: Double) -> SensitivityCurve {
            scan.curve(for: seed001Variant(kaonDecays: nK), background: FlatBackground(eventsPerGeV2: density))
        }
        let small = curve(3e10, perKaon * 3e10), large = curve(3e12, perKaon * 3e12)
        for (a, b) in zip(small.points, large.points) {
            XCTAssertEqual(a.u2Detection / b.u2Detection, 10, accuracy: 1e-9)
            // s = z√(b + s) departs from √b scaling by O(s/b) ≈ 1 % at b ≈ 10⁴.
            XCTAssertEqual(a.u2MedianExclusion / b.u2MedianExclusion, 10, accuracy: 0.1)
            XCTAssertEqual(a.u2CLs.median / b.u2CLs.median, 10, accuracy: 0.1)
        }
        let free1 = curve(1e10, 0), free2 = curve(1e12, 0)
        for (a, b) in zip(free1.points, free2.points) {
            XCTAssertEqual(a.u2CLs.median / b.u2CLs.median, 100, accuracy: 1e-6)
            XCTAssertEqual(a.u2CLs.median * a.signalPerU2, 2.302585, accuracy: 1e-4, "b = 0 gives ln 10 signal events")
        }
    }

    /// The bands are ordered and bracket the median; the CLs median runs above the seed-001
    /// median exclusion at large b (Φ⁻¹(0.95) against Φ⁻¹(0.90), docs/statistics.md §3).
    func testBandOrderingAndStatisticsOrder() {
        let scan = MassScan(channel: channel, massesGeV: masses, workers: .threads(1))
        let curve = scan.curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 2e6))
        for p in curve.points {
            let v = p.u2CLs.values
            XCTAssertEqual(v, v.sorted())
            XCTAssertGreaterThan(p.u2CLs.median, p.u2MedianExclusion)
            XCTAssertGreaterThan(p.u2MedianExclusion, p.u2Detection)
        }
    }

    /// The optimal window is k ≈ 1.4 for a flat, large background (seed 001 Sec. IV) and wider
    /// when the background vanishes (all signal is wanted).
    func testOptimalWindow() {
        let scan = MassScan(channel: channel, massesGeV: [0.135], workers: .threads(1))
        let flat = scan.curve(for: seed001Variant(kaonDecays: 3e10, window: .optimal), background: FlatBackground(eventsPerGeV2: 2e6))
        XCTAssertEqual(flat.points[0].windowK, 1.4, accuracy: 0.051)
        let free = scan.curve(for: seed001Variant(kaonDecays: 3e10, window: .optimal), background: FlatBackground(eventsPerGeV2: 0))
        XCTAssertEqual(free.points[0].windowK, WindowChoice.candidates.last!)
    }

    /// Parallel and serial scans give identical points in the same order.
    func testParallelScanIsDeterministic() {
        let grid = MassGrid(fromGeV: 0.1, toGeV: 0.3, stepGeV: 0.001).massesGeV
        let scenario = seed001Variant(kaonDecays: 3e10)
        let background = FlatBackground(eventsPerGeV2: 2e6)
        let serial = MassScan(channel: channel, massesGeV: grid, workers: .threads(1)).curve(for: scenario, background: background)
        let parallel = MassScan(channel: channel, massesGeV: grid, workers: .threads(2)).curve(for: scenario, background: background)
        XCTAssertEqual(serial, parallel)
    }
}

/// `statistic: shape` through the projection: the shape fit fills the CLs columns.
final class ShapeScanTests: XCTestCase {
    /// A flat background holding ≈ 10⁴ events in ±1.4σ (asymptotic regime of the window's CLs):
    /// the shape fit over ±5σ in bins of 0.5σ reaches the Fisher-information bound of a Gaussian
    /// peak on a flat background, F √(√π/k) = 0.9435 of the k = 1.4 window, up to its binning
    /// (bins of 0.5σ lose ≈ 0.5 % of the information, ≈ 0.3 % of the limit); the counting columns
    /// stay those of the window.
    func testShapeLimitIsTheFisherBoundOfAFlatBackground() {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.125, 0.144], workers: .threads(1))
        let background = FlatBackground(eventsPerGeV2: 2e6)
        let window = scan.curve(for: seed001Variant(kaonDecays: 3e10, statistic: .clsExpected), background: background)
        let shape = scan.curve(for: seed001Variant(kaonDecays: 3e10, statistic: .shape), background: background)
        let bound = Double.erf(1.4 / 2.0.squareRoot()) * (Double.pi.squareRoot() / 1.4).squareRoot()
        for (w, s) in zip(window.points, shape.points) {
            XCTAssertGreaterThan(w.background, 3000)
            let ratio = s.u2CLs.median / w.u2CLs.median
            XCTAssertGreaterThan(ratio, bound)
            XCTAssertLessThan(ratio, bound * 1.006)
            XCTAssertEqual(s.u2MedianExclusion, w.u2MedianExclusion)
            XCTAssertEqual(s.u2CLs.values, s.u2CLs.values.sorted())
        }
    }
}
