import Foundation
import XCTest

/// A cut-region search whose background is the user's N_exp(m0²) ± δN_exp(m0²)
/// (`background: {table: cut.csv, kind: above}`).
final class CutTableCLITests: CLITestCase {
    static let table = """
    # seed 000 Sec. 6: N_exp = 7549 ± 928 above 0.1 GeV^2
    m0_GeV2,n_exp,dn_exp
    0.08,9000,1100
    0.10,7549,928
    0.12,5000,700

    """

    static let scenario = TestScenarios.continuum(kaonDecays: "1.14e10", background: "{ table: cut.csv, kind: above }", region: "{ m2_miss_above: 0.1 GeV^2 }")

    /// At a row, b and δb are the table's, and the limit on N_S (B limit × signal per unit B) is
    /// `reach limit --background 7549 --background-uncertainty 928`'s (seed 000: 1526 events).
    func testAGridPointReproducesReachLimit() throws {
        try write(Self.table, to: "cut.csv")
        try write(Self.scenario, to: "s.yaml")
        let project = try reach("project", "s.yaml", "--quiet")
        assertSuccess(project)
        XCTAssertEqual(column("background", of: project.stdout), [7549])
        XCTAssertEqual(column("background_uncertainty", of: project.stdout), [928])
        let events = column("br_cls_expected", of: project.stdout)[0] * column("signal_per_br", of: project.stdout)[0]
        let limit = try reach("limit", "--background", "7549", "--background-uncertainty", "928", "--format", "json")
        assertSuccess(limit)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: limit.stdoutData) as? [String: Any])
        let median = try XCTUnwrap((json["expected"] as? [String: Any])?["median"] as? Double)
        XCTAssertEqual(events, median, accuracy: 1e-3 * median)
        XCTAssertEqual(median, 1526, accuracy: 0.01 * 1526, "seed 000 Sec. 6")
        // Between rows, the interpolated counts: midway to 0.12 GeV^2, 6274.5 ± 814.
        try write(Self.scenario.replacingOccurrences(of: "0.1 GeV^2", with: "0.11 GeV^2"), to: "mid.yaml")
        let mid = try reach("project", "mid.yaml", "--quiet")
        XCTAssertEqual(column("background", of: mid.stdout), [6274.5])
        XCTAssertEqual(column("background_uncertainty", of: mid.stdout), [814])
    }

    func testACutOutsideTheTableIsRefused() throws {
        try write(Self.table, to: "cut.csv")
        try write(Self.scenario.replacingOccurrences(of: "0.1 GeV^2", with: "0.05 GeV^2"), to: "s.yaml")
        let run = try reach("project", "s.yaml", "-o", "out.csv")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errorLines.first?.hasSuffix("cut.csv: cut table: m0^2 = 0.05 GeV^2 lies outside the table's rows [0.08, 0.12] GeV^2; expected rows covering every m0^2 analysis.region tests, [0.05, 0.05] GeV^2") ?? false,
                      run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.csv")), "no partial file")
        // A peak channel counts in a window, not above a cut.
        try write(TestScenarios.small.replacingOccurrences(of: "signal_acceptance: 0.1", with: "signal_acceptance: 0.1\n  background: { table: cut.csv, kind: above }"), to: "peak.yaml")
        let peak = try reach("project", "peak.yaml")
        XCTAssertEqual(peak.status, 65)
        XCTAssertTrue(peak.stderr.contains("'above' describes a cut m2_miss > m0^2, which K+ -> pi0 e+ N does not use"), peak.stderr)
        // The table's δN_exp is the uncertainty: a relative one beside it is refused.
        try write(Self.scenario.replacingOccurrences(of: "kind: above }", with: "kind: above, uncertainty: 0.1 }"), to: "u.yaml")
        let both = try reach("project", "u.yaml")
        XCTAssertEqual(both.status, 65)
        XCTAssertTrue(both.stderr.contains("does not apply to a table of kind: above"), both.stderr)
    }
}
