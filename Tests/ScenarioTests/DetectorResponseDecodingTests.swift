import XCTest
import Physics
import DetectorModel
@testable import Scenario

/// `detector.veto.regions`, `detector.resolution_tail` and mirrored background tables as a
/// scenario writes them, and the errors for each way of getting them wrong.
final class DetectorResponseDecodingTests: XCTestCase {
    private let regions = """
            veto:
              regions:
                - { name: SAC/IRC, from: 0 mrad, to: 1 mrad, inefficiency: 1e-4 }
                - { name: LKr, from: 1 mrad, to: 8.5 mrad, inefficiency: [{ energy: 1 GeV, inefficiency: 1e-3 }, { energy: 10 GeV, inefficiency: 1e-5 }] }
                - { name: LAV, from: 8.5 mrad, to: 50 mrad, inefficiency: 3e-3 }
              beyond: partial
        """

    func testRegionsDecodeInOrderWithTheirInefficiencies() throws {
        let yaml = replacingLine(containing: "veto:", with: regions)
        let veto = try XCTUnwrap(decoded(yaml)).variants[0].detector.veto
        XCTAssertEqual(veto.regions.map(\.name), ["SAC/IRC", "LKr", "LAV"])
        XCTAssertEqual(veto.regions.map(\.fromAngleRad), [0, 0.001, 0.0085])
        XCTAssertEqual(veto.hermeticAngleRad, 0.05, accuracy: 1e-15)
        XCTAssertEqual(veto.regions[1].inefficiency, .table(energiesGeV: [1, 10], inefficiencies: [1e-3, 1e-5]))
        XCTAssertEqual(veto.beyond, .partial)
        XCTAssertFalse(veto.isSingleRegion)
        let summary = ScenarioSummary.lines(for: try XCTUnwrap(decoded(yaml))).joined(separator: "\n")
        XCTAssertTrue(summary.contains("veto: regions SAC/IRC 0-1 mrad 1.00e-04, LKr 1-8.5 mrad table of 2 points, 1 GeV to 10 GeV, LAV 8.5-50 mrad 3.00e-03, beyond: partial"), summary)
    }

    /// A variant switches a base's one-region veto to regions (and back), and a tail from an
    /// exponential to a shape, without the base's keys of the other form getting in the way.
    func testAVariantSwitchesTheForm() throws {
        let yaml = replacingLine(containing: "resolution:", with: "    resolution: 1.5e-3 GeV^2\n    resolution_tail: { fraction: 1e-4, scale: 0.02 GeV^2 }") + """
            variants:
              - label: one region
              - label: regions
                detector:
                  veto: { regions: [{ name: LKr, from: 1 mrad, to: 8.5 mrad, inefficiency: 1e-5 }, { name: LAV, from: 8.5 mrad, to: 50 mrad, inefficiency: 3e-3 }] }
                  resolution_tail: { shape: [{ offset: 0 GeV^2, density: 1 }, { offset: 0.1 GeV^2, density: 0 }] }

            """
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertTrue(file.variants[0].detector.veto.isSingleRegion)
        XCTAssertEqual(file.variants[1].detector.veto.regions.map(\.name), ["LKr", "LAV"])
        XCTAssertEqual(file.variants[1].detector.resolutionTail, ResolutionTail(fraction: 1e-4, shape: .table(offsetsGeV2: [0, 0.1], densities: [1, 0])))
    }

