import Foundation
import XCTest

/// `plot-background` and `scan` read scenarios as the other commands do: a document of a
/// multi-document file by `--scenario`, the spectrum's range and bin limit of `background`, the
/// window the analysis uses, and no mass beyond the channel's endpoint.
final class PlotBackgroundCLITests: CLITestCase {
    private var hike: String { ReachExecutable.packageRoot.appendingPathComponent("scenarios/hike.yaml").path }

    func testADocumentOfAMultiDocumentFile() throws {
        let run = try reach("plot-background", hike, "--scenario", "kmun", "--mass", "300MeV", "--statistics", "20000", "--format", "svg", "-o", ".")
        assertSuccess(run)
        let svg = String(decoding: try contents("hike-kmun-background.svg"), as: UTF8.self)
        XCTAssertTrue(svg.contains("μ"), "the K+ → μ+ ν γ document was drawn")
        let scan = try reach("scan", hike, "--scenario", "kmun", "--mass", "300MeV", "--parameter", "detector.resolution",
                             "--values", "1e-3GeV^2,2e-3GeV^2", "--statistics", "20000", "--plot", ".", "--quiet")
        assertSuccess(scan)
        XCTAssertEqual(scan.stdout.split(separator: "\n").count, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("hike-kmun-scan-detector-resolution.png")))
        // The second value's larger σ gives a wider window, hence more background.
        let backgrounds = column("background", of: scan.stdout)
        XCTAssertGreaterThan(backgrounds[1], 1.5 * backgrounds[0])
    }

    func testAMassBeyondTheEndpointIsRefused() throws {
        assertFailure(try reach("plot-background", hike, "--scenario", "kmun", "--mass", "400MeV", "--statistics", "20000", "-o", "."), status: 64,
                      message: "Error: --mass 400 MeV is outside the kinematic range of K+ -> mu+ N; expected a mass in [0, 388.019) MeV")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// The same bin limit as `background`, and a width wider than the spectrum refused by both.
    func testTheBinCountIsLimitedAsForBackground() throws {
        try write(TestScenarios.small, to: "small.yaml")
        for command in ["background", "plot-background"] {
            let tiny = try reach(command, "small.yaml", "--bin-width", "1e-12 GeV^2", "--statistics", "20000", "-o", command == "background" ? "out.csv" : ".")
            XCTAssertEqual(tiny.status, 64, command)
            XCTAssertEqual(tiny.errorLines.first, "Error: --bin-width 1e-12 GeV^2: gives 1.42e+11 bins over [-0.0085, 0.1334] GeV^2; expected at most 100000 bins, a width of at least 1.419e-06 GeV^2", command)
            let wide = try reach(command, "small.yaml", "--bin-width", "1e15GeV^2", "--statistics", "20000", "-o", command == "background" ? "out.csv" : ".")
            XCTAssertEqual(wide.status, 64, command)
            XCTAssertEqual(wide.errorLines.first, "Error: --bin-width 1e15GeV^2: 1e+15 GeV^2 is wider than the whole spectrum over [-0.0085, 0.1334] GeV^2; expected a width of at most 0.1419 GeV^2", command)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["small.yaml"])
    }

    /// `window: optimal` is drawn with the k the projection chooses and says so; a fixed k is
    /// drawn as written.
    func testTheWindowIsTheAnalysisWindow() throws {
        try write(TestScenarios.small.replacingOccurrences(of: "signal_acceptance: 0.1", with: "signal_acceptance: 0.1\n  analysis: { window: optimal }"), to: "optimal.yaml")
        try write(TestScenarios.small.replacingOccurrences(of: "signal_acceptance: 0.1", with: "signal_acceptance: 0.1\n  analysis: { window: 2 sigma }"), to: "fixed.yaml")
        assertSuccess(try reach("plot-background", "optimal.yaml", "--mass", "130MeV", "--statistics", "20000", "--format", "svg", "-o", "."))
        assertSuccess(try reach("plot-background", "fixed.yaml", "--mass", "130MeV", "--statistics", "20000", "--format", "svg", "-o", "."))
        let optimal = String(decoding: try contents("optimal-background.svg"), as: UTF8.self)
        let fixed = String(decoding: try contents("fixed-background.svg"), as: UTF8.self)
        XCTAssertTrue(optimal.contains("(optimal ±"), "the optimal window is labelled as such")
        XCTAssertTrue(fixed.contains("(±2σ)"), "a fixed window is drawn with its own k")
        let k = try reach("project", "optimal.yaml", "--statistics", "20000", "--quiet")
        assertSuccess(k)
        let rows = csvRows(k.stdout)
        let kColumn = try XCTUnwrap(rows.first?.firstIndex(of: "window_k"))
        let massColumn = try XCTUnwrap(rows.first?.firstIndex(of: "mass_MeV"))
        let at130 = try XCTUnwrap(rows.first { $0[massColumn] == "130" })
        XCTAssertTrue(optimal.contains("(optimal ±\(at130[kColumn])σ)"), "the k of the projection at 130 MeV, \(at130[kColumn])")
    }
}
