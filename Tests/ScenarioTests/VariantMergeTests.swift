import XCTest
import Simulation
@testable import Scenario

/// A variant is the base with its keys replaced, deep-merged: mappings merge recursively (sibling
/// keys are kept), lists are replaced whole.
final class VariantMergeTests: XCTestCase {
    private let twoStreamBase = replacingLine(containing: "- { name: Run 1", with: """
              - { name: A, effective_kaon_decays: 1e10 }
              - { name: B, effective_kaon_decays: 2e10 }
        """)

    func testMappingOverrideKeepsSiblingKeys() throws {
        let yaml = twoStreamBase + """
            variants:
              - { label: base }
              - { label: better veto, detector: { veto: { inefficiency: 1e-4 } } }

            """
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertEqual(file.variants.map(\.label), ["base", "better veto"])
        let (base, better) = (file.variants[0].detector, file.variants[1].detector)
        XCTAssertEqual(base.veto.inefficiency, .constant(1e-3))
        XCTAssertEqual(better.veto.inefficiency, .constant(1e-4))
        // Siblings at every level survive: the angle in veto, the resolution and acceptance in detector.
        XCTAssertEqual(better.veto.hermeticAngleRad, base.veto.hermeticAngleRad)
        XCTAssertEqual(better.resolutionGeV2, base.resolutionGeV2)
        XCTAssertEqual(better.signalAcceptance, base.signalAcceptance)
        XCTAssertEqual(file.variants[1].exposure, file.variants[0].exposure)
    }

    func testListOverrideReplacesTheWholeList() throws {
        let yaml = twoStreamBase + """
            variants:
              - { label: two streams }
              - { label: one stream, exposure: { streams: [ { name: C, effective_kaon_decays: 5e10 } ] } }

            """
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertEqual(file.variants[0].exposure.streams.map(\.name), ["A", "B"])
        XCTAssertEqual(file.variants[0].exposure.effectiveKaonDecays, 3e10)
        XCTAssertEqual(file.variants[1].exposure.streams.map(\.name), ["C"])
        XCTAssertEqual(file.variants[1].exposure.effectiveKaonDecays, 5e10)
    }

    /// Writing `table` in a variant drops the base's `model` (and `model` drops `table`).
    func testBackgroundSourceSwitches() throws {
        let yaml = minimalScenario + """
              background: { model: radiative }
            variants:
              - { label: model }
              - { label: table, background: { table: b.csv, normalisation: per_kaon_decay } }

            """
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertEqual(file.variants[0].background, [BackgroundComponent(.radiative)])
        XCTAssertEqual(file.variants[1].background, [BackgroundComponent(.table(path: "/scenarios/b.csv", normalisation: .perKaonDecay))])

        let back = minimalScenario + """
              background: { table: b.csv, normalisation: per_kaon_decay }
            variants:
              - { label: table }
              - { label: model, background: { model: radiative } }

            """
        XCTAssertEqual(try XCTUnwrap(decoded(back)).variants[1].background, [BackgroundComponent(.radiative)])
    }

    func testDeepMergeOfNodes() throws {
        let log = DiagnosticLog(file: "m.yaml")
        let base = try XCTUnwrap(YAMLComposition.compose("a: {x: 1, y: {p: 2, q: 3}}\nl: [1, 2]\n", log: log))
        let over = try XCTUnwrap(YAMLComposition.compose("a: {y: {q: 4}, z: 5}\nl: [9]\n", log: log))
        let merged = DeepMerge.merge(base, over)
        func scalar(_ node: SourceNode?, _ path: [String]) -> String? {
            var node = node
            for key in path { node = node?.entries?.first { $0.key == key }?.value }
            return node?.scalar
        }
        XCTAssertEqual(scalar(merged, ["a", "x"]), "1")
        XCTAssertEqual(scalar(merged, ["a", "y", "p"]), "2")
        XCTAssertEqual(scalar(merged, ["a", "y", "q"]), "4")
        XCTAssertEqual(scalar(merged, ["a", "z"]), "5")
        let list = merged.entries?.first { $0.key == "l" }?.value.elements
        XCTAssertEqual(list?.compactMap(\.scalar), ["9"])
        XCTAssertTrue(log.isEmpty)
    }

    /// An error in an inherited value points into the base; in an override, into the variant.
    func testErrorsPointWhereTheValueWasWritten() {
        let yaml = replacingLine(containing: "signal_acceptance:", with: "    signal_acceptance: 1.5") + """
            variants:
              - { label: A }
              - { label: B, detector: { resolution: -1 GeV^2 } }

            """
        XCTAssertEqual(errorLines(yaml), [
            "t.yaml:\(location(of: "1.5", in: yaml)): base.detector.signal_acceptance: '1.5' is out of range; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}",
            "t.yaml:\(location(of: "-1 GeV^2", in: yaml)): variants[1].detector.resolution: '-1 GeV^2' is out of range; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}",
        ])
    }
}
