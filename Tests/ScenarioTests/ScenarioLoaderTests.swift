import XCTest
@testable import Scenario

/// Reading from disk: file-level problems are one line each without a position, relative paths
/// resolve against the scenario's folder, and named files must exist.
final class ScenarioLoaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ name: String, _ data: Data) -> String {
        let url = folder.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: data))
        return url.path
    }

    private func loadErrors(_ path: String) -> [String] {
        switch ScenarioLoader.load(path: path) {
        case .success: XCTFail("loaded"); return []
        case .failure(let errors): return errors.lines
        }
    }

    func testFileLevelProblems() {
        let missing = folder.appendingPathComponent("none.yaml").path
        XCTAssertEqual(loadErrors(missing), ["\(missing): no such file; expected a scenario file in YAML (see scenarios/README.md)"])
        XCTAssertEqual(loadErrors(folder.path), ["\(folder.path): is a directory; expected a scenario file in YAML (see scenarios/README.md)"])
        let empty = write("empty.yaml", Data())
        XCTAssertEqual(loadErrors(empty), ["\(empty): is empty; expected a scenario file in YAML (see scenarios/README.md)"])
        let binary = write("binary.yaml", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]))
        XCTAssertEqual(loadErrors(binary), ["\(binary): contains NUL bytes (a binary file?); expected a text file in UTF-8"])
        let latin1 = write("latin1.yaml", Data("title: Daß\n".utf8.map { $0 }.dropLast(3) + [0xDF, 0x0A]))
        XCTAssertEqual(loadErrors(latin1), ["\(latin1): is not valid UTF-8 text; expected a text file in UTF-8"])
        let huge = write("huge.yaml", Data(repeating: 0x20, count: ScenarioLoader.maximumFileBytes + 1))
        XCTAssertEqual(loadErrors(huge), ["\(huge): is larger than 1000000 bytes; expected a scenario file of at most 1 MB"])
    }

    func testTablesResolveAgainstTheScenarioFolderAndMustExist() throws {
        _ = write("tables/bkg.csv", Data("m2_GeV2,dN_dm2_per_GeV2\n0,1\n1,1\n".utf8))
        let good = write("good.yaml", Data((minimalScenario + "  background: { table: tables/bkg.csv, normalisation: per_kaon_decay }\n").utf8))
        let file = try ScenarioLoader.load(path: good).get()
        let expected = folder.appendingPathComponent("tables/bkg.csv").standardizedFileURL.path
        XCTAssertEqual(file.variants[0].background, [BackgroundComponent(.table(path: expected, normalisation: .perKaonDecay))])

        let bad = write("bad.yaml", Data((minimalScenario + "  background: { table: tables/nope.csv, normalisation: per_kaon_decay }\n").utf8))
        let missing = folder.appendingPathComponent("tables/nope.csv").standardizedFileURL.path
        XCTAssertEqual(loadErrors(bad), ["\(bad):12:24: base.background.table: file '\(missing)' not found; expected a dN/dm2_miss table file (relative to the scenario's folder)"])
    }

    /// A directory named like a table is not a table.
    func testADirectoryIsNotATable() {
        let yaml = write("dir.yaml", Data((minimalScenario + "  background: { table: tables, normalisation: per_kaon_decay }\n").utf8))
        XCTAssertEqual(loadErrors(yaml).count, 1)
    }
}
