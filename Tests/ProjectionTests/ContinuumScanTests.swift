import XCTest
import DetectorModel
import Physics
@testable import Projection
import Scenario
import Simulation
import Statistics
import TestSupport

/// The continuum searches (K+ → μ+ ν X above a cut m0², seed 000 Sec. 6) through the same
/// engine as the HNL peaks: checked against hand calculations, `reach limit`'s counting
/// experiment, the optimiser's promise and the N_K scaling laws.
final class ContinuumScanTests: XCTestCase {
    /// A background falling linearly to zero at 0.16 GeV²: b(> m0²) = b0 (0.16 − m0²)²/(2 · 0.16).
    struct FallingBackground: MissingMassBackground {
        var eventsPerGeV2AtZero: Double
        static let endGeV2 = 0.16
        func events(in region: SignalRegion) -> BackgroundEstimate {
            let range = region.rangeGeV2
            let lower = min(max(range.lowerBound, 0), Self.endGeV2), upper = min(max(range.upperBound, 0), Self.endGeV2)
            func primitive(_ x: Double) -> Double { eventsPerGeV2AtZero * (x - x * x / (2 * Self.endGeV2)) }
            let events = primitive(upper) - primitive(lower)
            return BackgroundEstimate(events: events, mcUncertainty: 0, eventsBeforeVeto: nil)
        }
    }

    /// Seed 000 Sec. 6 above a fixed number of events in any cut (a user's N_exp).
    struct FixedBackground: MissingMassBackground {
        var events: Double
        func events(in region: SignalRegion) -> BackgroundEstimate { BackgroundEstimate(events: events, mcUncertainty: 0, eventsBeforeVeto: nil) }
    }

    func variant(kaonDecays: Double, window: WindowWidth, uncertainty: Double = 0, acceptance: Double = 0.277,
                 mediator: Mediator = .scalar) -> Variant {
        Variant(label: "test", exposure: Exposure(streams: [TriggerStream(name: "all", kaonDecays: nil, statedEffectiveKaonDecays: kaonDecays)]),
                detector: Detector(resolutionGeV2: 1.5e-3, veto: .seed001, signalAcceptance: .constant(acceptance)),
                background: .radiative,
                analysis: Analysis(window: window, statistic: .clsExpected, confidence: 0.90, backgroundUncertainty: uncertainty),
                mediator: mediator)
    }

    func point(_ variant: Variant, background: any MissingMassBackground, massGeV: Double = 0.1) -> SensitivityPoint {
        let scan = MassScan(channel: .kaonToMuonNeutrinoX, massesGeV: [massGeV], workers: .threads(1))
        let composition = BackgroundComposition.single(background, label: "b", relativeUncertainty: variant.analysis.backgroundUncertainty)
        return scan.point(massGeV: massGeV, scenario: variant, kaonDecays: variant.exposure.effectiveKaonDecays, background: composition)
    }