    func testOverlappingOrBackwardRegionsAndMixedFormsAreRefused() {
        let overlapping = replacingLine(containing: "veto:", with: regions.replacingOccurrences(of: "name: LAV, from: 8.5 mrad", with: "name: LAV, from: 8 mrad"))
        XCTAssertEqual(errorLines(overlapping), [
            "t.yaml:\(location(of: "{ name: LAV", in: overlapping)): base.detector.veto.regions[2]: region starts at 8 mrad, inside the previous region (which ends at 8.5 mrad); expected regions in increasing angle that do not overlap",
        ])
        let backward = replacingLine(containing: "veto:", with: regions.replacingOccurrences(of: "to: 1 mrad", with: "to: 0 mrad"))
        XCTAssertEqual(errorLines(backward).first,
                       "t.yaml:\(location(of: "0 mrad, inefficiency: 1e-4", in: backward)): base.detector.veto.regions[0].to: region ends at 0 mrad, not after its start at 0 mrad; expected 'to' larger than 'from'")
        let mixed = replacingLine(containing: "veto:", with: regions + "\n      inefficiency: 1e-3")
        XCTAssertEqual(errorLines(mixed), [
            "t.yaml:\(location(of: "1e-3", in: mixed, occurrence: 2)): base.detector.veto.inefficiency: 'inefficiency' cannot be given with 'regions' (each region has its angles and inefficiency); expected either {hermetic_angle, inefficiency} or {regions}",
        ])
    }

    func testExponentialAndTabulatedTails() throws {
        let exponential = replacingLine(containing: "resolution:", with: "    resolution: 1.5e-3 GeV^2\n    resolution_tail: { fraction: 1e-4, scale: 20e3 MeV^2 }")
        let tail = try XCTUnwrap(try XCTUnwrap(decoded(exponential)).variants[0].detector.resolutionTail)
        XCTAssertEqual(tail.fraction, 1e-4)
        XCTAssertEqual(tail.shape, .exponential(scaleGeV2: 0.02))
        let table = replacingLine(containing: "resolution:", with: """
                resolution: 1.5e-3 GeV^2
                resolution_tail: { fraction: 1e-4, shape: [{ offset: 0 GeV^2, density: 1 }, { offset: 0.1 GeV^2, density: 0 }] }
            """)
        XCTAssertEqual(try XCTUnwrap(decoded(table)).variants[0].detector.resolutionTail?.shape, .table(offsetsGeV2: [0, 0.1], densities: [1, 0]))
        XCTAssertNil(try XCTUnwrap(decoded(minimalScenario)).variants[0].detector.resolutionTail, "Gaussian by default")
    }

    func testTailErrors() {
        func yaml(_ text: String) -> String { replacingLine(containing: "resolution:", with: "    resolution: 1.5e-3 GeV^2\n    resolution_tail: \(text)") }
        func tailErrors(_ text: String) -> [String] { errorLines(yaml(text)) }
        let whole = yaml("{ fraction: 1, scale: 0.02 GeV^2 }")
        XCTAssertEqual(errorLines(whole), [
            "t.yaml:\(location(of: "1, scale", in: whole)): base.detector.resolution_tail.fraction: '1' is out of range; expected the fraction of events in the tail, in [0, 1) like 1e-4",
        ])
        let missing = yaml("{ fraction: 1e-4 }")
        XCTAssertEqual(errorLines(missing), [
            "t.yaml:\(location(of: "{ fraction", in: missing)): base.detector.resolution_tail.scale: missing; expected the exponential tail's scale like 0.02 GeV^2, or a shape table",
        ])
        XCTAssertEqual(tailErrors("{ fraction: 1e-4, scale: 0.02 }").count, 1, "a scale needs its unit")
        XCTAssertEqual(tailErrors("{ fraction: 1e-4, shape: [{ offset: 0 GeV^2, density: 0 }, { offset: 0.1 GeV^2, density: 0 }] }").first?
            .contains("every density in the shape is 0"), true)
    }

    func testMirroredTablesAreTablesOnly() throws {
        let muon = minimalScenario.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> mu+ N")
            .replacingOccurrences(of: "from: 100 MeV, to: 300 MeV", with: "from: 200 MeV, to: 380 MeV")
        let mirrored = muon + "  background:\n    - { process: \"K+ -> mu+ nu gamma\" }\n    - { table: tail.csv, normalisation: { kaon_decays: 1.14e10 }, mirror: true, uncertainty: 1 }\n"
        let file = try XCTUnwrap(decoded(mirrored))
        XCTAssertEqual(file.variants[0].background.map(\.mirrored), [false, true])
        let onProcess = muon + "  background: [{ process: \"K+ -> mu+ nu gamma\", mirror: true }]\n"
        XCTAssertEqual(errorLines(onProcess), [
            "t.yaml:\(location(of: "true", in: onProcess)): base.background[0].mirror: applies to a background table only; expected mirror only with {table: …}",
        ])
    }
}

/// `analysis.background_uncertainty: sideband-fit` with its range, and where it is refused.
final class SidebandDecodingTests: XCTestCase {
    private let muon = minimalScenario.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> mu+ N")
        .replacingOccurrences(of: "from: 100 MeV, to: 300 MeV", with: "from: 200 MeV, to: 380 MeV")

    func testSidebandFitWithAndWithoutARange() throws {
        let stated = muon + "  analysis: { window: 1.5 sigma, background_uncertainty: sideband-fit, sideband_range: { from: 188 MeV, to: 386 MeV } }\n"
        let analysis = try XCTUnwrap(decoded(stated)).variants[0].analysis
        XCTAssertEqual(analysis.sidebandFit?.rangeGeV.lowerBound ?? 0, 0.188, accuracy: 1e-15)
        XCTAssertEqual(analysis.sidebandFit?.rangeGeV.upperBound ?? 0, 0.386, accuracy: 1e-15)
        XCTAssertEqual(analysis.sidebandFit?.binSigmas, 0.75)
        XCTAssertEqual(analysis.backgroundUncertainty, 0)
        let whole = muon + "  analysis: { window: 1.5 sigma, background_uncertainty: sideband-fit }\n"
        XCTAssertEqual(try XCTUnwrap(decoded(whole)).variants[0].analysis.sidebandFit?.rangeGeV.upperBound ?? 0, 0.388019, accuracy: 1e-6,
                       "the channel's endpoint m_K − m_μ")
    }

    func testSidebandFitErrors() {
        let optimal = muon + "  analysis: { window: optimal, background_uncertainty: sideband-fit }\n"
        XCTAssertEqual(errorLines(optimal), [
            "t.yaml:\(location(of: "sideband-fit", in: optimal)): base.analysis.background_uncertainty: sideband-fit needs a fixed window (its sidebands start at the window's edge); expected analysis.window: 1.5 sigma (seed 000) with sideband-fit",
        ])
        let orphan = muon + "  analysis: { background_uncertainty: 0.1, sideband_range: { from: 188 MeV, to: 386 MeV } }\n"
        XCTAssertEqual(errorLines(orphan), [
            "t.yaml:\(location(of: "{ from: 188", in: orphan)): base.analysis.sideband_range: applies to background_uncertainty: sideband-fit; expected sideband_range only with background_uncertainty: sideband-fit",
        ])
        let backward = muon + "  analysis: { background_uncertainty: sideband-fit, sideband_range: { from: 388 MeV, to: 186 MeV } }\n"
        XCTAssertEqual(errorLines(backward).first?.contains("the range ends at 186 MeV, not above its start at 388 MeV"), true)
    }
}
