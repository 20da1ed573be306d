import XCTest
import Physics
@testable import Scenario

/// Files with several scenario documents separated by `---`: every document decodes with
/// positions in the whole file, names tell them apart, and single-document files are unchanged.
final class MultiDocumentTests: XCTestCase {
    /// A second, valid document (K+ -> mu+ N) to follow `minimalScenario`.
    private let muonDocument = """
        title: Muon
        channel: K+ -> mu+ N
        masses: { from: 200 MeV, to: 380 MeV, step: 2 MeV }
        base:
          exposure:
            streams:
              - { name: minimum bias, effective_kaon_decays: 1.14e10 }
          detector:
            resolution: 1.5e-3 GeV^2
            veto: { hermetic_angle: 50 mrad, inefficiency: 1e-3 }
            signal_acceptance: 0.3

        """

    private func decodeAll(_ yaml: String) -> Result<[ScenarioFile], ScenarioErrors> {
        ScenarioDecoder.decodeAll(text: yaml, path: "t.yaml", baseDirectory: "/scenarios")
    }

    private func allErrorLines(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch decodeAll(yaml) {
        case .success: XCTFail("decoded without errors", file: file, line: line); return []
        case .failure(let errors): return errors.lines
        }
    }

    func testTwoDocumentsDecodeInFileOrderWithDefaultNames() throws {
        let documents = try decodeAll(minimalScenario + "---\n" + muonDocument).get()
        XCTAssertEqual(documents.map(\.channel), [.kaonToPi0ElectronN, .kaonToMuonN])
        XCTAssertEqual(documents.map(\.title), ["Minimal", "Muon"])
        XCTAssertEqual(documents.map(\.name), [nil, nil])
        XCTAssertEqual(documents.map(\.documentName), ["kpi0en", "kmun"])
        XCTAssertEqual(documents[1].variants.first?.exposure.effectiveKaonDecays, 1.14e10)
        XCTAssertEqual(documents.map(\.path), ["t.yaml", "t.yaml"])
    }

    /// Every default name is a distinct slug of the allowed form.
    func testDefaultNamesAreDistinctValidSlugs() {
        let names = Channel.allCases.map(ScenarioFile.defaultName(for:))
        XCTAssertEqual(Set(names).count, Channel.allCases.count)
        XCTAssertTrue(names.allSatisfy(DocumentNameDecoding.isValid), "\(names)")
        XCTAssertEqual(ScenarioFile.defaultName(for: .kaonToPi0MuonN), "kpi0mun")
    }

