import Foundation
import XCTest

/// Where `-o` writes: through FIFOs and devices, through symbolic links to their targets, `-`
/// to stdout, never over an input, and for a multi-document plot all figures or none.
final class OutputDestinationCLITests: CLITestCase {
    private func prepare() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
    }

    private func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testDevNullIsWrittenThroughNotReplaced() throws {
        try prepare()
        assertSuccess(try reach("project", "small.yaml", "--statistics", "20000", "-o", "/dev/null", "--quiet"))
        var info = stat()
        XCTAssertEqual(stat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a character device")
    }

    func testAFIFOIsWrittenThrough() throws {
        try prepare()
        XCTAssertEqual(mkfifo(path("table.fifo"), 0o644), 0)
        let received = ReceivedBytes()
        let done = DispatchSemaphore(value: 0)
        let fifo = path("table.fifo")
        DispatchQueue.global().async {
            received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
        let run = try ReachExecutable.run(["project", "small.yaml", "--statistics", "20000", "-o", "table.fifo", "--quiet"], in: folder, timeout: 60)
        assertSuccess(run)
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertTrue(String(decoding: received.data, as: UTF8.self).hasPrefix("variant,mass_MeV,"))
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    func testASymbolicLinkIsFollowedAndStays() throws {
        try prepare()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("results"), withIntermediateDirectories: false)
        try write("old\n", to: "results/table.csv")
        try FileManager.default.createSymbolicLink(atPath: path("latest.csv"), withDestinationPath: "results/table.csv")
        assertSuccess(try reach("project", "small.yaml", "--statistics", "20000", "-o", "latest.csv", "--quiet"))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("latest.csv")), "results/table.csv")
        XCTAssertTrue(String(decoding: try contents("results/table.csv"), as: UTF8.self).hasPrefix("variant,mass_MeV,"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("results")), ["table.csv"], "no temporary file left")
    }

    func testDashIsStandardOutput() throws {
        try prepare()
        let run = try reach("project", "small.yaml", "--statistics", "20000", "-o", "-", "--quiet")
        assertSuccess(run)
        XCTAssertTrue(run.stdout.hasPrefix("variant,mass_MeV,"))
        XCTAssertFalse(try listing().contains("-"))
    }

    func testAnEmptyPathIsRefused() throws {
        try prepare()
        assertFailure(try reach("project", "small.yaml", "-o", ""), status: 64,
                      message: "Error: -o '': an empty path; expected a file path, or - for standard output")
        assertFailure(try reach("plot", "small.yaml", "-o", ""), status: 64,
                      message: "Error: -o '': an empty path; expected a folder for the figures")
    }

    /// A figure folder that names a file says so, rather than that the folder does not exist.
    func testAFileAsTheFigureFolderIsRefused() throws {
        try prepare()
        let scenario = try contents("small.yaml")
        assertFailure(try reach("plot", "small.yaml", "--statistics", "20000", "--format", "svg", "-o", "small.yaml"), status: 1,
                      message: "Error: -o small.yaml: is a file, not a folder; expected a folder for the figures (created if missing)")
        XCTAssertEqual(try contents("small.yaml"), scenario)
        XCTAssertEqual(try listing(), ["flat.csv", "small.yaml", "table.yaml"])
    }

    func testAnInputIsNeverOverwritten() throws {
        try prepare()
        let scenario = try contents("small.yaml"), table = try contents("flat.csv")
        assertFailure(try reach("project", "small.yaml", "-o", "small.yaml"), status: 64,
                      message: "Error: -o small.yaml: is the input file small.yaml; expected an output path that is not one of the command's inputs")
        assertFailure(try reach("project", "table.yaml", "-o", "./flat.csv"), status: 64,
                      message: "Error: -o ./flat.csv: is the input file \(folder.path)/flat.csv; expected an output path that is not one of the command's inputs")
        assertFailure(try reach("background", "small.yaml", "-o", "small.yaml"), status: 64,
                      message: "Error: -o small.yaml: is the input file small.yaml; expected an output path that is not one of the command's inputs")
        assertFailure(try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2", "-o", "small.yaml"), status: 64,
                      message: "Error: -o small.yaml: is the input file small.yaml; expected an output path that is not one of the command's inputs")
        XCTAssertEqual(try contents("small.yaml"), scenario)
        XCTAssertEqual(try contents("flat.csv"), table)
    }

    /// A file of two documents whose second fails leaves no figure of the first.
    func testAMultiDocumentPlotWritesNothingWhenADocumentFails() throws {
        try prepare()
        let text = "name: good\n" + TestScenarios.small + "---\nname: broken\n" + TestScenarios.small
            + "variants:\n  - label: missing table\n    background: { table: missing.csv }\n"
        try write(text, to: "two.yaml")
        let before = try listing()
        let run = try reach("plot", "two.yaml", "--statistics", "20000", "--format", "pdf,png")
        XCTAssertNotEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try listing(), before, "no figure of the good document, no temporary file")
    }
}

/// Bytes read from a FIFO on another thread.
private final class ReceivedBytes: @unchecked Sendable {
    var data = Data()
}
