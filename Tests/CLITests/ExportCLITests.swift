import Foundation
import XCTest

/// `reach export` checked by the field's own tools, installed by `scripts/install-test-tools`
/// into `.build/venv` (`make test` runs it): every shipped scenario's HEPData submission passes
/// the real `hepdata-validate`, its pyhf workspaces pass pyhf's schema, and pyhf 0.7.6's expected
/// CLs median (qtilde, asymptotics) on a sample of points agrees with `reach`'s where both are
/// asymptotic (b ≥ 3000; docs/statistics.md §8) — and differs as measured where `reach` is exact.
final class ExportCLITests: CLITestCase {
    /// The virtual environment's Python, or a skip saying how to make it.
    private func python() throws -> URL {
        let python = ReachExecutable.packageRoot.appendingPathComponent(".build/venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw XCTSkip("no .build/venv with hepdata-validator and pyhf: run scripts/install-test-tools (make test does)")
        }
        return python
    }

    private static let checkers = ReachExecutable.packageRoot.appendingPathComponent("Tests/CLITests/ExportCheckers")

    /// Runs a program of the venv; its status and output.
    private func venv(_ program: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Exports every shipped scenario into `hepdata/<stem>` and `pyhf/<stem>` of the test's folder, with
    /// 10⁵ generated background events (the comparisons are within one export, so fewer suffice).
    private func exportShippedScenarios() throws -> [String] {
        let scenarios = ReachExecutable.packageRoot.appendingPathComponent("scenarios")
        let stems = try FileManager.default.contentsOfDirectory(atPath: scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { String($0.dropLast(5)) }
        XCTAssertGreaterThanOrEqual(stems.count, 6)
        for stem in stems {
            for kind in ["hepdata", "pyhf"] {
                try FileManager.default.createDirectory(atPath: path("\(kind)/\(stem)"), withIntermediateDirectories: true)
            }
            assertSuccess(try reach("export", scenarios.appendingPathComponent("\(stem).yaml").path,
                                    "--hepdata", "hepdata/\(stem)", "--pyhf", "pyhf/\(stem)", "--statistics", "100000", "--quiet"))
        }
        return stems
    }

    /// One point's numbers from `pyhf_expected_limits.py`.
    private struct Limits: Decodable {
        var file: String
        var background: Double
        var median: Double
        var reachMedian: Double

        enum CodingKeys: String, CodingKey {
            case file, background, median
            case reachMedian = "reach_median"
        }
    }

    func testShippedScenariosExportSubmissionsTheValidatorAcceptsAndWorkspacesPyhfReproduces() throws {
        let python = try python()
        let validator = python.deletingLastPathComponent().appendingPathComponent("hepdata-validate")
        let stems = try exportShippedScenarios()

        // (a) The real hepdata-validator on every submission.
        for stem in stems {
            let run = try venv(validator, ["-d", path("hepdata/\(stem)")])
            XCTAssertEqual(run.status, 0, "hepdata-validate \(stem): \(run.output)")
            XCTAssertTrue(run.output.contains("hepdata/\(stem) is valid"), run.output)
        }

        // Every workspace of the continuum scenario (histosys) and the first and last of the others
        // against pyhf's schema 1.0.0.
        var workspaces: [String] = []
        for stem in stems {
            let names = try FileManager.default.contentsOfDirectory(atPath: path("pyhf/\(stem)")).sorted()
            XCTAssertFalse(names.isEmpty, stem)
            let chosen = stem == "na62-kmununu" ? names : [names.first, names.last].compactMap { $0 }
            workspaces += chosen.map { path("pyhf/\(stem)/\($0)") }
        }
        let schema = try venv(python, [Self.checkers.appendingPathComponent("validate_workspaces.py").path] + workspaces)
        XCTAssertEqual(schema.status, 0, schema.output)
        XCTAssertEqual(schema.output.trimmingCharacters(in: .whitespacesAndNewlines), String(workspaces.count))

        // (b) pyhf's expected CLs median against reach's, point by point.
        let large = [("na62-kpi0en", "na62-kpi0en-v1-100MeV.json"),      // b = 2.0e4, δb = 0
                     ("na62-kpi0en", "na62-kpi0en-v3-300MeV.json"),      // b = 1.7e4, δb = 0
                     ("na62-kmununu", "na62-kmununu-v5-90MeV.json")]     // b = 1.3e4, δb = 535 (histosys)
        let small = [("hike", "hike-kpi0en-v1-350MeV.json"),             // b = 1.3
                     ("hike", "hike-ken-v1-480MeV.json"),                // b = 4.7
                     ("na62-kpi0en", "na62-kpi0en-v1-300MeV.json")]      // b = 58
        let dataFile = { (stem: String, file: String) -> String in
            let document = file.hasPrefix("hike-") ? "hike-" + file.dropFirst(5).prefix { $0 != "-" } : stem
            return self.path("hepdata/\(stem)/\(document)-limits.yaml")
        }
        let arguments = (large + small).flatMap { [path("pyhf/\($0.0)/\($0.1)"), dataFile($0.0, $0.1)] }
        let run = try venv(python, [Self.checkers.appendingPathComponent("pyhf_expected_limits.py").path, "0.9"] + arguments)
        XCTAssertEqual(run.status, 0, run.output)
        let limits = try run.output.split(separator: "\n").filter { $0.hasPrefix("{") }.map { try JSONDecoder().decode(Limits.self, from: Data($0.utf8)) }
        XCTAssertEqual(limits.map(\.file), (large + small).map(\.1))
        for point in limits {
            let ratio = point.median / point.reachMedian
            print("pyhf/reach expected CLs median \(point.file): b = \(point.background), pyhf \(point.median), reach \(point.reachMedian), ratio \(ratio)")
            if large.contains(where: { $0.1 == point.file }) {
                XCTAssertGreaterThan(point.background, 3000, point.file)
                XCTAssertEqual(ratio, 1, accuracy: 0.05, "both asymptotic: \(point.file)")
            } else {
                // reach is exact here; the asymptotic formulae run below it (docs/statistics.md §7, §15).
                XCTAssertLessThan(point.background, 1000, point.file)
                XCTAssertLessThan(ratio, 1, point.file)
                XCTAssertGreaterThan(ratio, 0.75, point.file)
            }
        }
    }

    /// A combination's workspaces hold one channel per part sharing `mu`, each background with
    /// its own modifier: pyhf's model is `reach`'s asymptotic combination (CCGV's Asimov profile
    /// likelihood, docs/statistics.md §18), so the expected medians agree to well below 1 % (measured
    /// 10⁻⁶) where the combination is asymptotic (every part's b ≥ 100).
    func testCombinedWorkspacesHoldEveryPartAndPyhfReproducesTheCombination() throws {
        let python = try python()
        let stem = "na62-kpi0en-streams"
        try FileManager.default.createDirectory(atPath: path("pyhf"), withIntermediateDirectories: true)
        assertSuccess(try reach("export", ReachExecutable.packageRoot.appendingPathComponent("scenarios/\(stem).yaml").path,
                                "--hepdata", "hepdata", "--pyhf", "pyhf", "--statistics", "100000", "--quiet"))
        let data = path("hepdata/\(stem)-kpi0en-streams-limits.yaml")
        let files = ["\(stem)-kpi0en-streams-v1-150MeV.json", "\(stem)-kpi0en-streams-v2-250MeV.json", "\(stem)-kpi0en-streams-v1-290MeV.json"]
        for file in files {
            let workspace = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("pyhf/\(file)")))) as? [String: Any]
            let channels = (workspace?["channels"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            XCTAssertEqual(channels, ["kpi0en-dielectron", "kpi0en-1track"], file)
        }
        let run = try venv(python, [Self.checkers.appendingPathComponent("pyhf_expected_limits.py").path, "0.9"] + files.flatMap { [path("pyhf/\($0)"), data] })
        XCTAssertEqual(run.status, 0, run.output)
        let limits = try run.output.split(separator: "\n").filter { $0.hasPrefix("{") }.map { try JSONDecoder().decode(Limits.self, from: Data($0.utf8)) }
        XCTAssertEqual(limits.map(\.file), files)
        for point in limits {
            print("pyhf/reach combined expected CLs median \(point.file): pyhf \(point.median), reach \(point.reachMedian)")
            XCTAssertGreaterThan(point.background, 100, point.file)
            XCTAssertEqual(point.median / point.reachMedian, 1, accuracy: 0.002, point.file)
        }
    }

    func testTheSameInputExportsTheSameBytes() throws {
        try write(TestScenarios.small, to: "small.yaml")
        for run in ["1", "2"] {
            for kind in ["hepdata", "pyhf"] { try FileManager.default.createDirectory(atPath: path("\(kind)\(run)"), withIntermediateDirectories: true) }
            assertSuccess(try reach("export", "small.yaml", "--hepdata", "hepdata\(run)", "--pyhf", "pyhf\(run)", "--statistics", "20000", "--quiet"))
        }
        XCTAssertEqual(try FolderSnapshot(folder.appendingPathComponent("hepdata1")), try FolderSnapshot(folder.appendingPathComponent("hepdata2")))
        XCTAssertEqual(try FolderSnapshot(folder.appendingPathComponent("pyhf1")), try FolderSnapshot(folder.appendingPathComponent("pyhf2")))
        let names = try FileManager.default.contentsOfDirectory(atPath: path("hepdata1")).sorted()
        XCTAssertEqual(names, ["small-limits.yaml", "small.yaml", "submission.yaml"])
        XCTAssertEqual(try contents("hepdata1/small.yaml"), try contents("small.yaml"), "the scenario file, as an additional resource")
        let workspaces = try FileManager.default.contentsOfDirectory(atPath: path("pyhf1")).sorted()
        XCTAssertEqual(workspaces, ["small-v1-100MeV.json", "small-v1-110MeV.json", "small-v1-120MeV.json",
                                    "small-v1-130MeV.json", "small-v1-140MeV.json", "small-v1-150MeV.json"])
    }

    func testNothingToExportIsAUsageError() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let run = try reach("export", "small.yaml")
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("Error: nothing to export; expected --hepdata DIR, --pyhf DIR or both"), run.stderr)
    }

    func testAFolderThatIsAFileIsNamedAndNothingIsWritten() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try write("text", to: "plain")
        let run = try reach("export", "small.yaml", "--hepdata", "plain/sub", "--pyhf", "pyhf", "--quiet")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.errorLines, ["Error: --hepdata plain/sub: plain is a file, not a folder; expected a folder for the HEPData submission (created if missing)"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("pyhf")))
    }

    /// Missing folders are created with their parents, as `mkdir -p` does.
    func testMissingFoldersAreCreated() throws {
        try write(TestScenarios.small, to: "small.yaml")
        XCTAssertEqual(try reach("export", "small.yaml", "--pyhf", "out/pyhf", "--statistics", "20000", "--quiet").status, 0)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: path("out/pyhf")).isEmpty)
    }

    func testACrashBeforeTheRenamesLeavesNoSubmission() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try FileManager.default.createDirectory(atPath: path("hepdata"), withIntermediateDirectories: true)
        let run = try ReachExecutable.run(["export", "small.yaml", "--hepdata", "hepdata", "--statistics", "20000", "--quiet"], in: folder,
                                          environment: ["REACH_FAULT_INJECTION": "before-rename"])
        XCTAssertEqual(run.status, 70, run.stderr)
        let left = try FileManager.default.contentsOfDirectory(atPath: path("hepdata"))
        XCTAssertTrue(left.allSatisfy { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }, "only temporary files, no submission: \(left)")
    }
}
