import Foundation
import XCTest

/// `reach validate`, and every way a scenario argument can be wrong, through each command that
/// reads one: the same file gives the same message, on stderr, with a failing exit.
final class ScenarioInputCLITests: CLITestCase {
    static let scenarioCommands: [[String]] = [
        ["validate"], ["project", "--statistics", "2000"], ["background", "--statistics", "2000"],
        ["scan", "--mass", "135MeV", "--parameter", "detector.resolution", "--values", "1e-3GeV^2", "--statistics", "2000"],
    ]

    /// `reach <command> … path` for each command that reads a scenario, expecting `message`.
    private func assertEveryCommandRefuses(_ path: String, with message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        for command in Self.scenarioCommands {
            var arguments = command
            arguments.insert(path, at: 1)
            let run = try ReachExecutable.run(arguments, in: folder, file: file, line: line)
            XCTAssertEqual(run.status, 65, "\(command[0]): \(run.stderr)", file: file, line: line)
            XCTAssertEqual(run.errorLines, [message], command[0], file: file, line: line)
            XCTAssertEqual(run.stdout, "", command[0], file: file, line: line)
        }
    }

    func testShippedScenarioValidates() throws {
        let run = try reach("validate", ReachExecutable.shippedScenario)
        assertSuccess(run)
        XCTAssertTrue(run.stdout.contains("K+ -> pi0 e+ N"), run.stdout)
        for label in ["2016–2018 data", "2016–2024 data", "2021–2024 dedicated trigger"] {
            XCTAssertTrue(run.stdout.contains(label), "\(label) missing from:\n\(run.stdout)")
        }
    }

    func testMissingScenario() throws {
        try assertEveryCommandRefuses("nope.yaml", with: "nope.yaml: no such file; expected a scenario file in YAML (see scenarios/README.md)")
    }

    func testDirectoryGivenAsAFile() throws {
        try FileManager.default.createDirectory(atPath: path("scenarios.yaml"), withIntermediateDirectories: false)
        try assertEveryCommandRefuses("scenarios.yaml", with: "scenarios.yaml: is a directory; expected a scenario file in YAML (see scenarios/README.md)")
    }

    func testEmptyFile() throws {
        try write("", to: "empty.yaml")
        try assertEveryCommandRefuses("empty.yaml", with: "empty.yaml: is empty; expected a scenario file in YAML (see scenarios/README.md)")
    }

    func testTenMegabyteFile() throws {
        let line = String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 1)
        try write(String(repeating: line, count: 10_000_000 / line.utf8.count + 1), to: "huge.yaml")
        try assertEveryCommandRefuses("huge.yaml", with: "huge.yaml: is larger than 1000000 bytes; expected a scenario file of at most 1 MB")
    }

    func testBinaryFile() throws {
        // Bytes 0…255 repeated: NUL bytes and invalid UTF-8, like a compiled file.
        let bytes = Data((0..<4096).map { UInt8($0 % 256) })
        try bytes.write(to: folder.appendingPathComponent("figure.yaml"))
        try assertEveryCommandRefuses("figure.yaml", with: "figure.yaml: contains NUL bytes (a binary file?); expected a text file in UTF-8")
    }

    func testUnknownKeyWithDidYouMeanAtItsLineAndColumn() throws {
        let text = TestScenarios.small.replacingOccurrences(of: "prescale: 150", with: "prescal: 150")
        try write(text, to: "typo.yaml")
        let at = location(of: "prescal:", in: text)
        try assertEveryCommandRefuses("typo.yaml", with: "typo.yaml:\(at): base.exposure.streams[0].prescal: unknown key; expected one of name, kaon_decays, running, effective_kaon_decays, prescale, trigger_efficiency (did you mean 'prescale'?)")
    }

    func testBadUnitsAtTheirLineAndColumn() throws {
        let text = TestScenarios.small.replacingOccurrences(of: "resolution: 1.7e-3 GeV^2", with: "resolution: 1.7e-3 MeV")
        try write(text, to: "units.yaml")
        let at = location(of: "1.7e-3 MeV", in: text)
        try assertEveryCommandRefuses("units.yaml", with: "units.yaml:\(at): base.detector.resolution: 'MeV' is a unit of mass; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2} (units: keV^2, MeV^2, GeV^2)")
    }

    /// Every problem of a file at once, in file order; `validate` goes on to the next file.
    func testSeveralProblemsAndSeveralFiles() throws {
        let text = TestScenarios.small
            .replacingOccurrences(of: "hermetic_angle: 50 mrad", with: "hermetic_angle: 50")
            .replacingOccurrences(of: "signal_acceptance: 0.1", with: "signal_acceptance: 1.5")
        try write(text, to: "two.yaml")
        try write(TestScenarios.small, to: "good.yaml")
        let run = try reach("validate", "two.yaml", "good.yaml")
        XCTAssertEqual(run.status, 65)
        XCTAssertEqual(run.errorLines, [
            "two.yaml:\(location(of: "50, inefficiency", in: text)): base.detector.veto.hermetic_angle: '50' has no unit; expected the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad (units: urad, mrad, rad, deg)",
            "two.yaml:\(location(of: "1.5", in: text)): base.detector.signal_acceptance: '1.5' is out of range; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}",
        ])
        XCTAssertTrue(run.stdout.contains("Small test scenario"), "the good file is still summarised")
    }

    func testYAMLSyntaxErrorHasAPosition() throws {
        try write("title: broken\nchannel: [K+ -> e+ N\nmasses: {}\n", to: "syntax.yaml")
        let run = try reach("validate", "syntax.yaml")
        XCTAssertEqual(run.status, 65)
        let message = try XCTUnwrap(run.errorLines.first)
        XCTAssertTrue(message.range(of: #"^syntax\.yaml:\d+:\d+: YAML syntax error: "#, options: .regularExpression) != nil, message)
    }

    func testValidateNeedsAFile() throws {
        let run = try reach("validate")
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.errorLines.first, "Error: Missing expected argument '<files> ...'")
    }
}
