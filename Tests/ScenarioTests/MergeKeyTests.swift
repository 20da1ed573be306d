import XCTest
@testable import Scenario

/// YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) merge mappings as YAML defines: the mapping's
/// own keys win, then earlier merged mappings; errors in merged values point where the anchor
/// wrote them. Repeated keys are all reported, each where it is repeated.
final class MergeKeyTests: XCTestCase {
    private let anchored = """
    title: Merge
    channel: K+ -> pi0 e+ N
    masses: { from: 100 MeV, to: 300 MeV, step: 1 MeV }
    base:
      exposure:
        streams:
          - &run1 { name: Run 1, kaon_decays: 4.5e12, prescale: 150 }
      detector:
        resolution: 1.7e-3 GeV^2
        veto: &veto { hermetic_angle: 50 mrad, inefficiency: 1e-3 }
        signal_acceptance: 0.1
    variants:
      - { label: base }
      - label: merged
        exposure: { streams: [ { <<: *run1, prescale: 1 } ] }
        detector: { veto: { <<: *veto, inefficiency: 1e-4 } }

    """

    func testMergeKeyBringsTheAnchorsKeysAndOwnKeysWin() throws {
        let file = try XCTUnwrap(decoded(anchored))
        let merged = file.variants[1]
        XCTAssertEqual(merged.exposure.streams, [TriggerStream(name: "Run 1", kaonDecays: 4.5e12, prescale: 1)])
        XCTAssertEqual(merged.detector.veto.hermeticAngleRad, 0.050, accuracy: 1e-15)
        XCTAssertEqual(merged.detector.veto.inefficiency, .constant(1e-4))
    }

    func testMergeListGivesEarlierMappingsPrecedence() throws {
        let yaml = anchored.replacingOccurrences(of: "    detector: { veto: { <<: *veto, inefficiency: 1e-4 } }",
                                                 with: "    detector: { veto: { <<: [{ inefficiency: 2e-4 }, *veto] } }")
        let veto = try XCTUnwrap(decoded(yaml)).variants[1].detector.veto
        XCTAssertEqual(veto.inefficiency, .constant(2e-4))
        XCTAssertEqual(veto.hermeticAngleRad, 0.050, accuracy: 1e-15)
    }

    /// A bad value inherited through `<<` is reported where the anchor wrote it, under the path
    /// of the mapping that merged it (the only variant replaces the base's stream list, so the
    /// anchored stream is decoded once, through the merge).
    func testErrorsInMergedValuesPointAtTheAnchor() {
        let yaml = anchored.replacingOccurrences(of: "prescale: 150 }", with: "prescale: 150, trigger_efficiency: 2 }")
            .replacingOccurrences(of: "  - { label: base }\n", with: "")
        XCTAssertEqual(errorLines(yaml), [
            "t.yaml:\(location(of: "2 }", in: yaml)): variants[0].exposure.streams[0].trigger_efficiency: '2' is out of range; expected a trigger efficiency in [0, 1]",
        ])
    }

    func testMergingAScalarIsAnError() {
        let yaml = anchored.replacingOccurrences(of: "<<: *veto", with: "<<: 3")
        let key = location(of: "<<: 3", in: yaml).split(separator: ":").map { Int($0)! }
        XCTAssertEqual(errorLines(yaml), ["t.yaml:\(key[0]):\(key[1] + 4): variants[1].detector.veto.<<: merges '3'; expected a mapping (<<: *anchor) or a list of mappings (<<: [*a, *b]) to merge"])
    }

    func testEveryRepeatedKeyIsReported() {
        let yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: 4.5e12, prescale: 150, prescale: 2, name: x, prescale: 3 }")
            + "  detector:\n    resolution: 1 GeV^2\n"
        XCTAssertEqual(errorLines(yaml), [
            "t.yaml:\(location(of: "prescale", in: yaml, occurrence: 2)): base.exposure.streams[0].prescale: key 'prescale' is written more than once in this mapping (first at line 7, column \(location(of: "prescale", in: yaml).split(separator: ":")[1])); expected each key at most once per mapping",
            "t.yaml:\(location(of: "name", in: yaml, occurrence: 2)): base.exposure.streams[0].name: key 'name' is written more than once in this mapping (first at line 7, column 11); expected each key at most once per mapping",
            "t.yaml:\(location(of: "prescale", in: yaml, occurrence: 3)): base.exposure.streams[0].prescale: key 'prescale' is written more than once in this mapping (first at line 7, column \(location(of: "prescale", in: yaml).split(separator: ":")[1])); expected each key at most once per mapping",
            "t.yaml:12:3: base.detector: key 'detector' is written more than once in this mapping (first at line 8, column 3); expected each key at most once per mapping",
        ])
    }
}
