import XCTest
import Physics
@testable import References

final class ReferenceLibraryTests: XCTestCase {
    private func library() throws -> ReferenceLibrary { try ReferenceLibrary.bundled.get() }

    /// Every curve the manifest lists is bundled, with the point count the manifest records.
    func testBundledLibraryHasAllManifestCurves() throws {
        let lib = try library()
        XCTAssertEqual(lib.curves(flavour: .electron).count, 7)
        XCTAssertEqual(lib.curves(flavour: .muon).count, 7)
        XCTAssertEqual(lib.curve(id: "pienu_2018", flavour: .electron)?.massesMeV.count, 208)
        XCTAssertEqual(lib.curve(id: "na62_2020", flavour: .electron)?.massesMeV.count, 264)
    }

    /// Facts from the manifest: NA62 2020 reaches 3.47e-10 at 349.7 MeV over 144–462 MeV;
    /// BBN is a lower bound; the alias `bbn` finds it.
    func testProvenanceAndValues() throws {
        let lib = try library()
        let na62 = try XCTUnwrap(lib.curve(id: "na62_2020", flavour: .electron))
        XCTAssertEqual(na62.massRangeMeV.lowerBound, 144, accuracy: 1e-9)
        XCTAssertEqual(na62.massRangeMeV.upperBound, 462, accuracy: 1e-9)
        XCTAssertEqual(na62.u2.min()!, 3.47e-10, accuracy: 0.01e-10)
        XCTAssertEqual(na62.arxiv, "2005.09575")
        XCTAssertEqual(lib.curve(id: "bbn", flavour: .muon)?.kind, .lowerBound)
        XCTAssertTrue(lib.knownIDs[.electron]!.contains("bbn"))
        XCTAssertNil(lib.curve(id: "e949_2015", flavour: .electron))
    }

    func testTableErrorsNameTheLine() {
        XCTAssertEqual(LimitCurveTable.parse("mass,U2\n1,2\n").failure?.line, 1)
        XCTAssertEqual(LimitCurveTable.parse("mass_MeV,U2\n1,1e-6\n2,-1\n").failure?.line, 3)
        XCTAssertEqual(LimitCurveTable.parse("mass_MeV,U2\n2,1e-6\n1,1e-6\n").failure?.line, 3)
        XCTAssertEqual(LimitCurveTable.parse("mass_MeV,U2\n1,1e-6\nx,1\n").failure?.line, 3)
    }

    /// A manifest of another format version is refused, not half read.
    func testManifestFormatVersionIsChecked() throws {
        let bundled = try XCTUnwrap(Bundle.module.url(forResource: "reference-limits", withExtension: nil, subdirectory: nil)
            ?? Bundle.allBundles.compactMap { $0.url(forResource: "reference-limits", withExtension: nil) }.first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reach-manifest-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: bundled, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertNoThrow(try ReferenceLibrary.load(folder: folder).get(), "the copy loads as it is")
        let manifest = folder.appendingPathComponent("manifest.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: "format_version: 1", with: "format_version: 2").write(to: manifest, atomically: true, encoding: .utf8)
        XCTAssertEqual(ReferenceLibrary.load(folder: folder).failure,
                       .formatVersion(path: manifest.path, found: 2, expected: 1))
    }

    func testGeVHeaderConvertsToMeV() throws {
        let table = try LimitCurveTable.parse("mass_GeV,U2\n0.1,1e-6\n0.2,2e-6\n").get()
        XCTAssertEqual(table.massesMeV, [100, 200])
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}

/// A table with more columns than mass and |U|² says which two it expected.
final class LimitCurveColumnTests: XCTestCase {
    func testThreeColumnsAreNamed() {
        XCTAssertEqual(LimitCurveTable.parse("mass_MeV,U2,err\n1,1e-6,0\n2,1e-6,0\n").failure?.description,
                       "line 1: header 'mass_MeV,U2,err' has 3 columns; expected 2 columns, 'mass_MeV,U2' or 'mass_GeV,U2'")
        XCTAssertEqual(LimitCurveTable.parse("mass_MeV,U2\n1,1e-6\n2,1e-6,0\n").failure?.description,
                       "line 3: '2,1e-6,0' has 3 values; expected 2, 'mass,U2'")
    }
}
