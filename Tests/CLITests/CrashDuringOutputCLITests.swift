import Foundation
import XCTest

/// A crash while results are being written never leaves a part of a file at a destination.
///
/// `reach` writes each output whole to a temporary file `.NAME.PID-N.tmp` in the destination's
/// folder, and only when every one is written renames them over their destinations: the rename
/// is the commit point. These tests crash the process (`REACH_FAULT_INJECTION`, through the
/// fatal-signal path: exit status 70) at the two moments around it and compare every destination
/// byte for byte:
///
/// - `before-rename` (all temporary files written, none renamed): every destination is exactly as
///   it was — absent, or the earlier file.
/// - `after-first-rename` (one of several renamed): each destination is either as it was or the
///   whole new file an uninterrupted run writes; so a crash may leave some figures of a
///   multi-document file new and the others old, each of them whole.
///
/// Nothing runs after the crash, so the crashed process's temporary files stay behind. That is
/// allowed; what is checked is that they are only ever at their own `.NAME.PID-N.tmp` paths,
/// never at a destination's, and that each holds the whole of its file.
final class CrashDuringOutputCLITests: CLITestCase {
    private let quick = ["--statistics", "20000", "--quiet"]

    private func crashed(_ run: ReachExecutable.Run, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.terminationReason, .exit, run.stderr, file: file, line: line)
        XCTAssertEqual(run.status, 70, run.stderr, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("reach: internal error: the process received a fatal signal"), run.stderr, file: file, line: line)
    }

    private func run(_ arguments: [String]) throws -> ReachExecutable.Run { try ReachExecutable.run(arguments, in: folder) }

    private func injected(_ point: String, _ arguments: [String]) throws -> ReachExecutable.Run {
        try ReachExecutable.run(arguments, in: folder, environment: ["REACH_FAULT_INJECTION": point])
    }

    /// The names in `subfolder` of the test folder, hidden ones included.
    private func names(in subfolder: String = ".") throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: path(subfolder)))
    }

    /// The temporary files in `subfolder`, by the destination they were written for.
    private func temporaries(in subfolder: String = ".") throws -> [String: Data] {
        let pattern = try NSRegularExpression(pattern: #"^\.(.+)\.[0-9]+-[0-9]+\.tmp$"#)
        var found: [String: Data] = [:]
        for name in try names(in: subfolder) {
            guard let match = pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)),
                  let destination = Range(match.range(at: 1), in: name) else { continue }
            XCTAssertNil(found[String(name[destination])], "two temporary files for \(name[destination])")
            found[String(name[destination])] = try contents("\(subfolder)/\(name)")
        }
        return found
    }

    private func removeTemporaries(in subfolder: String) throws {
        for name in try names(in: subfolder) where name.hasSuffix(".tmp") {
            try FileManager.default.removeItem(atPath: path("\(subfolder)/\(name)"))
        }
    }

    // MARK: - One table

    func testACrashBeforeTheRenameWritesNoTable() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let project = ["project", "small.yaml", "--seed", "2", "-o", "out.csv"] + quick
        crashed(try injected("before-rename", project))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.csv")), "no table, not even an empty one")
        let left = try temporaries(), listing = try names()
        XCTAssertEqual(Set(left.keys), ["out.csv"], "\(listing)")
        XCTAssertEqual(listing.count, 2, "small.yaml and the one temporary file: \(listing)")

        assertSuccess(try run(project))
        XCTAssertEqual(left["out.csv"], try contents("out.csv"), "the temporary file was written whole before the crash")
    }

    func testACrashBeforeTheRenameLeavesTheEarlierTable() throws {
        try write(TestScenarios.small, to: "small.yaml")
        assertSuccess(try run(["project", "small.yaml", "--seed", "1", "-o", "out.csv"] + quick))
        let earlier = try contents("out.csv")
        assertSuccess(try run(["project", "small.yaml", "--seed", "2", "-o", "new.csv"] + quick))
        let new = try contents("new.csv")
        XCTAssertNotEqual(new, earlier, "the two seeds must give different tables, or the test could not tell them apart")

        crashed(try injected("before-rename", ["project", "small.yaml", "--seed", "2", "-o", "out.csv"] + quick))
        XCTAssertEqual(try contents("out.csv"), earlier, "the earlier table, byte for byte")
        XCTAssertEqual(try temporaries(), ["out.csv": new])

        // Once the rename is done, the new table is in place whole, and its temporary file is gone.
        try removeTemporaries(in: ".")
        crashed(try injected("after-first-rename", ["project", "small.yaml", "--seed", "2", "-o", "out.csv"] + quick))
        XCTAssertEqual(try contents("out.csv"), new)
        XCTAssertEqual(try temporaries(), [:])
    }

    // MARK: - The figures of a multi-document file

    private let figures = ["two-first.svg", "two-second.svg"]

    /// `two.yaml`, of two documents, plotted with `seed` into `subfolder`: each figure's bytes.
    private func plot(seed: String, into subfolder: String, injecting point: String? = nil) throws -> ReachExecutable.Run {
        let arguments = ["plot", "two.yaml", "--seed", seed, "--format", "svg", "-o", subfolder] + quick
        return try point.map { try injected($0, arguments) } ?? run(arguments)
    }

    private func figureBytes(in subfolder: String) throws -> [String: Data] {
        Dictionary(uniqueKeysWithValues: try figures.map { ($0, try contents("\(subfolder)/\($0)")) })
    }

    private func prepareTwoDocuments() throws -> (earlier: [String: Data], new: [String: Data]) {
        try write("name: first\n" + TestScenarios.small + "---\nname: second\n" + TestScenarios.small, to: "two.yaml")
        for subfolder in ["figs", "new", "empty"] {
            try FileManager.default.createDirectory(atPath: path(subfolder), withIntermediateDirectories: false)
        }
        assertSuccess(try plot(seed: "1", into: "figs"))
        assertSuccess(try plot(seed: "2", into: "new"))
        let (earlier, new) = (try figureBytes(in: "figs"), try figureBytes(in: "new"))
        for name in figures {
            XCTAssertNotEqual(earlier[name], new[name], "\(name): the two seeds must draw different figures")
        }
        return (earlier, new)
    }

    func testACrashBeforeTheRenamesLeavesEveryFigureAsItWas() throws {
        let (earlier, new) = try prepareTwoDocuments()

        crashed(try plot(seed: "2", into: "figs", injecting: "before-rename"))
        XCTAssertEqual(try figureBytes(in: "figs"), earlier, "every earlier figure, byte for byte")
        XCTAssertEqual(try temporaries(in: "figs"), new, "one whole temporary file per figure, none at a figure's path")

        crashed(try plot(seed: "2", into: "empty", injecting: "before-rename"))
        XCTAssertEqual(try names(in: "empty").filter { !$0.hasPrefix(".") }, [], "no figure where there was none")
        XCTAssertEqual(try temporaries(in: "empty"), new)
    }

    func testACrashBetweenTheRenamesLeavesEachFigureWhole() throws {
        let (earlier, new) = try prepareTwoDocuments()

        crashed(try plot(seed: "2", into: "figs", injecting: "after-first-rename"))
        let after = try figureBytes(in: "figs")
        let replaced = figures.filter { after[$0] == new[$0] }
        let kept = figures.filter { after[$0] == earlier[$0] }
        XCTAssertEqual(replaced.count, 1, "exactly the first figure is new")
        XCTAssertEqual(Set(replaced + kept), Set(figures), "every figure is the earlier one or the new one, whole")
        // The figure not yet renamed is whole in its temporary file; the renamed one has none.
        XCTAssertEqual(try temporaries(in: "figs"), Dictionary(uniqueKeysWithValues: kept.map { ($0, new[$0]!) }))
    }
}
