import XCTest
@testable import Scenario

/// What a number field says about the ways people write numbers that are not plain numbers.
final class NumberWordingTests: XCTestCase {
    private func onlyError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = errorLines(yaml, file: file, line: line)
        XCTAssertEqual(lines.count, 1, "\(lines)", file: file, line: line)
        return lines.first ?? ""
    }

    private func stream(_ fields: String) -> String {
        replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, \(fields) }")
    }

    func testPercentagesAskForFractions() {
        let ten = stream("kaon_decays: 4.5e12, trigger_efficiency: 10 %")
        XCTAssertEqual(onlyError(ten), "t.yaml:\(location(of: "10 %", in: ten)): base.exposure.streams[0].trigger_efficiency: '10 %' is a percentage: write fractions as numbers: 0.10; expected a trigger efficiency in [0, 1]")
        let ninety = replacingLine(containing: "signal_acceptance:", with: "    signal_acceptance: 90 %")
        XCTAssertEqual(onlyError(ninety), "t.yaml:11:24: base.detector.signal_acceptance: '90 %' is a percentage: write fractions as numbers: 0.90; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}")
    }

    func testBooleanWhereANumberBelongs() {
        let yaml = stream("kaon_decays: 4.5e12, prescale: true")
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "true", in: yaml)): base.exposure.streams[0].prescale: 'true' is a yes/no value (a boolean), but this value is a number; expected a prescale factor >= 1, like 150")
    }

    func testWordsAfterTheNumberAreNamed() {
        let yaml = stream("kaon_decays: 4.5e12 decays")
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "4.5e12 decays", in: yaml)): base.exposure.streams[0].kaon_decays: '4.5e12 decays': write kaon decays as a plain number: 4.5e12; expected a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12")
    }

    /// U+2212, the minus sign of typeset text, reads as '-' in exponents and in front.
    func testUnicodeMinusReadsAsMinus() throws {
        let exponent = replacingLine(containing: "resolution:", with: "    resolution: 1.7e\u{2212}3 GeV^2")
        XCTAssertEqual(try XCTUnwrap(decoded(exponent)).variants[0].detector.resolutionGeV2, 1.7e-3)
        let leading = replacingLine(containing: "resolution:", with: "    resolution: \u{2212}1.7e\u{2212}3 GeV^2")
        XCTAssertEqual(onlyError(leading), "t.yaml:9:17: base.detector.resolution: '\u{2212}1.7e\u{2212}3 GeV^2' is out of range; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}")
        let number = minimalScenario + "  analysis: { background_uncertainty: \u{2212}0.1 }\n"
        XCTAssertEqual(onlyError(number), "t.yaml:\(location(of: "\u{2212}0.1", in: number)): base.analysis.background_uncertainty: '\u{2212}0.1' is out of range; expected a relative background uncertainty delta_b/b in [0, 10], like 0.12, or sideband-fit")
    }

    func testAbbreviatedStatisticGetsASuggestion() {
        let yaml = minimalScenario + "  analysis: { statistic: cls }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "cls", in: yaml)): base.analysis.statistic: unknown value 'cls'; expected one of detection, median-exclusion, cls-expected, shape (did you mean 'cls-expected'?)")
    }
}
