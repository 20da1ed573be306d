import Foundation
import XCTest

/// One exit-status policy for every command: 0 success, 1 a failure while running, 64 a
/// malformed command line, 65 bad input data, 70 an internal error.
final class ExitStatusCLITests: CLITestCase {
    private func prepare() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try write(TestScenarios.small.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> tau+ N"), to: "bad.yaml")
    }

    /// Every command that reads a scenario, with the options it needs besides the file.
    private static let scenarioCommands: [[String]] = [
        ["validate"],
        ["project", "--statistics", "20000"],
        ["plot", "--statistics", "20000", "--format", "svg"],
        ["background", "--statistics", "20000"],
        ["plot-background", "--statistics", "20000", "--format", "svg"],
        ["scan", "--statistics", "20000", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2"],
    ]

    private func run(_ command: [String], file scenario: String, extra: [String] = []) throws -> ReachExecutable.Run {
        var arguments = command
        arguments.insert(scenario, at: 1)
        return try ReachExecutable.run(arguments + extra, in: folder)
    }

    func testBadInputDataExits65ForEveryCommand() throws {
        try prepare()
        for command in Self.scenarioCommands {
            let result = try run(command, file: "bad.yaml")
            XCTAssertEqual(result.status, 65, "\(command[0]): \(result.stderr)")
            XCTAssertTrue(result.errorLines.first?.hasPrefix("bad.yaml:2:10: channel: unknown channel 'K+ -> tau+ N'") ?? false, "\(command[0]): \(result.stderr)")
        }
        XCTAssertEqual(try reach("project", "missing.yaml").status, 65)
    }

    func testUnknownOptionExits64ForEveryCommand() throws {
        try prepare()
        for command in Self.scenarioCommands + [["limit"], ["branching"], ["references"]] {
            let result = try ReachExecutable.run([command[0], "--no-such-option"], in: folder)
            XCTAssertEqual(result.status, 64, "\(command[0]): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Usage: reach \(command[0])"), "\(command[0]): \(result.stderr)")
        }
    }

    /// A variant or document that is not in the file is a command-line error, reported with the
    /// usage line of the command that was run.
    func testMissingVariantOrDocumentExits64WithTheCommandsUsage() throws {
        try prepare()
        for command in Self.scenarioCommands where !["validate", "plot"].contains(command[0]) {
            let result = try run(command, file: "small.yaml", extra: ["--variant", "7"])
            XCTAssertEqual(result.status, 64, "\(command[0]): \(result.stderr)")
            XCTAssertEqual(result.errorLines.first, "Error: --variant 7: no such variant in small.yaml; expected a label or 1-based index: 1 'Small test scenario'", command[0])
            XCTAssertTrue(result.errorLines.dropFirst().first?.hasPrefix("Usage: reach \(command[0]) ") ?? false, "\(command[0]): \(result.stderr)")
        }
        let document = try reach("project", ReachExecutable.packageRoot.appendingPathComponent("scenarios/hike.yaml").path, "--scenario", "7")
        XCTAssertEqual(document.status, 64, document.stderr)
        XCTAssertEqual(document.errorLines.first?.hasPrefix("Error: --scenario 7: no such scenario document in "), true, document.stderr)
        XCTAssertTrue(document.errorLines.dropFirst().first?.hasPrefix("Usage: reach project ") ?? false, document.stderr)
    }

    func testAFailureWhileRunningExits1() throws {
        try prepare()
        try write("text", to: "a-file")
        assertFailure(try reach("plot", "small.yaml", "-o", "a-file", "--statistics", "20000"), status: 1,
                      message: "Error: -o a-file: is a file, not a folder; expected a folder for the figures (created if missing)")
    }

    /// A fatal error in a worker thread ends the process at once, with stdout on a pipe (as in
    /// `reach project … | cat`), exit status 70 and one line on stderr — not a backtrace that
    /// holds the pipe open.
    func testAFatalErrorInAWorkerThreadEndsTheProcessPromptly() throws {
        try prepare()
        let result = try ReachExecutable.run(["project", "small.yaml", "--statistics", "2000000"], in: folder,
                                             environment: ["REACH_FAULT_INJECTION": "worker-thread"], stdoutOnPipe: true, timeout: 60)
        XCTAssertEqual(result.terminationReason, .exit, result.stderr)
        XCTAssertEqual(result.status, 70, result.stderr)
        XCTAssertTrue(result.stderr.contains("reach: internal error: the process received a fatal signal"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Backtracing"), result.stderr)
    }

    /// The same commands succeed with stdout on a pipe and end (the pipe is closed).
    func testCommandsEndWithStdoutOnAPipe() throws {
        try prepare()
        for command in [["project", "small.yaml", "--statistics", "20000", "--quiet"],
                        ["background", "small.yaml", "--statistics", "20000", "--quiet"],
                        ["validate", "small.yaml"]] {
            let result = try ReachExecutable.run(command, in: folder, stdoutOnPipe: true, timeout: 120)
            XCTAssertEqual(result.status, 0, "\(command[0]): \(result.stderr)")
            XCTAssertFalse(result.stdout.isEmpty, command[0])
        }
    }
}
