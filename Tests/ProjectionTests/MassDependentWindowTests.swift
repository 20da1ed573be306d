import XCTest
import Physics
import Scenario
import Simulation
import DetectorModel
@testable import Projection
import ProjectionFixtures

/// The signal window of a resolution that depends on the missing mass is m_N² ± kσ(m_N): with a
/// flat background of density ρ the window holds b = ρ · 2kσ(m_N), and the signal fraction of a
/// Gaussian peak of width σ(m_N) inside ±kσ(m_N) is erf(k/√2) (1.5σ: 0.866385597462284).
final class MassDependentWindowTests: XCTestCase {
    func testTheWindowUsesTheSigmaAtTheHypothesis() {
        var variant = seed001Variant(kaonDecays: 3e10, window: .fixed(k: 1.5))
        let resolution = MissingMassResolution.table(massesGeV: [0.1, 0.3], sigmasGeV2: [3e-3, 1e-3])
        variant.detector.resolution = resolution
        let density = 2e6
        let masses = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
        let curve = MassScan(channel: .kaonToPi0ElectronN, massesGeV: masses, workers: .threads(1))
            .curve(for: variant, background: FlatBackground(eventsPerGeV2: density))
        // σ(m_N) by hand: 3e-3 up to 100 MeV, then 3e-3 − 1e-3 per 100 MeV, 1e-3 beyond 300 MeV.
        let expectedSigmas = [3e-3, 3e-3, 2.5e-3, 2e-3, 1.5e-3, 1e-3, 1e-3]
        for (point, sigma) in zip(curve.points, expectedSigmas) {
            XCTAssertEqual(point.background, density * 2 * 1.5 * sigma, accuracy: 1e-12 * density * sigma, "m_N = \(point.massGeV)")
            XCTAssertEqual(point.windowSignalFraction, 0.866385597462284, accuracy: 1e-12)
        }
    }

    /// A table of equal points gives the constant resolution's projection, number for number.
    func testEqualPointsGiveTheConstantProjection() {
        let constant = seed001Variant(kaonDecays: 3e10)
        var table = constant
        table.detector.resolution = .table(massesGeV: [0.05, 0.35], sigmasGeV2: [1.7e-3, 1.7e-3])
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.08, 0.12, 0.2, 0.3], workers: .threads(1))
        let a = scan.curve(for: constant, background: FlatBackground(eventsPerGeV2: 2e6))
        let b = scan.curve(for: table, background: FlatBackground(eventsPerGeV2: 2e6))
        XCTAssertEqual(a.points, b.points)
    }
}
