import XCTest
@testable import Scenario

/// `reach validate` prints what a file resolves to; the numbers a physicist checks are there in
/// the stated formats (N_K in 3-significant-digit e-notation, masses in MeV).
final class ScenarioSummaryTests: XCTestCase {
    func testSummaryStatesTheResolvedNumbers() throws {
        let yaml = replacingLine(containing: "- { name: Run 1", with: """
                  - { name: 1-track (Run 1), kaon_decays: 4.5e12, prescale: 150 }
                  - { name: 2021-2024, effective_kaon_decays: 6e10 }
                  - { name: di-electron, effective_kaon_decays: 5e10 }
            """) + "  analysis: { window: 1.4 sigma, statistic: cls-expected, confidence: 0.9 }\n"
        let lines = ScenarioSummary.lines(for: try XCTUnwrap(decoded(yaml)))
        let text = lines.joined(separator: "\n")
        XCTAssertEqual(lines.first, "t.yaml: valid")
        // m_K - m_pi0 - m_e = 493.677 - 134.9768 - 0.51099895 = 358.18920105 MeV.
        XCTAssertTrue(text.contains("channel: K+ -> pi0 e+ N (endpoint 358.189 MeV, constrains |U_e|^2)"), text)
        XCTAssertTrue(text.contains("masses: 100 MeV to 300 MeV in steps of 1 MeV (201 points)"), text)
        XCTAssertTrue(text.contains("N_K effective: 1.40e+11"), text)
        XCTAssertTrue(text.contains("stream '1-track (Run 1)': 3.00e+10 = 4.50e+12 x 1 / 150"), text)
        XCTAssertTrue(text.contains("resolution: sigma(m2_miss) = 1.70e-03 GeV^2"), text)
        XCTAssertTrue(text.contains("veto: hermetic to 50 mrad, inefficiency 1.00e-03, beyond: missed"), text)
        XCTAssertTrue(text.contains("acceptance: signal 0.1, background same as signal"), text)
        XCTAssertTrue(text.contains("analysis: cls-expected, window +-1.4 sigma, CL 90 %"), text)
    }

    /// Same input, same bytes.
    func testSummaryIsDeterministic() throws {
        let file = try XCTUnwrap(decoded(minimalScenario))
        XCTAssertEqual(ScenarioSummary.lines(for: file), ScenarioSummary.lines(for: try XCTUnwrap(decoded(minimalScenario))))
    }
}
