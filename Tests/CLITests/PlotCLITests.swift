import Foundation
import XCTest

/// `reach plot` and `plot-background` as a user runs them: files named after the scenario, one
/// per document of a multi-document file, identical bytes from run to run, a clear error for a
/// missing output folder (and nothing written).
final class PlotCLITests: CLITestCase {
    private let formats = ["pdf", "png", "svg"]

    func testPlotWritesEveryFormatAndRepeatsByteForByte() throws {
        let scenario = ReachExecutable.shippedScenario
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
        assertSuccess(try reach("plot", scenario, "--statistics", "20000", "--format", "pdf,png,svg", "-o", "a"))
        assertSuccess(try reach("plot", scenario, "--statistics", "20000", "--format", "pdf,png,svg", "-o", "b"))
        for format in formats {
            let first = try contents("a/na62-kpi0en.\(format)")
            XCTAssertGreaterThan(first.count, 1000, format)
            XCTAssertEqual(first, try contents("b/na62-kpi0en.\(format)"), "\(format) differs between two runs")
        }
        XCTAssertTrue(String(decoding: try contents("a/na62-kpi0en.pdf").prefix(5), as: UTF8.self).hasPrefix("%PDF"))
    }

    func testMultiDocumentFileGivesOneFigurePerDocument() throws {
        let hike = ReachExecutable.packageRoot.appendingPathComponent("scenarios/hike.yaml").path
        assertSuccess(try reach("plot", hike, "--statistics", "20000", "--format", "svg", "-o", "."))
        for name in ["kpi0en", "ken", "kmun", "kpi0mun"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: path("hike-\(name).svg")), name)
        }
    }

    /// A missing output folder is created with its parents, as `mkdir -p` does.
    func testMissingOutputFolderIsCreated() throws {
        assertSuccess(try reach("plot", ReachExecutable.shippedScenario, "--statistics", "20000", "--format", "svg", "-o", "new/figures"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("new/figures")), ["na62-kpi0en.svg"])
    }

    /// An output folder that is a file, or lies below one, is an error before any work, and
    /// nothing is written or created.
    func testOutputFolderBelowAFileIsAClearErrorAndWritesNothing() throws {
        try write("text", to: "plain")
        let run = try reach("plot", ReachExecutable.shippedScenario, "--statistics", "20000", "-o", "plain")
        assertFailure(run, status: 1, message: "Error: -o plain: is a file, not a folder; expected a folder for the figures (created if missing)")
        let below = try reach("plot", ReachExecutable.shippedScenario, "--statistics", "20000", "-o", "plain/a/b")
        assertFailure(below, status: 1, message: "Error: -o plain/a/b: plain is a file, not a folder; expected a folder for the figures (created if missing)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["plain"])
    }

    /// A run that fails after the check (here: a bad scenario) leaves no folder behind.
    func testAFailingRunCreatesNoFolder() throws {
        try write("channel: nonsense\n", to: "bad.yaml")
        let run = try reach("plot", "bad.yaml", "--statistics", "20000", "-o", "never")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("never")))
    }

    func testPlotBackgroundDrawsTheSpectrum() throws {
        assertSuccess(try reach("plot-background", ReachExecutable.shippedScenario, "--statistics", "20000", "--mass", "150MeV",
                                "--format", "png", "-o", "."))
        let png = try contents("na62-kpi0en-background.png")
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4e, 0x47])
    }
}
