import XCTest
@testable import Scenario
import References

/// Tables and curves a scenario names are read when it is loaded, by the readers the projection
/// and the figure use: what is not a regular file, or not a valid table or curve, is refused at
/// the key that names it. The scenario file itself is checked the same way, before it is opened.
final class NamedFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("named-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    private func write(_ name: String, _ text: String) -> String {
        XCTAssertTrue(FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8)))
        return path(name)
    }

    private func fifo(_ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
        process.arguments = [path(name)]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return path(name)
    }

    private let tableExpected = "expected a dN/dm2_miss table file (relative to the scenario's folder)"

    /// The error line for a scenario naming `table` as its background table.
    private func tableError(_ table: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let scenario = write("s.yaml", minimalScenario + "  background: { table: \(table), normalisation: per_kaon_decay }\n")
        switch ScenarioLoader.loadAll(path: scenario) {
        case .success: XCTFail("loaded", file: file, line: line); return ""
        case .failure(let errors):
            XCTAssertEqual(errors.errors.count, 1, "\(errors)", file: file, line: line)
            return errors.lines.first ?? ""
        }
    }

    /// The error line for a scenario naming `curve` as a user reference curve.
    private func curveError(_ curve: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let scenario = write("c.yaml", minimalScenario + "figure: { references: [ {file: \(curve), label: mine} ] }\n")
        switch ScenarioLoader.load(path: scenario) {
        case .success: XCTFail("loaded", file: file, line: line); return ""
        case .failure(let errors):
            XCTAssertEqual(errors.errors.count, 1, "\(errors)", file: file, line: line)
            return errors.lines.first ?? ""
        }
    }

    private var tableAt: String { "\(path("s.yaml")):12:24: base.background.table" }
    private var curveAt: String { "\(path("c.yaml")):12:32: figure.references[0].file" }

    func testADirectoryOrALinkLoopSaysSo() throws {
        XCTAssertEqual(tableError("tables"), "\(tableAt): file '\(path("tables"))' is a directory; \(tableExpected)")
        try FileManager.default.createSymbolicLink(atPath: path("a.csv"), withDestinationPath: path("b.csv"))
        try FileManager.default.createSymbolicLink(atPath: path("b.csv"), withDestinationPath: path("a.csv"))
        XCTAssertEqual(tableError("a.csv"), "\(tableAt): file '\(path("a.csv"))' is a symbolic link loop (links that lead back to themselves); \(tableExpected)")
        try FileManager.default.createSymbolicLink(atPath: path("gone.csv"), withDestinationPath: path("nothing.csv"))
        XCTAssertEqual(tableError("gone.csv"), "\(tableAt): file '\(path("gone.csv"))' is a symbolic link to a file that does not exist; \(tableExpected)")
    }

    func testDevicesFIFOsAndProcessStreamsAreNotRegularFiles() throws {
        XCTAssertEqual(tableError("/dev/null"), "\(tableAt): file '/dev/null' is not a regular file (a character device); \(tableExpected)")
        XCTAssertEqual(tableError("/dev/zero"), "\(tableAt): file '/dev/zero' is not a regular file (a character device); \(tableExpected)")
        XCTAssertEqual(tableError("/dev/stdin"), "\(tableAt): file '/dev/stdin' is not a regular file (a stream of the running process); \(tableExpected)")
        let pipe = try fifo("pipe.csv")
        XCTAssertEqual(tableError("pipe.csv"), "\(tableAt): file '\(pipe)' is not a regular file (a FIFO); \(tableExpected)")
        XCTAssertEqual(curveError("pipe.csv"), "\(curveAt): file '\(pipe)' is not a regular file (a FIFO); expected a curve file with columns mass_MeV,U2 (relative to the scenario's folder)")
        XCTAssertEqual(curveError("/dev/null"), "\(curveAt): file '/dev/null' is not a regular file (a character device); expected a curve file with columns mass_MeV,U2 (relative to the scenario's folder)")
    }

    /// A FIFO given as the scenario is refused without waiting for a writer.
    func testAFIFOAsTheScenarioDoesNotBlock() throws {
        let pipe = try fifo("scenario.yaml")
        XCTAssertEqual(ScenarioLoader.loadAll(path: pipe).failure?.lines,
                       ["\(pipe): is not a regular file (a FIFO); expected a scenario file in YAML (see scenarios/README.md)"])
        XCTAssertEqual(ScenarioLoader.loadAll(path: "/dev/null").failure?.lines,
                       ["/dev/null: is not a regular file (a character device); expected a scenario file in YAML (see scenarios/README.md)"])
    }

    func testTableContentIsCheckedAtLoad() {
        write("tables/empty.csv", "")
        XCTAssertEqual(tableError("tables/empty.csv"), "\(tableAt): file '\(path("tables/empty.csv"))' is empty; \(tableExpected)")
        write("tables/negative.csv", "m2_GeV2,dN_dm2_per_GeV2\n0,1\n1,-2\n")
        XCTAssertEqual(tableError("tables/negative.csv"),
                       "\(tableAt): file '\(path("tables/negative.csv"))' is not a valid table, line 3, column 2: dN/dm²_miss = -2 is negative (expected ≥ 0); expected a table as described in scenarios/README.md")
    }

    func testCurveContentIsCheckedAtLoad() {
        write("negative.csv", "mass_MeV,U2\n1,1e-6\n2,-1e-6\n")
        XCTAssertEqual(curveError("negative.csv"), "\(curveAt): file '\(path("negative.csv"))' is not a valid curve, line 3: U2 -1e-6 is not positive; expected |U|² > 0 (linear, not log10)")
        write("unitless.csv", "mass,U2\n1,1e-6\n2,1e-6\n")
        XCTAssertEqual(curveError("unitless.csv"), "\(curveAt): file '\(path("unitless.csv"))' is not a valid curve, line 1: header 'mass,U2' does not name the mass unit; expected 'mass_MeV,U2' or 'mass_GeV,U2'")
        write("three.csv", "mass_MeV,U2,error\n1,1e-6,0\n2,1e-6,0\n")
        XCTAssertEqual(curveError("three.csv"), "\(curveAt): file '\(path("three.csv"))' is not a valid curve, line 1: header 'mass_MeV,U2,error' has 3 columns; expected 2 columns, 'mass_MeV,U2' or 'mass_GeV,U2'")
    }

    /// A `reach limit --table` output (`kind: limit_table`) is read at load for the figure's
    /// |U|² columns, and refused at the line and column of a value the figure cannot draw.
    func testLimitTableContentIsCheckedAtLoad() {
        func tableError(_ table: String) -> String {
            let scenario = write("l.yaml", minimalScenario + "figure: { references: [ {file: \(table), label: mine, kind: limit_table} ] }\n")
            switch ScenarioLoader.load(path: scenario) {
            case .success: XCTFail("loaded"); return ""
            case .failure(let errors): XCTAssertEqual(errors.errors.count, 1, "\(errors)"); return errors.lines.first ?? ""
            }
        }
        let at = "\(path("l.yaml")):12:32: figure.references[0].file"
        let header = "mass_MeV,n_obs,n_exp,dn_exp," + ["ns", "br", "u2"].flatMap { prefix in ObservedLimitTable.columns(.u2).map { prefix + $0.dropFirst(2) } }.joined(separator: ",")
        let events = "10,8,4,6,11,15,", empty = ",,,,,"
        write("no-u2.csv", "\(header)\n200,5,4.5,0.5,\(events)\(empty),\(empty)\n201,5,4.5,0.5,\(events)\(empty),\(empty)\n")
        XCTAssertEqual(tableError("no-u2.csv"), "\(at): file '\(path("no-u2.csv"))' is not a valid limit table, line 2, column 17: u2_observed is empty; expected |U|² > 0 (linear, not log10) (`reach limit --table` leaves it empty without a conversion: an acceptance column with --kaon-decays, u2_ses or br_ses, and --channel)")
        write("curve.csv", "mass_MeV,U2\n200,1e-8\n201,1e-8\n")
        XCTAssertEqual(tableError("curve.csv"), "\(at): file '\(path("curve.csv"))' is not a valid limit table, line 1: header 'mass_MeV,U2' is not that of `reach limit --table`; expected 'mass_MeV,n_obs,n_exp,dn_exp,…'")
        XCTAssertEqual(tableError("missing.csv"), "\(at): file '\(path("missing.csv"))' not found; expected the CSV `reach limit --table` writes, with its u2_* columns filled (relative to the scenario's folder)")
        let u2 = "2e-8,1.5e-8,0.8e-8,1.1e-8,2.1e-8,3e-8"
        write("good.csv", "\(header)\n200,5,4.5,0.5,\(events)\(empty),\(u2)\n201,5,4.5,0.5,\(events)\(empty),\(u2)\n")
        let loaded = ScenarioLoader.load(path: write("g.yaml", minimalScenario + "figure: { references: [ {file: good.csv, label: mine, kind: limit_table} ] }\n"))
        XCTAssertEqual(try loaded.get().figure.references, [.limitTable(path: path("good.csv"), label: "mine")])
        XCTAssertEqual(try loaded.get().inputPaths.last, path("good.csv"), "an output may not overwrite it")
        XCTAssertEqual(ReferenceCurveFile.readLimitTable(path: path("curve.csv"), parameter: .u2).failure?.description,
                       "\(path("curve.csv")):1: header 'mass_MeV,U2' is not that of `reach limit --table`; expected 'mass_MeV,n_obs,n_exp,dn_exp,…'")
        XCTAssertEqual(ReferenceCurveFile.readLimitTable(path: path("no-u2.csv"), parameter: .u2).failure?.description.hasPrefix("\(path("no-u2.csv")):2:17: u2_observed is empty"), true)
    }

    /// The readers the projection and the figure call give the same verdict as loading.
    func testTheProjectionsReaderRefusesWhatLoadingRefuses() {
        XCTAssertEqual(BackgroundTableFile.read(path: "/dev/null").failure?.description,
                       "/dev/null: is not a regular file (a character device); expected a dN/dm2_miss background table (CSV)")
        XCTAssertEqual(ReferenceCurveFile.read(path: path("tables")).failure?.description,
                       "\(path("tables")): is a directory; expected a limit curve (CSV 'mass_MeV,U2')")
    }
}
