import XCTest
@testable import Scenario

/// `analysis.shape`: defaults, and one located error per bad binning.
final class ShapeDecodingTests: XCTestCase {
    private func analysis(_ entries: String) -> String { minimalScenario + "  analysis: { statistic: shape\(entries) }\n" }

    func testDefaultsAreFiveSigmaInBinsOfHalfASigma() throws {
        let file = try XCTUnwrap(decoded(analysis("")))
        let shape = file.variants[0].analysis.shape
        XCTAssertEqual(file.variants[0].analysis.statistic, .shape)
        XCTAssertEqual(shape.rangeSigmas, 5)
        XCTAssertEqual(shape.binWidthSigmas, 0.5)
        XCTAssertEqual(shape.binCount, 20)
        XCTAssertFalse(shape.freeNormalisation)
        XCTAssertEqual(shape.edgesSigmas.first, -5)
        XCTAssertEqual(shape.edgesSigmas.last, 5)
        let custom = try XCTUnwrap(decoded(analysis(", shape: { range: 3 sigma, bin_width: 0.25σ, normalisation: free }"))).variants[0].analysis.shape
        XCTAssertEqual(custom.binCount, 24)
        XCTAssertTrue(custom.freeNormalisation)
        // Without bin_width, the width nearest to 0.5 sigma that divides the range.
        XCTAssertEqual(try XCTUnwrap(decoded(analysis(", shape: { range: 2.6 sigma }"))).variants[0].analysis.shape.binCount, 10)
    }

    func testBadBinningsAreOneLocatedError() {
        let cases: [(String, String)] = [
            ("range: 0 sigma", "base.analysis.shape.range: '0 sigma' is out of range; expected the half-width of the fitted m2_miss range in units of sigma, in (0, 20], like '5 sigma'"),
            ("range: 30 sigma", "base.analysis.shape.range: '30 sigma' is out of range"),
            ("range: wide", "base.analysis.shape.range: 'wide' is not a number of sigma"),
            ("range: 1 sigma, bin_width: 3 sigma", "base.analysis.shape.bin_width: '3 sigma' is wider than the range ±1 sigma (0 bins); expected the bin width in units of sigma"),
            ("bin_width: 0.3 sigma", "base.analysis.shape.bin_width: '0.3 sigma' does not divide the range ±5 sigma into whole bins"),
            ("bin_width: 0 sigma", "base.analysis.shape.bin_width: '0 sigma' is not positive"),
            ("bin_width: 0.001 sigma", "base.analysis.shape.bin_width: '0.001 sigma' gives more than 1000 bins"),
            ("normalisation: floating", "base.analysis.shape.normalisation: unknown value 'floating'"),
            ("bins: 20", "base.analysis.shape"),
        ]
        for (entry, message) in cases {
            let lines = errorLines(analysis(", shape: { \(entry) }"))
            XCTAssertEqual(lines.count, 1, "\(lines)")
            let error = lines.first ?? ""
            XCTAssertTrue(error.hasPrefix("t.yaml:12:"), error)
            XCTAssertTrue(error.contains(message), "\(error) lacks \(message)")
        }
    }

    func testShapeIsRefusedForAContinuum() {
        let yaml = minimalScenario.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> mu+ nu X")
            + "  analysis: { statistic: shape }\n"
        XCTAssertTrue(errorLines(yaml).contains { $0.contains("analysis.statistic") && $0.contains("shape fit is for an HNL peak") }, "\(errorLines(yaml))")
    }
}
