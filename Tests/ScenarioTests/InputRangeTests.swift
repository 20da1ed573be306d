import Physics
import XCTest
@testable import Scenario

/// Numbers that would make a derived quantity overflow (N_K, σ, a table's scale, the grid) are
/// refused where they are written, with the documented range.
final class InputRangeTests: XCTestCase {
    private func onlyError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = errorLines(yaml, file: file, line: line)
        XCTAssertEqual(lines.count, 1, "\(lines)", file: file, line: line)
        return lines.first ?? ""
    }

    func testResolutionAboveOneGeV2IsRefused() {
        let yaml = replacingLine(containing: "resolution:", with: "    resolution: 1e14 GeV^2")
        XCTAssertEqual(onlyError(yaml), "t.yaml:9:17: base.detector.resolution: '1e14 GeV^2' is out of range; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}")
        XCTAssertNotNil(decoded(replacingLine(containing: "resolution:", with: "    resolution: 1 GeV^2")))
    }

    func testKaonDecaysPerStreamAndInSumAreAtMost1e20() {
        let huge = replacingLine(containing: "- { name: Run 1", with: """
              - { name: a, effective_kaon_decays: 1e308 }
              - { name: b, effective_kaon_decays: 1e308 }
        """)
        XCTAssertEqual(errorLines(huge), [
            "t.yaml:\(location(of: "1e308", in: huge)): base.exposure.streams[0].effective_kaon_decays: '1e308' is out of range; expected a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10",
            "t.yaml:\(location(of: "1e308", in: huge, occurrence: 2)): base.exposure.streams[1].effective_kaon_decays: '1e308' is out of range; expected a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10",
        ])
        let sum = replacingLine(containing: "- { name: Run 1", with: """
              - { name: a, effective_kaon_decays: 6e19 }
              - { name: b, kaon_decays: 6e19 }
        """)
        XCTAssertEqual(onlyError(sum), "t.yaml:7:7: base.exposure.streams: the streams add up to N_K = 1.20e+20 effective kaon decays; expected N_K, the sum over streams, in [1, 1e20]")
        let tiny = replacingLine(containing: "- { name: Run 1", with: "      - { name: a, kaon_decays: 100, prescale: 1000 }")
        XCTAssertEqual(onlyError(tiny), "t.yaml:7:7: base.exposure.streams: the streams add up to N_K = 1.00e-01 effective kaon decays; expected N_K, the sum over streams, in [1, 1e20]")
    }

    func testTableNormalisationIsAtLeastOneKaonDecay() {
        let yaml = minimalScenario + "  background: { table: b.csv, normalisation: { kaon_decays: 1e-300 } }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "1e-300", in: yaml)): base.background.normalisation.kaon_decays: '1e-300' is out of range; expected the kaon decays the table was made for, in [1, 1e20], like 3e10")
    }

    func testWindowAndUncertaintyHaveUpperBounds() {
        let window = minimalScenario + "  analysis: { window: 1e308 sigma }\n"
        XCTAssertEqual(onlyError(window), "t.yaml:\(location(of: "1e308", in: window)): base.analysis.window: '1e308 sigma' is out of range; expected a half-width k in (0, 10] of the m2_miss window in units of sigma, like '1.4 sigma', or 'optimal'")
        let uncertainty = minimalScenario + "  analysis: { background_uncertainty: 1e308 }\n"
        XCTAssertEqual(onlyError(uncertainty), "t.yaml:\(location(of: "1e308", in: uncertainty)): base.analysis.background_uncertainty: '1e308' is out of range; expected a relative background uncertainty delta_b/b in [0, 10], like 0.12, or sideband-fit")
    }

    func testOnePointGridIsRefusedAtItsStep() {
        let yaml = replacingLine(containing: "masses:", with: "masses: { from: 100 MeV, to: 100 MeV, step: 1 MeV }")
        XCTAssertEqual(onlyError(yaml), "t.yaml:3:45: masses.step: '1 MeV' gives 1 mass point from 100 MeV to 100 MeV; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points")
    }

    /// 0 to 100 MeV in 1 keV steps: 100 000 intervals, 100 001 points, one too many; the message
    /// counts them exactly, as the grid would.
    func testGridOfOneHundredThousandAndOnePointsIsCountedExactly() {
        let yaml = replacingLine(containing: "masses:", with: "masses: { from: 0 MeV, to: 100 MeV, step: 1 keV }")
        XCTAssertEqual(onlyError(yaml), "t.yaml:3:43: masses.step: '1 keV' gives 100001 mass points from 0 MeV to 100 MeV; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points")
        let most = replacingLine(containing: "masses:", with: "masses: { from: 0 MeV, to: 99.999 MeV, step: 1 keV }")
        XCTAssertEqual(decoded(most)?.masses.massesGeV.count, 100_000)
    }

    func testGridPointsAreBoundedWhateverTheModelHolds() {
        XCTAssertEqual(MassGrid(fromGeV: 0, toGeV: 0.1, stepGeV: 1e-300).massesGeV.count, MassGrid.maximumPointCount)
        XCTAssertEqual(MassGrid(fromGeV: 0.2, toGeV: 0.1, stepGeV: 0.001).massesGeV.count, 0)
        XCTAssertEqual(MassGrid(fromGeV: 0, toGeV: .infinity, stepGeV: 0.001).massesGeV.count, MassGrid.maximumPointCount)
        XCTAssertEqual(MassGrid(fromGeV: 0, toGeV: 0.1, stepGeV: .nan).massesGeV.count, 0)
    }
}