    /// Errors in the second document are located by their line in the whole file, and the first
    /// document's errors are reported too, in file order.
    func testErrorsOfEveryDocumentAtFileAbsolutePositions() {
        let first = replacingLine(containing: "signal_acceptance: 0.1", with: "    signal_acceptance: 1.5")
        let second = replacingLine(containing: "resolution: 1.5e-3 GeV^2", with: "    resolution: 1.5e-3 MeV", in: muonDocument)
        let yaml = first + "---\n" + second
        let lines = allErrorLines(yaml)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("t.yaml:\(location(of: "1.5", in: yaml)): base.detector.signal_acceptance:"), lines[0])
        // The second document starts at line 13; its resolution is on its line 9.
        XCTAssertEqual(location(of: "1.5e-3 MeV", in: yaml), "21:17")
        XCTAssertTrue(lines[1].hasPrefix("t.yaml:21:17: base.detector.resolution: "), lines[1])
    }

    /// A syntax error in a later document still lets the earlier ones be checked.
    func testSyntaxErrorInTheSecondDocumentKeepsTheFirstDocumentsErrors() {
        let first = replacingLine(containing: "title: Minimal", with: "title:")
        let yaml = first + "---\ntitle: [unclosed\n"
        let lines = allErrorLines(yaml)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("t.yaml:1:7: title: no value"), lines[0])
        XCTAssertTrue(lines[1].contains("YAML syntax error"), lines[1])
        XCTAssertTrue(lines[1].hasPrefix("t.yaml:14:"), lines[1])
    }

    func testTwoDocumentsOfOneChannelNeedNames() {
        let yaml = minimalScenario + "---\n" + minimalScenario
        XCTAssertEqual(allErrorLines(yaml), [
            "t.yaml:\(location(of: "K+ -> pi0 e+ N", in: yaml, occurrence: 2)): channel: 'kpi0en' (the default name of a K+ -> pi0 e+ N document) "
                + "is already the default name of the document at line 1; expected a distinct 'name:' for each document of the same channel",
        ])
        let named = "name: baseline\n" + minimalScenario + "---\nname: veto-upgrade\n" + minimalScenario
        XCTAssertEqual(try decodeAll(named).get().map(\.documentName), ["baseline", "veto-upgrade"])
        // One named, one not: distinct too.
        let half = minimalScenario + "---\nname: kpi0en-2\n" + minimalScenario
        XCTAssertEqual(try decodeAll(half).get().map(\.documentName), ["kpi0en", "kpi0en-2"])
    }

    func testDuplicateWrittenNamesAreAnError() {
        let yaml = "name: study\n" + minimalScenario + "---\nname: study\n" + muonDocument
        XCTAssertEqual(allErrorLines(yaml), [
            "t.yaml:\(location(of: "study", in: yaml, occurrence: 2)): name: 'study' (this document's name) is already the name of the document at line 1; expected a name used by one document of the file",
        ])
        // A written name may not take another document's default either.
        let clash = minimalScenario + "---\nname: kpi0en\n" + muonDocument
        XCTAssertEqual(allErrorLines(clash).count, 1)
    }

    func testNamesMustBeSlugs() {
        for bad in ["KPi0en", "-x", "a b", "a_b", "naïve", "\"\"", String(repeating: "a", count: 41)] {
            let lines = allErrorLines("name: \(bad)\n" + minimalScenario)
            XCTAssertEqual(lines.count, 1, "\(bad): \(lines)")
            XCTAssertTrue(lines.first?.hasPrefix("t.yaml:1:7: name: ") ?? false, "\(bad): \(lines)")
        }
        for good in ["kpi0en", "hike-2030", "0", String(repeating: "a", count: 40)] {
            XCTAssertEqual(try decodeAll("name: \(good)\n" + minimalScenario).get().first?.name, good)
        }
    }

    /// `decode` reads one document: a file with several is refused at the second one.
    func testSingleDocumentDecodeRefusesSeveral() {
        let yaml = minimalScenario + "---\n" + muonDocument
        let lines = errorLines(yaml)
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("t.yaml:13:1: the file holds 2 scenario documents (separated by '---'), but this reads one; expected "), lines[0])
    }

    /// A one-document file decodes the same through both entry points, `---` markers or not,
    /// and its name stays unwritten.
    func testSingleDocumentFilesUnchanged() throws {
        let one = try XCTUnwrap(decoded(minimalScenario))
        for text in [minimalScenario, "---\n" + minimalScenario, minimalScenario + "---\n", "# comment\n---\n" + minimalScenario + "...\n"] {
            let all = try decodeAll(text).get()
            XCTAssertEqual(all.count, 1, text)
            let single = try XCTUnwrap(decoded(text))
            for file in [all[0], single] {
                XCTAssertNil(file.name)
                XCTAssertEqual(file.title, one.title)
                XCTAssertEqual(file.channel, one.channel)
                XCTAssertEqual(file.masses, one.masses)
                XCTAssertEqual(file.variants.map(\.label), one.variants.map(\.label))
                XCTAssertEqual(file.variants.map(\.exposure), one.variants.map(\.exposure))
                XCTAssertEqual(file.figure, one.figure)
            }
        }
        XCTAssertEqual(try XCTUnwrap(decoded("name: mine\n" + minimalScenario)).documentName, "mine")
    }

    func testSummaryOfSeveralDocumentsNamesEach() throws {
        let documents = try decodeAll(minimalScenario + "---\n" + muonDocument).get()
        let lines = ScenarioSummary.lines(forDocuments: documents)
        XCTAssertEqual(lines.first, "t.yaml: 2 scenario documents: kpi0en, kmun")
        XCTAssertTrue(lines.contains("t.yaml [kpi0en]: valid"))
        XCTAssertTrue(lines.contains("t.yaml [kmun]: valid"))
        XCTAssertEqual(ScenarioSummary.lines(forDocuments: [documents[0]]), ScenarioSummary.lines(for: documents[0]))
    }
}
