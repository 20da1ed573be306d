import XCTest
import Physics
import DetectorModel
@testable import Scenario

/// `detector.resolution` as a list of points {mass, sigma}: σ(m²_miss) against the missing mass,
/// decoded in canonical units (GeV, GeV²), and every malformed table reported at its value.
final class ResolutionTableDecodingTests: XCTestCase {
    private func withResolution(_ text: String) -> String {
        replacingLine(containing: "resolution:", with: "    resolution: " + text)
    }

    private func onlyError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = errorLines(yaml, file: file, line: line)
        XCTAssertEqual(lines.count, 1, "\(lines)", file: file, line: line)
        return lines.first ?? ""
    }

    func testATableDecodesInGeVAndGeV2() throws {
        let yaml = withResolution("[{mass: 0 MeV, sigma: 1.5e-3 GeV^2}, {mass: 200 MeV, sigma: 1200 MeV^2}, {mass: 0.38 GeV, sigma: 2e-4 GeV^2}]")
        let detector = try XCTUnwrap(decoded(yaml)).variants[0].detector
        guard case .table(let masses, let sigmas) = detector.resolution else { return XCTFail("not a table: \(detector.resolution)") }
        XCTAssertEqual(masses, [0, 0.2, 0.38])
        XCTAssertEqual(sigmas[0], 1.5e-3)
        XCTAssertEqual(sigmas[1], 1.2e-3, accuracy: 1e-18)
        XCTAssertEqual(sigmas[2], 2e-4)
        XCTAssertEqual(detector.resolution.sigmaGeV2(atMissingMassGeV: 0.1), 1.35e-3, accuracy: 1e-15)
    }

    func testTheNumberFormIsAConstantResolution() throws {
        let detector = try XCTUnwrap(decoded(minimalScenario)).variants[0].detector
        XCTAssertEqual(detector.resolution, .constant(1.7e-3))
    }

    func testUnsortedMassesAreReportedAtTheMassThatDoesNotIncrease() {
        let yaml = withResolution("[{mass: 200 MeV, sigma: 1e-3 GeV^2}, {mass: 150 MeV, sigma: 1e-3 GeV^2}]")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "150 MeV", in: yaml)): base.detector.resolution[1].mass: '150 MeV' does not increase from the previous point (line 9); expected points in strictly increasing mass")
    }

    func testOnePointIsNotATable() {
        let yaml = withResolution("[{mass: 200 MeV, sigma: 1e-3 GeV^2}]")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "[{mass", in: yaml)): base.detector.resolution: the list has 1 point; expected a list of at least 2 points {mass: …, sigma: …}")
    }

    func testBadUnitsAreReportedAtTheValue() {
        let sigmaInMeV = withResolution("[{mass: 200 MeV, sigma: 1e-3 MeV}, {mass: 300 MeV, sigma: 1e-3 GeV^2}]")
        XCTAssertEqual(onlyError(sigmaInMeV),
                       "t.yaml:\(location(of: "1e-3 MeV", in: sigmaInMeV)): base.detector.resolution[0].sigma: 'MeV' is a unit of mass; expected \(DetectorDecoding.sigmaExpected) (units: keV^2, MeV^2, GeV^2)")
        let massInGeV2 = withResolution("[{mass: 200 MeV, sigma: 1e-3 GeV^2}, {mass: 0.1 GeV^2, sigma: 1e-3 GeV^2}]")
        XCTAssertTrue(onlyError(massInGeV2).hasPrefix("t.yaml:\(location(of: "0.1 GeV^2", in: massInGeV2)): base.detector.resolution[1].mass: 'GeV^2' is a unit of squared mass; expected a missing mass"),
                      onlyError(massInGeV2))
    }

    func testSigmaOutOfRangeIsReportedAtTheValue() {
        let yaml = withResolution("[{mass: 200 MeV, sigma: 1e-3 GeV^2}, {mass: 300 MeV, sigma: 2 GeV^2}]")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "2 GeV^2", in: yaml)): base.detector.resolution[1].sigma: '2 GeV^2' is out of range; expected \(DetectorDecoding.sigmaExpected)")
        let zero = withResolution("[{mass: 200 MeV, sigma: 0 GeV^2}, {mass: 300 MeV, sigma: 1e-3 GeV^2}]")
        XCTAssertEqual(onlyError(zero),
                       "t.yaml:\(location(of: "0 GeV^2", in: zero)): base.detector.resolution[0].sigma: '0 GeV^2' is out of range; expected \(DetectorDecoding.sigmaExpected)")
    }

    /// `validate` prints every point of the table.
    func testTheSummaryPrintsTheTable() throws {
        let yaml = withResolution("[{mass: 0 MeV, sigma: 1.5e-3 GeV^2}, {mass: 380 MeV, sigma: 2e-4 GeV^2}]")
        let file = try XCTUnwrap(decoded(yaml))
        let lines = ScenarioSummary.variantLines(file.variants[0], channel: file.channel)
        XCTAssertTrue(lines.contains("resolution: sigma(m2_miss) in GeV^2 against m_miss, 2 points: 0 MeV 1.50e-03, 380 MeV 2.00e-04"), "\(lines)")
    }
}
