import Foundation
import XCTest

/// The progress line of `project`, `plot` and `scan`: on a terminal it is written with carriage
/// returns and erased at the end; through a pipe or file (as here and in scripts), or with
/// --quiet, nothing of it appears.
final class ProgressCLITests: CLITestCase {
    private func assertNoProgress(_ run: ReachExecutable.Run, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 0, run.stderr, file: file, line: line)
        XCTAssertFalse(run.stderr.contains("\r"), run.stderr, file: file, line: line)
        XCTAssertFalse(run.stderr.contains("…"), run.stderr, file: file, line: line)
    }

    func testSilentWithoutATerminal() throws {
        let scenario = ReachExecutable.shippedScenario
        assertNoProgress(try reach("project", scenario, "--statistics", "20000", "-o", "out.csv"))
        assertNoProgress(try reach("plot", scenario, "--statistics", "20000", "--format", "svg", "-o", "."))
        assertNoProgress(try reach("scan", scenario, "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle",
                                   "--values", "30mrad,50mrad", "--statistics", "20000"))
    }

    /// `script` (util-linux) gives the command a pseudo-terminal: the line appears for each
    /// variant, is erased by spaces and a carriage return, and the summary follows on a clean
    /// line; --quiet leaves the terminal empty.
    func testShownAndErasedOnATerminal() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script), let reach = ReachExecutable.url else {
            throw XCTSkip("no util-linux script to provide a terminal")
        }
        func onTerminal(_ arguments: [String]) throws -> String {
            let quoted = ([reach.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: script)
            process.arguments = ["-qec", quoted.joined(separator: " "), "/dev/null"]
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            return String(decoding: data, as: UTF8.self)
        }
        let arguments = ["project", ReachExecutable.shippedScenario, "--statistics", "20000", "-o", "out.csv"]
        let shown = try onTerminal(arguments)
        for position in 1...3 { XCTAssertTrue(shown.contains("\rreach: projecting variant \(position)/3 …"), shown) }
        XCTAssertTrue(shown.contains(" \rreach: projected 3 variant(s)"), "erased before the summary: \(shown.debugDescription)")
        XCTAssertEqual(try onTerminal(arguments + ["--quiet"]), "")
    }
}
