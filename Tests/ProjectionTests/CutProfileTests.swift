import XCTest
import DetectorModel
import Physics
@testable import Projection
import Scenario
import Simulation
import Statistics
import TestSupport

/// The m0² optimisation profile (seed 000 Fig. 7 left) against hand calculations: the background
/// above each cut, the zero-background CLs limit −ln(1 − CL) and the optimiser's promise.
final class CutProfileTests: XCTestCase {
    typealias Falling = ContinuumScanTests.FallingBackground

    func variant(window: WindowWidth, uncertainty: Double = 0.12) -> Variant {
        Variant(label: "test", exposure: Exposure(streams: [TriggerStream(name: "all", kaonDecays: nil, statedEffectiveKaonDecays: 1.14e10)]),
                detector: Detector(resolutionGeV2: 1.5e-3, veto: .seed001, signalAcceptance: .constant(0.277)),
                background: .radiative,
                analysis: Analysis(window: window, statistic: .clsExpected, confidence: 0.90, backgroundUncertainty: uncertainty),
                mediator: .scalar)
    }

    func profile(_ variant: Variant, background: any MissingMassBackground, channel: Channel = .kaonToMuonNeutrinoX, massGeV: Double = 0.1) throws -> CutProfile {
        let composition = BackgroundComposition.single(background, label: "b", relativeUncertainty: variant.analysis.backgroundUncertainty)
        return try XCTUnwrap(MassScan(channel: channel, massesGeV: [massGeV], workers: .threads(1))
            .cutProfile(massGeV: massGeV, scenario: variant, background: composition))
    }

    /// The grid is seed 000's: 0, 0.02, …, 0.14 GeV² below the endpoint (m_K − m_μ)² = 0.1506 GeV²;
    /// N_exp above m0² is the falling background's b0 (0.16 − m0²)²/0.32, δN_exp 12 % of it.
    func testBackgroundAboveEachCutIsTheHandIntegral() throws {
        let b0 = 2e5
        let p = try profile(variant(window: .optimalCut(stepGeV2: 0.02)), background: Falling(eventsPerGeV2AtZero: b0))
        XCTAssertEqual(p.rows.count, 8, "grid")
        for (row, m0) in zip(p.rows, [0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14]) {
            let b = b0 * (0.16 - m0) * (0.16 - m0) / 0.32
            assertApproximatelyEqual(row.cutGeV2, m0, relative: 1e-12)
            assertApproximatelyEqual(row.background, b, relative: 1e-12)
            assertApproximatelyEqual(row.backgroundUncertainty, 0.12 * b, relative: 1e-12)
        }
        // The signal fraction above the cut falls as m0² rises, and is ≈ 1 at m0² = 0 < m_X².
        XCTAssertEqual(p.rows[0].signalFraction, 1, accuracy: 1e-6)
        for (a, b) in zip(p.rows, p.rows.dropFirst()) { XCTAssertLessThan(b.signalFraction, a.signalFraction) }
    }

    /// Without background nothing fluctuates: every band edge is the CLs limit for n = 0,
    /// s = −ln(1 − CL) = ln 10 = 2.3026 events at 90 % CL, and ℬ = that / (N_K A⁰ F(m0²)).
    func testZeroBackgroundGivesLnTenEvents() throws {
        let p = try profile(variant(window: .cut(thresholdGeV2: 0.1), uncertainty: 0), background: ContinuumScanTests.FixedBackground(events: 0))
        for row in p.rows {
            for limit in [row.eventLimits.minus2, row.eventLimits.minus1, row.eventLimits.median, row.eventLimits.plus1, row.eventLimits.plus2] {
                assertApproximatelyEqual(limit, log(10), relative: 1e-6)
            }
            assertApproximatelyEqual(row.branchingLimits.median, log(10) / (1.14e10 * 0.277 * row.signalFraction), relative: 1e-6)
        }
        XCTAssertEqual(p.chosenCutGeV2, 0.1, "a fixed cut is the projection's")
    }

    /// The optimiser keeps the grid's strongest expected ℬ limit, and the bands order around it.
    func testTheChosenCutHasTheStrongestExpectedLimit() throws {
        let p = try profile(variant(window: .optimalCut(stepGeV2: 0.02)), background: Falling(eventsPerGeV2AtZero: 2e5))
        let best = try XCTUnwrap(p.rows.min { $0.branchingLimits.median < $1.branchingLimits.median })
        XCTAssertEqual(p.chosenCutGeV2, best.cutGeV2)
        for row in p.rows {
            let e = row.eventLimits
            XCTAssertTrue(e.minus2 <= e.minus1 && e.minus1 <= e.median && e.median <= e.plus1 && e.plus1 <= e.plus2, "\(row.cutGeV2)")
        }
    }

    /// K+ → μ+ ν ν ν̄ has one hypothesis; a peak channel has no cut profile.
    func testChannels() throws {
        let p = try profile(variant(window: .optimalCut(stepGeV2: 0.05)), background: Falling(eventsPerGeV2AtZero: 2e5),
                            channel: .kaonToMuonThreeNeutrinos, massGeV: 0)
        XCTAssertEqual(p.rows.count, 4)
        for (row, m0) in zip(p.rows, [0, 0.05, 0.1, 0.15]) { XCTAssertEqual(row.cutGeV2, m0, accuracy: 1e-15) }
        let composition = BackgroundComposition.single(Falling(eventsPerGeV2AtZero: 1), label: "b", relativeUncertainty: 0)
        XCTAssertNil(MassScan(channel: .kaonToMuonN, massesGeV: [0.2]).cutProfile(massGeV: 0.2, scenario: variant(window: .fixed(k: 1.4)), background: composition))
    }
}
