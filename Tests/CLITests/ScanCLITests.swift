import Foundation
import XCTest

/// `reach scan`: the limit at one mass against one scenario key.
final class ScanCLITests: CLITestCase {
    /// A wider hermetic veto on the shipped scenario: the background falls with every step, the
    /// signal does not move, and the 50 mrad row (the file's own value) is `reach project`'s row
    /// at 135 MeV.
    func testVetoScanOnTheShippedScenarioAgreesWithProject() throws {
        let scan = try reach("scan", ReachExecutable.shippedScenario, "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle",
                             "--values", "30mrad,50mrad,75mrad,100mrad,150mrad", "--statistics", "100000")
        assertSuccess(scan)
        XCTAssertTrue(scan.stderr.contains("reach: scanned detector.veto.hermetic_angle over 5 value(s) at 135 MeV, variant '2016–2018 data'"), scan.stderr)
        let rows = csvRows(scan.stdout)
        XCTAssertEqual(rows.first?.prefix(5), ["value", "unit", "u2_detection", "u2_median_exclusion", "u2_cls_expected"])
        XCTAssertEqual(column("value", of: scan.stdout), [30, 50, 75, 100, 150])
        XCTAssertEqual(rows.dropFirst().map { $0[1] }, Array(repeating: "mrad", count: 5))
        let background = column("background", of: scan.stdout)
        XCTAssertEqual(background, background.sorted(by: >))
        XCTAssertEqual(Set(background).count, 5)
        XCTAssertEqual(Set(column("signal_per_U2", of: scan.stdout)).count, 1)

        let project = try reach("project", ReachExecutable.shippedScenario, "--variant", "1", "--statistics", "100000", "--quiet")
        assertSuccess(project)
        let index = try XCTUnwrap(column("mass_MeV", of: project.stdout).firstIndex(of: 135))
        for name in ["u2_detection", "u2_median_exclusion", "u2_cls_expected", "u2_cls_minus2sigma", "u2_cls_plus2sigma", "background"] {
            XCTAssertEqual(column(name, of: scan.stdout)[1], column(name, of: project.stdout)[index], name)
        }
    }

