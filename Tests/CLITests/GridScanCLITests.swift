import XCTest
import Foundation

/// `reach scan` with two parameters: the grid of limits at one mass, each row the one-parameter
/// scan with the second key written in, background-dominated limits falling as 1/√N_K along the
/// exposure, and the heat-map figure written beside the table.
final class GridScanCLITests: CLITestCase {
    func testGridRowsAreScansAndFollowTheSquareRootLaw() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try FileManager.default.createDirectory(atPath: path("figs"), withIntermediateDirectories: true)
        let grid = try reach("scan", "small.yaml", "--mass", "135MeV", "--statistics", "20000",
                             "--parameter", "detector.veto.hermetic_angle", "--values", "30mrad,50mrad,100mrad",
                             "--parameter", "exposure.streams[0].kaon_decays", "--values", "4.5e12,4.5e14", "--plot", "figs")
        assertSuccess(grid)
        let rows = csvRows(grid.stdout)
        XCTAssertEqual(Array(rows[0].prefix(4)), ["value_1", "unit_1", "value_2", "unit_2"])
        XCTAssertEqual(rows.count - 1, 6, "3 × 2 grid points")
        let cls = column("u2_cls_expected", of: grid.stdout)
        // The base exposure (4.5e12) row equals the one-parameter scan of the veto angle.
        let scan = try reach("scan", "small.yaml", "--mass", "135MeV", "--statistics", "20000",
                             "--parameter", "detector.veto.hermetic_angle", "--values", "30mrad,50mrad,100mrad")
        assertSuccess(scan)
        XCTAssertEqual(Array(cls.prefix(3)), column("u2_cls_expected", of: scan.stdout))
        // 100 times the kaon decays: the background-dominated limit falls by √100 = 10.
        for i in 0..<3 {
            XCTAssertEqual(cls[i] / cls[i + 3], 10, accuracy: 0.3, "value \(i)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path("figs")).sorted()
        XCTAssertEqual(names, ["small-scan-detector-veto-hermetic-angle-exposure-streams-0--kaon-decays.pdf",
                               "small-scan-detector-veto-hermetic-angle-exposure-streams-0--kaon-decays.png"])
    }

    func testPairsMustMatch() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let run = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle",
                            "--parameter", "detector.resolution", "--values", "30mrad")
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("expected one pair (a scan) or two pairs (a grid)"), run.stderr)
        let twice = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2",
                              "--parameter", "detector.resolution", "--values", "2e-3GeV^2")
        XCTAssertEqual(twice.status, 64)
    }
}
