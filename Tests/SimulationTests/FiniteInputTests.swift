import XCTest
@testable import Simulation
import BackgroundTables

/// Inputs at and beyond the documented bounds: a table whose windows could overflow is refused
/// with its line, and the generated background answers for any resolution or window instead of
/// trapping on a bin index.
final class FiniteInputTests: XCTestCase {
    private func message(_ text: String) -> String? {
        do {
            _ = try BackgroundTable.parse(text, source: "b.csv")
            return nil
        } catch {
            return error.description
        }
    }

    func testDensitiesAboveTheBoundAreRefusedWithTheirLine() {
        XCTAssertEqual(message("m2_GeV2,dN_dm2_per_GeV2\n0,1\n1,1e308\n"),
                       "b.csv:3, column 2: background table: dN/dm²_miss = 1e308 is above 1e30 per GeV² (expected a density in [0, 1e30] per GeV², 1e24 per MeV²)")
        // 1e25 per MeV² is 1e31 per GeV².
        XCTAssertEqual(message("m2_MeV2,dN_dm2_per_MeV2\n0,1e25\n1,1\n"),
                       "b.csv:2, column 2: background table: dN/dm²_miss = 1e25 is above 1e30 per GeV² (expected a density in [0, 1e30] per GeV², 1e24 per MeV²)")
        XCTAssertNoThrow(try BackgroundTable.parse("m2_GeV2,dN_dm2_per_GeV2\n0,1e30\n1,1e30\n", source: "b.csv"))
    }

    func testMissingMassesFarOutsideTheKinematicRangeAreRefused() {
        XCTAssertEqual(message("m2_GeV2,dN_dm2_per_GeV2\n-1e300,1\n1e300,1\n"),
                       "b.csv:2, column 1: background table: m²_miss = -1e300 is outside [-10, 10] GeV² (expected m²_miss in [-10, 10] GeV², [-1e7, 1e7] MeV²)")
    }

    /// The largest table the bounds allow, scaled by the largest N_K, gives a finite count.
    func testLargestAllowedTableGivesFiniteWindows() throws {
        let table = try BackgroundTable.parse("m2_GeV2,dN_dm2_per_GeV2\n-10,1e30\n10,1e30\n", source: "b.csv")
        let background = TabulatedBackground(table: table, kaonDecays: 1e20, tableKaonDecays: 1)
        let events = background.window(centreGeV2: 0, halfWidthGeV2: 10).events
        XCTAssertTrue(events.isFinite)
        XCTAssertEqual(events, 20 * 1e30 * 1e20, accuracy: 1e38)
    }

    /// A resolution of 1e14 GeV² puts the window edges 1e15 bins away: the sum stays finite.
    func testExtremeResolutionDoesNotTrap() {
        let sample = RadiativeSampleCache.shared.sample(process: .ke3Gamma, events: 1 << 12, seed: 7)
        for resolution in [1e14, 1e300, 1e-300] {
            let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: resolution, kaonDecays: 3e10)
            let window = model.window(centreGeV2: 0.0225, halfWidthGeV2: 1.4 * resolution)
            XCTAssertFalse(window.events.isNaN, "σ = \(resolution)")
        }
    }
}
