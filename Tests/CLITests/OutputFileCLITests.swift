import Foundation
import XCTest

/// `-o PATH`: a file appears only when the command succeeds, whole; a failing command leaves an
/// earlier file untouched; a destination that cannot be written is refused before any work.
final class OutputFileCLITests: CLITestCase {
    private func prepareScenarios() throws {
        try write(TestScenarios.small, to: "small.yaml")
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
    }

    /// The names in the test folder (hidden temporary files included).
    private func folderListing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testAFailingRunLeavesTheEarlierFileUntouched() throws {
        try prepareScenarios()
        let good = try reach("project", "small.yaml", "--statistics", "20000", "-o", "out.csv", "--quiet")
        assertSuccess(good)
        let before = try contents("out.csv")
        XCTAssertTrue(String(decoding: before, as: UTF8.self).hasPrefix("variant,mass_MeV,"))
        let failures: [[String]] = [
            ["project", "missing.yaml", "-o", "out.csv"],
            ["project", "small.yaml", "--variant", "9", "--statistics", "20000", "-o", "out.csv"],
            ["project", "small.yaml", "--statistics", "10", "-o", "out.csv"],
            ["background", "small.yaml", "--bin-width", "1e-12 GeV^2", "--statistics", "20000", "-o", "out.csv"],
            ["scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle", "--values", "30mrad,40", "-o", "out.csv"],
            ["scan", "small.yaml", "--mass", "500MeV", "--parameter", "detector.veto.hermetic_angle", "--values", "30mrad", "-o", "out.csv"],
        ]
        for arguments in failures {
            let run = try ReachExecutable.run(arguments, in: folder)
            XCTAssertNotEqual(run.status, 0, arguments.joined(separator: " "))
            XCTAssertEqual(try contents("out.csv"), before, "changed by: \(arguments.joined(separator: " "))")
        }
        XCTAssertEqual(try folderListing(), ["flat.csv", "out.csv", "small.yaml", "table.yaml"], "no temporary or partial files")
    }

    func testASucceedingRunReplacesTheFileWhole() throws {
        try prepareScenarios()
        try write("old content\n", to: "out.csv")
        let run = try reach("scan", "small.yaml", "--mass", "135MeV", "--parameter", "detector.veto.hermetic_angle",
                            "--values", "30mrad,60mrad", "--statistics", "20000", "-o", "out.csv", "--quiet")
        assertSuccess(run)
        let text = String(decoding: try contents("out.csv"), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("value,unit,u2_detection,"), text)
        XCTAssertEqual(text.split(separator: "\n").count, 3)
        XCTAssertEqual(try folderListing(), ["flat.csv", "out.csv", "small.yaml", "table.yaml"])
    }

    func testMissingOutputFolder() throws {
        try prepareScenarios()
        assertFailure(try reach("project", "small.yaml", "-o", "results/out.csv"), status: 1,
                      message: "Error: results/out.csv: folder results does not exist; expected an existing, writable folder")
        try write("", to: "results")
        assertFailure(try reach("project", "small.yaml", "-o", "results/out.csv"), status: 1,
                      message: "Error: results/out.csv: results is a file, not a folder; expected an existing, writable folder")
    }

    func testOutputPathNamingAFolder() throws {
        try prepareScenarios()
        try FileManager.default.createDirectory(atPath: path("tables"), withIntermediateDirectories: false)
        assertFailure(try reach("project", "small.yaml", "-o", "tables"), status: 1, message: "Error: tables: is a folder; expected a file path")
        assertFailure(try reach("background", "small.yaml", "-o", "new/"), status: 1,
                      message: "Error: new/: names a folder; expected a file path such as new/table.csv")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("new")))
    }

    /// A read-only folder (or, for root, who may write anywhere on disk, /proc).
    func testUnwritableOutputFolder() throws {
        try prepareScenarios()
        let readOnly = path("read-only")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly) }
        var target = readOnly
        if FileManager.default.isWritableFile(atPath: readOnly) {
            #if os(Linux)
            target = "/proc"
            #else
            throw XCTSkip("running with permission to write into a read-only folder")
            #endif
        }
        assertFailure(try reach("project", "small.yaml", "--statistics", "20000", "-o", target + "/out.csv", "--quiet"), status: 1,
                      message: "Error: \(target)/out.csv: cannot write in \(target); expected a writable folder")
    }
}
