import XCTest
import Physics
@testable import Scenario

/// `combine:` documents: their parts, variants and the errors a user meets, each naming the
/// entry, the value and what was expected.
final class CombinationDecodingTests: XCTestCase {
    private let electron = minimalScenario.replacingOccurrences(of: "title: Minimal", with: "title: Minimal\nname: one")
        + "variants:\n  - label: A\n  - label: B\n"
    private let second = minimalScenario.replacingOccurrences(of: "title: Minimal", with: "title: Second\nname: two")

    private func decodeAll(_ yaml: String) -> Result<[ScenarioFile], ScenarioErrors> {
        ScenarioDecoder.decodeAll(text: yaml, path: "t.yaml", baseDirectory: "/scenarios")
    }

    private func errors(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        switch decodeAll(yaml) {
        case .success: XCTFail("decoded without errors", file: file, line: line); return []
        case .failure(let errors): return errors.lines
        }
    }

    func testCombinationTakesEachLabelFromEveryPart() throws {
        let yaml = electron + "---\n" + second + "---\ntitle: Both\nname: both\ncombine: [one, two]\n"
        let documents = try decodeAll(yaml).get()
        XCTAssertEqual(documents.map(\.documentName), ["one", "two", "both"])
        let combination = try XCTUnwrap(documents[2].combination)
        XCTAssertEqual(combination.parts.map(\.document.documentName), ["one", "two"])
        XCTAssertEqual(documents[2].variants.map(\.label), ["A", "B"])
        XCTAssertEqual(combination.parts.map(\.variantIndices), [[0, 1], [0, 0]], "a part with one variant serves every label")
        XCTAssertEqual(documents[2].channel, .kaonToPi0ElectronN)
        XCTAssertEqual(combination.parts[1].document.masses, documents[0].masses)
        XCTAssertTrue(ScenarioSummary.lines(for: documents[2]).contains { $0.contains("combines: 'one'") })
    }

    func testUnknownRepeatedAndSingleParts() {
        let unknown = errors(electron + "---\n" + second + "---\ntitle: Both\ncombine: [one, tow]\n")
        XCTAssertTrue(unknown.contains { $0.contains("no document of this file is named 'tow'") && $0.contains("two") }, "\(unknown)")
        let repeated = errors(electron + "---\ntitle: Both\ncombine: [one, one]\n")
        XCTAssertTrue(repeated.contains { $0.contains("'one' is combined twice") }, "\(repeated)")
        let single = errors(electron + "---\ntitle: Both\ncombine: [one]\n")
        XCTAssertTrue(single.contains { $0.contains("at least two documents, found 1") }, "\(single)")
        let scalar = errors(electron + "---\ntitle: Both\ncombine: one\n")
        XCTAssertTrue(scalar.contains { $0.contains("combine") && $0.contains("a list of the names") }, "\(scalar)")
    }

    func testPartsMustShareTheParameterAndTheLabels() {
        let muon = second.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> mu+ N")
        let flavour = errors(electron + "---\n" + muon + "---\ntitle: Both\ncombine: [one, two]\n")
        XCTAssertTrue(flavour.contains { $0.contains("combine[1]") && $0.contains("|U_mu|²") && $0.contains("|U_e|²") }, "\(flavour)")
        let labelled = second + "variants:\n  - label: C\n  - label: D\n"
        let labels = errors(electron + "---\n" + labelled + "---\ntitle: Both\ncombine: [one, two]\n")
        XCTAssertTrue(labels.contains { $0.contains("'two' has no variant labelled 'A' (its variants: C, D)") }, "\(labels)")
        let shape = second + "  analysis: { statistic: shape }\n"
        let shaped = errors(electron + "---\n" + shape + "---\ntitle: Both\ncombine: [one, two]\n")
        XCTAssertTrue(shaped.contains { $0.contains("statistic: shape") }, "\(shaped)")
        let keys = errors(electron + "---\n" + second + "---\ntitle: Both\ncombine: [one, two]\nchannel: K+ -> e+ N\n")
        XCTAssertTrue(keys.contains { $0.contains("unknown key") }, "\(keys)")
    }
}

/// `figure.envelope` names two distinct variants; `envelope_label` needs an envelope.
final class EnvelopeDecodingTests: XCTestCase {
    private let twoVariants = minimalScenario + "variants:\n  - label: A\n  - label: B\n"

    func testEnvelopeNamesTwoVariants() throws {
        let file = try decode(twoVariants + "figure:\n  envelope: [A, B]\n  envelope_label: between\n").get()
        XCTAssertEqual(file.figure.envelope, FigureSettings.Envelope(first: "A", second: "B", label: "between"))
        XCTAssertTrue(errorLines(twoVariants + "figure:\n  envelope: [A]\n").contains { $0.contains("found 1 entry") })
        XCTAssertTrue(errorLines(twoVariants + "figure:\n  envelope: [A, A]\n").contains { $0.contains("'A' bounds the envelope twice") })
        XCTAssertTrue(errorLines(twoVariants + "figure:\n  envelope: [A, C]\n").contains { $0.contains("envelope[1]") && $0.contains("'C'") })
        XCTAssertTrue(errorLines(twoVariants + "figure:\n  envelope_label: x\n").contains { $0.contains("an envelope label without an envelope") })
    }
}
