import Foundation
import XCTest
import TestSupport

/// `reach project` at the kinematic endpoint of K+ → π0 e+ N, m_K − m_e − m_π0 = 358.189 MeV
/// (PDG 2020), where B = 0 and no |U|² can be excluded: the limits are written empty (CSV) or
/// null (JSON), never NaN, and one warning on stderr says where and why.
final class EndpointCLITests: CLITestCase {
    /// 350 MeV and the endpoint itself (the double nearest m_K − m_e − m_π0 in GeV).
    private let scenario = """
    title: Endpoint scenario
    channel: K+ -> pi0 e+ N
    masses: { from: 0.35 GeV, to: 0.35818920104999996 GeV, step: 0.00818920104999996 GeV }
    \(seed001BaseYAML)
    """

    func testEndpointLimitsAreEmptyWithOneWarning() throws {
        let file = try write(scenario, to: "endpoint.yaml")
        for format in ["csv", "json"] {
            let run = try reach("project", file, "--statistics", "20000", "--format", format)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertNil(run.stdout.lowercased().range(of: "nan"), format)
            XCTAssertNil(run.stdout.lowercased().range(of: "inf"), format)
            let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("reach: warning: ") }
            XCTAssertEqual(warnings.count, 1, run.stderr)
            let warning = String(warnings.first ?? "")
            for needle in ["'Endpoint scenario'", "u2_cls_expected", "u2_median_exclusion", "1 mass point(s)", "358.189 MeV", "signal_per_U2 = 0"] {
                XCTAssertTrue(warning.contains(needle), "\(needle) in \(warning)")
            }
            if format == "json" { XCTAssertTrue(run.stdout.contains("\"u2_cls_expected\" : null"), run.stdout) }
        }
        let run = try reach("project", file, "--statistics", "20000")
        let rows = csvRows(run.stdout)
        XCTAssertEqual(rows.count, 3)
        let header = rows[0]
        let u2 = try XCTUnwrap(header.firstIndex(of: "u2_cls_expected")), br = try XCTUnwrap(header.firstIndex(of: "br_per_U2"))
        XCTAssertEqual(rows[2][br], "0")
        XCTAssertEqual(rows[2][u2], "")
        XCTAssertGreaterThan(Double(rows[1][u2]) ?? 0, 0)
    }

    /// --quiet silences the summary but not the warning.
    func testQuietKeepsTheWarning() throws {
        let file = try write(scenario, to: "endpoint.yaml")
        let run = try reach("project", file, "--statistics", "20000", "--quiet")
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("reach: warning: "), run.stderr)
    }
}
