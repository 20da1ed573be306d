import Foundation
import XCTest

/// What a user sees before running anything: the version, the list of subcommands, and help
/// with a worked example for each.
final class HelpAndVersionTests: CLITestCase {
    static let subcommands = ["background", "branching", "export", "limit", "project", "references", "scan", "validate"]

    func testVersionPrintsASemanticVersion() throws {
        let run = try reach("--version")
        assertSuccess(run)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = version.split(separator: ".")
        XCTAssertEqual(parts.count, 3, version)
        XCTAssertTrue(parts.allSatisfy { Int($0) != nil }, version)
    }

    func testTopLevelHelpListsEverySubcommand() throws {
        let run = try reach("--help")
        assertSuccess(run)
        for name in Self.subcommands {
            XCTAssertTrue(run.stdout.contains("  \(name) "), "\(name) missing from:\n\(run.stdout)")
        }
    }

    func testEverySubcommandHelpShowsAnExampleOfItself() throws {
        for name in Self.subcommands {
            let run = try reach(name, "--help")
            assertSuccess(run)
            XCTAssertTrue(run.stdout.contains("Example"), "\(name) --help has no example")
            // The example is a command line of this very subcommand.
            XCTAssertTrue(run.stdout.contains("reach \(name) "), "\(name) --help example does not run \(name)")
            XCTAssertTrue(run.stdout.contains("USAGE: reach \(name)"), name)
        }
    }

    func testUnknownSubcommandFails() throws {
        let run = try reach("projcet", "x.yaml")
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("Error:"), run.stderr)
    }
}
