import XCTest
import Physics
@testable import Scenario

/// A stream's kaon decays from running conditions: spills (or days × spills per day) times
/// K+ decays per spill (protons × decays per proton, or rate × spill length), then the
/// trigger's downscaling and efficiency — seed 000 Sec. 1's numbers worked by hand.
final class RunningConditionsTests: XCTestCase {
    private func stream(_ running: String) -> String {
        replacingLine(containing: "- { name: Run 1", with: """
                  - name: minimum-bias
                    running: \(running)
                    prescale: 400
                    trigger_efficiency: 0.99
            """)
    }

    /// 0.92 × 10⁶ spills × 3.7 MHz × 3 s = 1.0212 × 10¹³ K+ decays; × 0.99 / 400 = 2.527 × 10¹⁰.
    func testRateTimesSpillLength() throws {
        let file = try XCTUnwrap(decoded(stream("{ spills: 0.92e6, kaon_decay_rate: 3.7 MHz, spill_length: 3000 ms }")))
        let stream = file.variants[0].exposure.streams[0]
        XCTAssertEqual(try XCTUnwrap(stream.kaonDecays), 0.92e6 * 3.7e6 * 3, accuracy: 1e-3 * 1e13)
        XCTAssertEqual(file.variants[0].exposure.effectiveKaonDecays, 1.0212e13 * 0.99 / 400, accuracy: 1e6)
        let summary = ScenarioSummary.lines(for: file).joined(separator: "\n")
        XCTAssertTrue(summary.contains("kaon decays = 9.20e+05 spills x (3.70e+06 K+ decays/s x 3 s) = 1.02e+13"), summary)
    }

    /// 410 days × 2244 spills/day × 1.75 × 10¹² protons × 5.05 × 10⁻⁶ K+ decays per proton.
    func testDaysAndProtons() throws {
        let file = try XCTUnwrap(decoded(stream("{ days: 410, spills_per_day: 2244, protons_per_spill: 1.75e12, kaon_decays_per_proton: 5.05e-6 }")))
        XCTAssertEqual(try XCTUnwrap(file.variants[0].exposure.streams[0].kaonDecays), 410 * 2244 * 1.75e12 * 5.05e-6, accuracy: 1e3)
    }

    func testIncompleteOrMixedConditionsAreRefused() {
        let noLength = stream("{ spills: 0.92e6, kaon_decay_rate: 3.7 MHz }")
        XCTAssertEqual(errorLines(noLength).first?.contains("base.exposure.streams[0].running.spill_length: missing"), true, "\(errorLines(noLength))")
        let wrongUnit = stream("{ spills: 0.92e6, kaon_decay_rate: 3.7 MHz, spill_length: 3 mrad }")
        XCTAssertEqual(errorLines(wrongUnit).first?.contains("'mrad' is a unit of angle"), true, "\(errorLines(wrongUnit))")
        let both = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: 4.5e12, running: { spills: 1e6, kaon_decay_rate: 3 MHz, spill_length: 3 s } }")
        XCTAssertEqual(errorLines(both).first?.contains("given together with running"), true, "\(errorLines(both))")
        let mixed = stream("{ spills: 1e6, days: 3, spills_per_day: 10, kaon_decay_rate: 3 MHz, spill_length: 3 s }")
        XCTAssertEqual(errorLines(mixed).first?.contains("given together with days"), true, "\(errorLines(mixed))")
    }
}
