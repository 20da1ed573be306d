import XCTest
import DetectorModel
import Physics
import Scenario
import Simulation
@testable import Projection
import ProjectionFixtures

/// A background made of components: counts add, uncertainties add linearly inside a
/// correlation group and in quadrature across groups; one component is the background alone.
final class BackgroundCompositionTests: XCTestCase {
    private let window = SignalRegion.window(centreGeV2: 0.135 * 0.135, k: 1.4, resolutionGeV2: 1.7e-3)

    /// Hand-computed: A = 3 and B = 4 in group "veto", C = 12 alone, D = 5 alone:
    /// δb = √((3 + 4)² + 12² + 5²) = √218.
    func testGroupsAddLinearlyAndGroupsInQuadrature() {
        let combined = BackgroundComposition.combinedUncertainty([
            (3, "veto"), (12, nil), (4, "veto"), (5, nil),
        ])
        XCTAssertEqual(combined, 218.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(BackgroundComposition.combinedUncertainty([(3, nil), (4, nil)]), 5, accuracy: 1e-12)
        XCTAssertEqual(BackgroundComposition.combinedUncertainty([(3, "g"), (4, "g")]), 7, accuracy: 1e-12)
        XCTAssertEqual(BackgroundComposition.combinedUncertainty([(2.5, nil)]), 2.5)
        XCTAssertEqual(BackgroundComposition.combinedUncertainty([]), 0)
    }

    /// Two flat components of densities 1e6 and 3e6 per GeV² count as one of 4e6, with the MC
    /// uncertainties in quadrature and δb from their relative uncertainties.
    func testComponentsAdd() {
        let composition = BackgroundComposition(components: [
            .init(label: "a", source: FlatBackground(eventsPerGeV2: 1e6), relativeUncertainty: 0.1),
            .init(label: "b", source: FlatBackground(eventsPerGeV2: 3e6), relativeUncertainty: 0.2),
        ])
        let estimate = composition.estimate(in: window)
        let width = 2 * 1.4 * 1.7e-3
        XCTAssertEqual(estimate.total.events, 4e6 * width, accuracy: 1e-9 * 4e6 * width)
        XCTAssertEqual(estimate.components.map(\.events), [1e6 * width, 3e6 * width])
        XCTAssertEqual(estimate.uncertainty, ((0.1 * 1e6 * width) * (0.1 * 1e6 * width) + (0.2 * 3e6 * width) * (0.2 * 3e6 * width)).squareRoot(),
                       accuracy: 1e-9 * estimate.uncertainty)
        XCTAssertEqual(estimate.total.vetoPassFraction ?? 0, 0.018, accuracy: 1e-12)
    }

    /// A composition of one component gives the projection of that background alone, to the bit.
    func testOneComponentIsTheBackgroundAlone() {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.125, 0.135, 0.144], workers: .threads(1))
        var scenario = seed001Variant(kaonDecays: 3e10, statistic: .clsExpected)
        scenario.analysis.backgroundUncertainty = 0.12
        let alone = scan.curve(for: scenario, background: FlatBackground(eventsPerGeV2: 2e6))
        let composed = scan.curve(for: scenario, background: .single(FlatBackground(eventsPerGeV2: 2e6), label: "flat", relativeUncertainty: 0.12))
        XCTAssertEqual(alone.points, composed.points)
        XCTAssertEqual(composed.backgroundComponents, ["flat"])
        for point in alone.points { XCTAssertEqual(point.backgroundUncertainty, 0.12 * point.background, accuracy: 1e-12 * point.background) }
    }

    /// Two components in a projection: b is their sum, δb their correlated sum inside a group,
    /// and each point keeps each component's b.
    func testAProjectionOfTwoComponents() {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.125, 0.135], workers: .threads(1))
        let scenario = seed001Variant(kaonDecays: 3e10, statistic: .clsExpected)
        let composition = BackgroundComposition(components: [
            .init(label: "radiative", source: FlatBackground(eventsPerGeV2: 2e6), relativeUncertainty: 0.1, group: "veto"),
            .init(label: "pions", source: FlatBackground(eventsPerGeV2: 1e6), relativeUncertainty: 0.1, group: "veto"),
        ])
        let curve = scan.curve(for: scenario, background: composition)
        let whole = scan.curve(for: seed001Variant(kaonDecays: 3e10, statistic: .clsExpected), background: .single(FlatBackground(eventsPerGeV2: 3e6), label: "all", relativeUncertainty: 0.1))
        XCTAssertEqual(curve.backgroundComponents, ["radiative", "pions"])
        for (point, reference) in zip(curve.points, whole.points) {
            XCTAssertEqual(point.background, reference.background, accuracy: 1e-9 * reference.background)
            XCTAssertEqual(point.backgroundUncertainty, 0.1 * point.background, accuracy: 1e-9 * point.background, "fully correlated: linear sum")
            XCTAssertEqual(point.backgroundByComponent[0], 2 * point.backgroundByComponent[1], accuracy: 1e-9 * point.background)
            XCTAssertEqual(point.u2CLs.median, reference.u2CLs.median, accuracy: 1e-6 * reference.u2CLs.median)
        }
    }

    /// The peak's fraction in a window centred on it is erf(k/√2); in an interval off-centre,
    /// the Gaussian integral: [m² − σ, m² + 2σ] keeps Φ(2) − Φ(−1) = 0.8186.
    func testPeakFractionInAnyInterval() {
        let yield = SignalYield(kaonDecays: 1, branchingFractionPerU2: 1, signalAcceptance: 1, visibleDecayFraction: 0)
        let peak = PeakSignal(yield: yield, centreGeV2: 0.02, resolutionGeV2: 1e-3)
        XCTAssertEqual(peak.fraction(in: .window(centreGeV2: 0.02, k: 1, resolutionGeV2: 1e-3)), 0.682689492137086, accuracy: 1e-12)
        XCTAssertEqual(peak.fraction(in: .window(centreGeV2: 0.0205, k: 1.5, resolutionGeV2: 1e-3)), 0.818594614, accuracy: 1e-8)
        XCTAssertEqual(peak.fraction(in: .window(centreGeV2: 0.5, k: 1, resolutionGeV2: 1e-3)), 0, accuracy: 1e-15, "far away")
    }

    /// With a resolution tail of fraction f = 0.01 (exponential, λ = 0.01 GeV²): in ±1σ the
    /// peak keeps 0.99 × 0.6827 + 0.01 × (1 − e^{−σ/λ}); far away only the tail's f/2 e^{−d/λ}.
    func testPeakFractionWithATail() {
        let yield = SignalYield(kaonDecays: 1, branchingFractionPerU2: 1, signalAcceptance: 1, visibleDecayFraction: 0)
        let tail = ResolutionTail(fraction: 0.01, shape: .exponential(scaleGeV2: 0.01))
        let peak = PeakSignal(yield: yield, centreGeV2: 0.02, resolutionGeV2: 1e-3, tail: tail)
        XCTAssertEqual(peak.fraction(in: .window(centreGeV2: 0.02, k: 1, resolutionGeV2: 1e-3)),
                       0.99 * 0.682689492137086 + 0.01 * (1 - exp(-0.1)), accuracy: 1e-12)
        XCTAssertEqual(peak.fraction(in: .above(thresholdGeV2: 0.07)), 0.01 * 0.5 * exp(-5), accuracy: 1e-12)
    }
}
