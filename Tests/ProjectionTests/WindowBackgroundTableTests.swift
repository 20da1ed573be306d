import XCTest
import DetectorModel
import Physics
import ProjectionFixtures
import Scenario
@testable import Projection
@testable import Simulation

/// The tabulated cumulative background of `window: optimal` against the direct integral it
/// replaces: every candidate window of a K_e3γ background (with a resolution tail, and scaled
/// by the signal acceptance per mass) agrees to 10⁻¹⁰ relative (10⁻⁷ with a resolution tail), a component that is not smeared
/// is counted directly, and the scan chooses the same window at every mass as without the table.
final class WindowBackgroundTableTests: XCTestCase {
    static let masses = MassGrid(fromGeV: 0.1, toGeV: 0.3, stepGeV: 0.0005).massesGeV
    static let sigma = 1.7e-3

    static func composition(tail: ResolutionTail? = ResolutionTail(fraction: 1e-4, shape: .exponential(scaleGeV2: 0.02))) -> BackgroundComposition {
        let sample = RadiativeSampleCache.shared.sample(process: .ke3Gamma, events: 1 << 16, seed: 11)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolution: .constant(sigma),
                                    tail: tail, kaonDecays: 3e10, acceptance: 1)
        let scaled = AcceptanceScaledBackground(base: model, acceptance: .table(massesGeV: [0.1, 0.3], acceptances: [0.08, 0.12]))
        return BackgroundComposition(components: [
            .init(label: "K_e3γ", source: scaled, relativeUncertainty: 0.1, group: "veto"),
            .init(label: "flat", source: FlatBackground(eventsPerGeV2: 300), relativeUncertainty: 0.2),
        ])
    }

    /// The largest relative difference of b and δb between the table and the direct integral
    /// over every candidate window of every mass.
    static func largestDifference(_ composition: BackgroundComposition) throws -> Double {
        let lower = masses[0] * masses[0] - 3 * sigma, upper = 0.09 + 3 * sigma
        let table = try XCTUnwrap(WindowBackgroundTable(composition: composition, rangeGeV2: lower...upper, smallestSigmaGeV2: sigma,
                                                        maximumPoints: 100_000, workers: .threads(2)))
        XCTAssertNotNil(table.cumulatives[0])
        XCTAssertNil(table.cumulatives[1], "the flat component is not smeared: counted directly")
        var worst = 0.0
        for mass in masses {
            for k in WindowChoice.candidates {
                let region = SignalRegion.window(centreGeV2: mass * mass, k: k, resolutionGeV2: sigma)
                let direct = composition.estimate(in: region)
                let tabulated = table.estimate(in: region)
                XCTAssertGreaterThan(direct.total.events, 0)
                let events: Double = abs(tabulated.events / direct.total.events - 1)
                let uncertainty: Double = abs(tabulated.uncertainty / direct.uncertainty - 1)
                worst = max(worst, events, uncertainty)
            }
        }
        return worst
    }

    /// The Gaussian core and the peak's tail at m²_miss = 0 interpolate to ≈ 2 × 10⁻¹¹; the
    /// resolution tail's own cumulative is piecewise linear on a grid of λ/20 (`TailCumulative`),
    /// whose kinks the smooth interpolation rounds off: ≈ 5 × 10⁻⁸.
    func testEveryCandidateWindowMatchesTheDirectIntegral() throws {
        XCTAssertLessThan(try Self.largestDifference(Self.composition(tail: nil)), 1e-10)
        XCTAssertLessThan(try Self.largestDifference(Self.composition()), 1e-7)
    }

    func testTheScanChoosesTheSameWindowsAsWithoutTheTable() throws {
        let composition = Self.composition()
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: Self.masses, workers: .threads(2))
        let variant = seed001Variant(kaonDecays: 3e10, window: .optimal)
        XCTAssertNotNil(scan.windowTable(for: variant, background: composition), "401 masses pay for the table")
        XCTAssertNil(MassScan(channel: .kaonToPi0ElectronN, massesGeV: Array(Self.masses.prefix(20)), workers: .threads(1))
            .windowTable(for: variant, background: composition), "20 masses do not")
        let curve = scan.curve(for: variant, background: composition)
        for (mass, point) in zip(Self.masses, curve.points) {
            XCTAssertEqual(point, scan.point(massGeV: mass, scenario: variant, kaonDecays: 3e10, background: composition))
        }
        XCTAssertGreaterThan(Set(curve.points.map(\.windowK)).count, 3, "the choice varies along the scan")
    }
}