    /// Smearing moves events, it does not make or lose them: the smeared spectrum integrates to
    /// 1 over the real line, and its density does too.
    func testSmearingPreservesTheIntegral() {
        for mediator in Mediator.allCases {
            let spectrum = MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: 0.05).spectrum()!
            let signal = ContinuumSignal(spectrum: spectrum, kaonDecays: 1, acceptance: .constant(1), resolution: .constant(1.5e-3))
            XCTAssertEqual(signal.fraction(in: .interval(lowerGeV2: -1, upperGeV2: 1)), 1, accuracy: 1e-12)
            var integral = 0.0
            let step = 1e-4
            for i in 0..<2000 { integral += signal.smearedDensity(atGeV2: -0.01 + (Double(i) + 0.5) * step) * step }
            XCTAssertEqual(integral, 1, accuracy: 1e-6, "\(mediator)")
            // Far from the ends the smeared fraction above a cut follows the true one.
            XCTAssertEqual(signal.fraction(in: .above(thresholdGeV2: 0.08)), spectrum.fraction(aboveGeV2: 0.08), accuracy: 2e-3)
        }
    }

    /// With m0² fixed the limit on N_S is the counting experiment's (`reach limit`) for the same
    /// b and δb, and B = N_S / (N_K A⁰ · fraction above m0²).
    func testFixedCutLimitIsTheCountingExperimentsLimit() {
        let b0 = 2e5
        let v = variant(kaonDecays: 1.14e10, window: .cut(thresholdGeV2: 0.1), uncertainty: 0.12)
        let p = point(v, background: FallingBackground(eventsPerGeV2AtZero: b0))
        let b = b0 * 0.06 * 0.06 / (2 * 0.16)
        assertApproximatelyEqual(p.background, b, relative: 1e-12)
        assertApproximatelyEqual(p.backgroundUncertainty, 0.12 * b, relative: 1e-12)
        XCTAssertEqual(p.cutGeV2, 0.1)
        let nS = expectedLimits(CountingExperiment(background: b, backgroundUncertainty: 0.12 * b), confidence: 0.90, method: .cls).median
        assertApproximatelyEqual(p.u2CLs.median * p.signalPerU2, nS, relative: 1e-12)
        assertApproximatelyEqual(p.signalPerU2, 1.14e10 * 0.277 * p.windowSignalFraction, relative: 1e-12)
        assertApproximatelyEqual(p.signalAcceptance, 0.277, relative: 1e-12)
    }

    /// The optimiser keeps the strongest expected limit of its grid: no fixed m0² on the grid does
    /// better, and the chosen one is on the grid.
    func testOptimalCutIsNeverWeakerThanAnyFixedCutOnTheGrid() {
        for mediator in [Mediator.scalar, .vector] {
            for mX in [0.02, 0.2, 0.33] {
                let background = FallingBackground(eventsPerGeV2AtZero: 1e5)
                let best = point(variant(kaonDecays: 1e10, window: .optimalCut(stepGeV2: 0.02), uncertainty: 0.1, mediator: mediator),
                                 background: background, massGeV: mX)
                let cut = best.cutGeV2 ?? -1
                XCTAssertEqual((cut / 0.02).rounded() * 0.02, cut, accuracy: 1e-12)
                for m0 in WindowChoice.cutCandidates(stepGeV2: 0.02, endpointGeV2: 0.1504) {
                    let fixed = point(variant(kaonDecays: 1e10, window: .cut(thresholdGeV2: m0), uncertainty: 0.1, mediator: mediator),
                                      background: background, massGeV: mX)
                    XCTAssertLessThanOrEqual(best.u2CLs.median, fixed.u2CLs.median * (1 + 1e-12), "\(mediator) m_X = \(mX), m0² = \(m0)")
                }
            }
        }
    }

    /// Without background the limit is 2.303 events: B ∝ 1/N_K. Background-dominated without
    /// systematics: B ∝ √b / N_K ∝ 1/√N_K.
    func testBranchingLimitScalesWithKaonDecays() {
        let cut = WindowWidth.cut(thresholdGeV2: 0.1)
        let empty = FallingBackground(eventsPerGeV2AtZero: 0)
        let one = point(variant(kaonDecays: 1e10, window: cut), background: empty).u2CLs.median
        let two = point(variant(kaonDecays: 2e10, window: cut), background: empty).u2CLs.median
        assertApproximatelyEqual(one / two, 2, relative: 1e-9)
        let oneB = point(variant(kaonDecays: 1e10, window: cut), background: FallingBackground(eventsPerGeV2AtZero: 1e7)).u2CLs.median
        let fourB = point(variant(kaonDecays: 4e10, window: cut), background: FallingBackground(eventsPerGeV2AtZero: 4e7)).u2CLs.median
        assertApproximatelyEqual(oneB / fourB, 2, relative: 0.01)
    }

    /// Seed 000 Sec. 6: N_exp = 7549 ± 928 above 0.1 GeV² give an expected limit of 1526 signal
    /// events; with N_K = 1.14×10¹⁰ and A = 0.103 that is B < 1526 / (1.14×10¹⁰ · 0.103) =
    /// 1.30×10⁻⁶ expected (the observed 1184 events give the published 1.0×10⁻⁶).
    func testSeed000ExpectedLimitAboveTheCut() {
        let cut = WindowWidth.cut(thresholdGeV2: 0.1)
        // Choose A⁰ so that A⁰ × (fraction above 0.1 GeV²) = 0.103, as for seed 000's signal.
        let probe = point(variant(kaonDecays: 1.14e10, window: cut, uncertainty: 928.0 / 7549), background: FixedBackground(events: 7549))
        let acceptance = 0.103 / probe.windowSignalFraction
        let p = point(variant(kaonDecays: 1.14e10, window: cut, uncertainty: 928.0 / 7549, acceptance: acceptance),
                      background: FixedBackground(events: 7549))
        let nS = p.u2CLs.median * p.signalPerU2
        XCTAssertEqual(nS, 1526, accuracy: 0.01 * 1526)
        XCTAssertEqual(p.u2CLs.median, 1526 / (1.14e10 * 0.103), accuracy: 0.01 * 1.30e-6)
    }
}