    /// Signal and background both scale as 1/P: the detection limit goes as √P.
    func testPrescaleScanFollowsTheSquareRootLaw() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let run = try reach("scan", "small.yaml", "--mass", "130MeV", "--parameter", "exposure.streams[0].prescale",
                            "--values", "1, 25, 150", "--statistics", "20000", "--quiet")
        assertSuccess(run)
        XCTAssertEqual(csvRows(run.stdout).dropFirst().map { $0[1] }, ["", "", ""], "a prescale has no unit")
        let u2 = column("u2_detection", of: run.stdout)
        XCTAssertEqual(u2[1] / u2[0], 5, accuracy: 5e-5)
        XCTAssertEqual(u2[2] / u2[0], 150.0.squareRoot(), accuracy: 1e-4)
    }

    /// The chosen variant is the one changed: the table variant's b = 4760 at prescale 150
    /// (see ProjectCLITests) doubles when the prescale halves.
    func testVariantByLabelAndJSON() throws {
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        let run = try reach("scan", "table.yaml", "--variant", "table", "--mass", "0.13GeV", "--parameter", "exposure.streams[0].prescale",
                            "--values", "150,75", "--format", "json", "--statistics", "20000", "--quiet")
        assertSuccess(run)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        XCTAssertEqual(json["parameter"] as? String, "exposure.streams[0].prescale")
        XCTAssertEqual(json["mass_MeV"] as? Double, 130)
        XCTAssertEqual(json["variant"] as? String, "table")
        let points = try XCTUnwrap(json["points"] as? [[String: Any]])
        XCTAssertEqual(points.compactMap { $0["value"] as? Double }, [150, 75])
        XCTAssertEqual(points.compactMap { $0["unit"] as? String }, ["", ""])
        let backgrounds = points.compactMap { ($0["background"] as? NSNumber)?.doubleValue }
        XCTAssertEqual(backgrounds[0], 4760, accuracy: 0.01)
        XCTAssertEqual(backgrounds[1], 9520, accuracy: 0.01)
        for key in ["u2_detection", "u2_median_exclusion", "u2_cls_expected"] {
            XCTAssertEqual(points.compactMap { $0[key] as? Double }.count, 2, key)
        }
    }

    func testValuesInMixedUnitsShareTheFirstUnit() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let run = try reach("scan", "small.yaml", "--mass", "130MeV", "--parameter", "detector.resolution",
                            "--values", "1700MeV^2,1e-3GeV^2", "--statistics", "20000", "--quiet")
        assertSuccess(run)
        XCTAssertEqual(column("value", of: run.stdout), [1700, 1000])
        XCTAssertEqual(csvRows(run.stdout).dropFirst().map { $0[1] }, ["MeV^2", "MeV^2"])
    }

    func testUnknownParameterSuggestsAndListsTheKeys() throws {
        try write(TestScenarios.small, to: "small.yaml")
        assertFailure(try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angel", "--values", "30mrad"), status: 64,
                      message: "Error: --parameter 'detector.veto.hermetic_angel': unknown key 'hermetic_angel' in detector.veto (did you mean 'hermetic_angle'?); expected one of detector.veto.hermetic_angle, detector.veto.inefficiency, detector.veto.regions[0].from, detector.veto.regions[0].to, detector.veto.regions[0].inefficiency")
        assertFailure(try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "analysis.statistic", "--values", "1"), status: 64,
                      message: "Error: --parameter 'analysis.statistic': analysis.statistic is a choice (detection, median-exclusion, cls-expected, shape), not a number; expected one of analysis.window, analysis.region.m2_miss_above, analysis.region.step, analysis.confidence, analysis.background_uncertainty, analysis.sideband_range.from, analysis.sideband_range.to, analysis.shape.range, analysis.shape.bin_width")
    }

    func testBadValuesAreJudgedAsInAFile() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let run = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle", "--values", "30,50mrad,7MeV")
        XCTAssertEqual(run.status, 65)
        XCTAssertEqual(run.errorLines, [
            "--values: detector.veto.hermetic_angle: '30' has no unit; expected the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad (units: urad, mrad, rad, deg)",
            "--values: detector.veto.hermetic_angle: 'MeV' is a unit of mass; expected the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad (units: urad, mrad, rad, deg)",
        ])
        XCTAssertEqual(run.stdout, "")
        let range = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.signal_acceptance", "--values", "0.1,1.2")
        XCTAssertEqual(range.errorLines, ["--values: detector.signal_acceptance: '1.2' is out of range; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}"])
        let element = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "exposure.streams[1].prescale", "--values", "10")
        XCTAssertEqual(element.errorLines, ["--values: exposure.streams[1].prescale: there is no exposure.streams[1]: the variant's exposure.streams has 1 element; expected an index from 0 to 0"])
        assertFailure(try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2,"), status: 64,
                      message: "Error: --values '1e-3GeV^2,': an empty value; expected comma-separated values like 30mrad,50mrad")
    }

    func testMassAndVariantAreChecked() throws {
        try write(TestScenarios.small, to: "small.yaml")
        assertFailure(try reach("scan", "small.yaml", "--mass", "135", "--parameter", "detector.resolution", "--values", "1e-3GeV^2"), status: 64,
                      message: "Error: --mass: '135' has no unit; expected a mass with a unit (keV, MeV, GeV), e.g. 135MeV")
        assertFailure(try reach("scan", "small.yaml", "--mass", "360MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2"), status: 64,
                      message: "Error: --mass 360 MeV is outside the kinematic range of K+ -> pi0 e+ N; expected a mass in [0, 358.189) MeV")
        assertFailure(try reach("scan", "small.yaml", "--variant", "Run 2", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2"), status: 64,
                      message: "Error: --variant Run 2: no such variant in small.yaml; expected a label or 1-based index: 1 'Small test scenario'")
    }
}
