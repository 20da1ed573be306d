import XCTest
import Physics
@testable import Scenario

/// The examples in scenarios/README.md are complete scenario files: each ```yaml block decodes,
/// the one-document ones cover every channel, and the multi-document one names its documents.
final class ReadmeExampleTests: XCTestCase {
    private func readmeExamples() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// Four one-document examples, one per channel, and one file with two documents.
    func testEveryExampleDecodesAndEveryChannelHasOne() throws {
        let examples = try readmeExamples()
        XCTAssertEqual(examples.count, 5)
        var channels: Set<Channel> = []
        var documentNames: [[String]] = []
        for (index, yaml) in examples.enumerated() {
            switch ScenarioDecoder.decodeAll(text: yaml, path: "README example \(index + 1)", baseDirectory: "/scenarios") {
            case .success(let files):
                if files.count == 1 { channels.insert(files[0].channel) }
                documentNames.append(files.map(\.documentName))
                XCTAssertTrue(files.allSatisfy { !$0.variants.isEmpty })
            case .failure(let errors):
                XCTFail("README example \(index + 1) does not decode:\n\(errors)")
            }
        }
        XCTAssertEqual(channels, Set(Channel.allCases))
        XCTAssertEqual(documentNames.filter { $0.count > 1 }, [["pi0e-run1", "kpi0mun"]])
    }

    /// The seed-001 example states Sec. V's numbers: 3e10 for Run 1 and 1.4e11 for 2016-2024;
    /// the dedicated trigger removes the prescale of 150 from 2021-2024 (6e10 x 150 = 9e12).
    func testSeed001ExampleHasThePublishedExposures() throws {
        let example = try XCTUnwrap(readmeExamples().first { $0.contains("channel: K+ -> pi0 e+ N") })
        let file = try ScenarioDecoder.decode(text: example, path: "seed001").get()
        let nK = Dictionary(uniqueKeysWithValues: file.variants.map { ($0.label, $0.exposure.effectiveKaonDecays) })
        XCTAssertEqual(nK["Run 1 data"] ?? 0, 3e10, accuracy: 1e10 * 1e-12)
        XCTAssertEqual(nK["2016-2024"] ?? 0, 1.4e11, accuracy: 1e11 * 1e-12)
        XCTAssertEqual(nK["dedicated trigger"] ?? 0, 3e10 + 9e12, accuracy: 1e12 * 1e-12)
    }

    /// The seed-000 example: N_K = 1.14e10, sigma(m2) = 1.5e-3 GeV^2, masses 200-384 MeV.
    func testSeed000ExampleHasThePublishedNumbers() throws {
        let example = try XCTUnwrap(readmeExamples().first { $0.contains("channel: K+ -> mu+ N") })
        let file = try ScenarioDecoder.decode(text: example, path: "seed000").get()
        XCTAssertEqual(file.variants[0].exposure.effectiveKaonDecays, 1.14e10)
        XCTAssertEqual(file.variants[0].detector.resolutionGeV2, 1.5e-3, accuracy: 1e-18)
        XCTAssertEqual(file.masses.massesGeV.first ?? 0, 0.200, accuracy: 1e-12)
        XCTAssertEqual(file.masses.massesGeV.last ?? 0, 0.384, accuracy: 1e-12)
        // 1.6e13 x 0.99 / 400 = 3.96e10 from the second stream of the second variant.
        XCTAssertEqual(file.variants[1].exposure.effectiveKaonDecays, 1.14e10 + 3.96e10, accuracy: 1e10 * 1e-12)
    }
}
