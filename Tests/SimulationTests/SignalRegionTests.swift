import XCTest
@testable import Simulation
import BackgroundTables
import DetectorModel

/// The cut region m²_miss ≥ m0² (seed 000 Sec. 6) beside the peak window.
final class SignalRegionTests: XCTestCase {
    func testCutIsTheIntervalFromTheThresholdToInfinity() {
        let cut = SignalRegion.above(thresholdGeV2: 0.1)
        XCTAssertEqual(cut.rangeGeV2.lowerBound, 0.1)
        XCTAssertEqual(cut.rangeGeV2.upperBound, .infinity)
        XCTAssertEqual(cut.widthGeV2, .infinity)
        XCTAssertEqual(cut.hypothesisGeV2, 0.1)
    }

    /// A table dN/dm² = 1 per GeV² on [0, 1]: the part above 0.25 GeV² is 0.75 per kaon decay.
    func testTableAboveAThresholdIntegratesToItsEnd() throws {
        let table = try BackgroundTable.parse("m2_GeV2,dN_dm2_per_GeV2\n0.0,1\n1.0,1\n", source: "flat.csv")
        let background = TabulatedBackground(table: table, kaonDecays: 1, tableKaonDecays: nil)
        XCTAssertEqual(background.events(in: .above(thresholdGeV2: 0.25)).events, 0.75, accuracy: 1e-12)
        XCTAssertEqual(background.events(in: .above(thresholdGeV2: 2)).events, 0)
    }

    /// The generated radiative background above m0² equals a window reaching from m0² to far
    /// beyond the spectrum's end: nothing is lost by the open upper end.
    func testRadiativeBackgroundAboveAThresholdIsTheWholeTail() {
        let sample = RadiativeSampleCache.shared.sample(process: .kmu2Gamma, events: 1 << 17, seed: 7)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.5e-3, kaonDecays: 1e10)
        let cut = model.events(in: .above(thresholdGeV2: 0.1))
        let wide = model.events(in: .window(centreGeV2: 5.05, k: 1, resolutionGeV2: 4.95))
        XCTAssertGreaterThan(cut.events, 0)
        XCTAssertEqual(cut.events, wide.events, accuracy: 1e-9 * wide.events)
        XCTAssertEqual(cut.eventsBeforeVeto!, wide.eventsBeforeVeto!, accuracy: 1e-9 * wide.eventsBeforeVeto!)
    }
}
