import Foundation
import XCTest
import TestSupport

/// Runs the built `reach` executable as a user does: a separate process with arguments, a working
/// folder, and its exit status, stdout and stderr. The test target links no library of the
/// tool: what is tested is only what the command line shows.
enum ReachExecutable {
    /// What one run printed and returned.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
        /// `.uncaughtSignal` when the child was killed by a signal (then `status` is the signal).
        var terminationReason: Process.TerminationReason = .exit

        /// stderr without the `reach: …` summary and progress lines.
        var errorLines: [String] {
            stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("reach: ") }
        }
    }

    /// The package's root folder (this file is Tests/CLITests/CLITestSupport.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped scenario every subcommand is run on.
    static let shippedScenario = packageRoot.appendingPathComponent("scenarios/na62-kpi0en.yaml").path

    /// The `reach` binary: `REACH_EXECUTABLE` if set, else beside the test bundle (SwiftPM puts
    /// every product of a configuration in one folder), else `.build/debug/reach` of the package.
    static let url: URL? = {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["REACH_EXECUTABLE"] { candidates.append(URL(fileURLWithPath: path)) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("reach"))
        }
        let main = Bundle.main.bundleURL
        candidates += [main.appendingPathComponent("reach"), main.deletingLastPathComponent().appendingPathComponent("reach")]
        candidates.append(packageRoot.appendingPathComponent(".build/debug/reach"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && manager.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs `reach arguments…` in `folder`; output goes through files, so a large table cannot
    /// fill a pipe and stall the child. With `stdoutOnPipe`, stdout is a pipe read as the child
    /// writes (as in `reach project … | cat`). A child still running after `timeout` seconds is
    /// killed and the test fails: a hang is a bug, whatever the machine's speed.
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                    stdoutOnPipe: Bool = false, timeout: TimeInterval = 600,
                    file: StaticString = #filePath, line: UInt = #line) throws -> Run {
        guard let url else {
            XCTFail("no reach executable found; build it with `swift build --build-tests`", file: file, line: line)
            throw XCTSkip("no reach executable")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reach-cli-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let pipe = Pipe()
        process.standardOutput = stdoutOnPipe ? pipe : out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // The pipe is drained until its last writer closes it (the child, or whatever the child
        // left running), as a shell pipeline's reader would.
        let drained = DispatchSemaphore(value: 0)
        let piped = PipedBytes()
        if stdoutOnPipe {
            try? pipe.fileHandleForWriting.close()
            let reader = pipe.fileHandleForReading
            DispatchQueue.global().async {
                piped.data = reader.readDataToEndOfFile()
                drained.signal()
            }
        } else {
            drained.signal()
        }
        let deadline = DispatchTime.now() + timeout
        if finished.wait(timeout: deadline) == .timedOut || drained.wait(timeout: deadline) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            XCTFail("reach \(arguments.joined(separator: " ")) did not end within \(timeout) s", file: file, line: line)
            throw Hang()
        }
        try out.close()
        try err.close()
        let stdout = stdoutOnPipe ? piped.data : try Data(contentsOf: outURL), stderr = try Data(contentsOf: errURL)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self), stdoutData: stdout, terminationReason: process.terminationReason)
    }

    /// A child that did not end in time.
    struct Hang: Error {}
}

/// Bytes read from a child's stdout pipe on another thread, read after it signalled.
private final class PipedBytes: @unchecked Sendable {
    var data = Data()
}

/// A fresh folder per test, removed afterwards.
class CLITestCase: XCTestCase {
    private(set) var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reach-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder {
            // Undo read-only permissions set by a test before removing.
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// `reach arguments…` run in the test's folder.
    func reach(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) throws -> ReachExecutable.Run {
        try ReachExecutable.run(arguments, in: folder, file: file, line: line)
    }

    /// Writes `text` to `name` in the test's folder; returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func contents(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    /// Exit status 0 and nothing unexpected on stderr.
    func assertSuccess(_ run: ReachExecutable.Run, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 0, "stderr: \(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.errorLines, [], file: file, line: line)
    }

    /// A failing exit with exactly `message` as the only stderr line (summary lines aside).
    func assertFailure(_ run: ReachExecutable.Run, status: Int32, message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, status, "stderr: \(run.stderr)", file: file, line: line)
        XCTAssertEqual(run.errorLines.first, message, file: file, line: line)
        XCTAssertEqual(run.stdout, "", "nothing on stdout when failing", file: file, line: line)
    }

    /// `LINE:COL` of the first `needle` in `text`, counted here (1-based, Unicode scalars).
    func location(of needle: String, in text: String) -> String {
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = lineText.range(of: needle) {
                return "\(index + 1):\(lineText[..<range.lowerBound].unicodeScalars.count + 1)"
            }
        }
        return "not found"
    }

    /// CSV rows (header first) as cells.
    func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The column `name` of a CSV as numbers.
    func column(_ name: String, of text: String, file: StaticString = #filePath, line: UInt = #line) -> [Double] {
        let rows = csvRows(text)
        guard let header = rows.first, let index = header.firstIndex(of: name) else {
            XCTFail("no column \(name)", file: file, line: line)
            return []
        }
        return rows.dropFirst().map { Double($0[index]) ?? .nan }
    }
}

/// Small scenarios written into a test's folder: quick to project (a coarse mass grid) and easy to
/// break one line at a time.
enum TestScenarios {
    /// One variant-free projection, K+ -> pi0 e+ N, 6 masses.
    static let small = """
    title: Small test scenario
    channel: K+ -> pi0 e+ N
    masses: { from: 100 MeV, to: 150 MeV, step: 10 MeV }
    \(seed001BaseYAML)
    """

    /// Two variants, the second with a user background table (`flat.csv`, see `flatTable`).
    static let withTable = """
    title: Table test scenario
    channel: K+ -> pi0 e+ N
    masses: { from: 120 MeV, to: 140 MeV, step: 10 MeV }
    \(seed001BaseYAML)
    variants:
      - label: radiative
      - label: table
        background: { table: flat.csv, normalisation: { kaon_decays: 3e10 } }

    """

    /// K+ -> mu+ nu nu nubar above a cut, with A⁰ = 0.277 and σ(m²_miss) = 1.5e-3 GeV² (seed 000).
    static func continuum(kaonDecays: String, background: String, region: String, uncertainty: String = "") -> String {
        """
        title: Cut test scenario
        channel: K+ -> mu+ nu nu nubar
        base:
          exposure: { streams: [{ name: all, kaon_decays: \(kaonDecays) }] }
          detector: { resolution: 1.5e-3 GeV^2, signal_acceptance: 0.277 }
          background: \(background)
          analysis: { region: \(region), statistic: cls-expected, confidence: 0.90\(uncertainty) }

        """
    }

    /// A flat reconstructed spectrum of 1e6 events per GeV² for 3e10 kaon decays.
    static let flatTable = """
    # flat test background
    m2_GeV2,dN_dm2_per_GeV2
    -0.05,1e6
    0.20,1e6

    """
}
