import Foundation
import XCTest

/// `plot-cut`: the m0² optimisation figure of a continuum search, written only for continuum
/// channels, with a mass exactly when the channel has a mass axis, identical on repetition.
final class PlotCutCLITests: CLITestCase {
    static let threeNeutrinos = TestScenarios.continuum(kaonDecays: "3e10", background: "{ table: flat.csv, normalisation: { kaon_decays: 3e10 } }",
                                                        region: "{ m2_miss_above: optimal }", uncertainty: ", background_uncertainty: 0.1")

    func testTheFigureIsWrittenAndRepeatsByteForByte() throws {
        try write(Self.threeNeutrinos, to: "cut.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        let run = try reach("plot-cut", "cut.yaml", "--format", "svg,png", "-o", ".")
        assertSuccess(run)
        XCTAssertTrue(run.stderr.contains("chosen m0² = "), run.stderr)
        let svg = String(decoding: try contents("cut-cut.svg"), as: UTF8.self)
        XCTAssertTrue(svg.contains("exp"), "N_exp is labelled")
        XCTAssertFalse(svg.contains("analysis.region"), "no key path on the figure")
        let first = try contents("cut-cut.png")
        assertSuccess(try reach("plot-cut", "cut.yaml", "--format", "svg,png", "-o", "."))
        XCTAssertEqual(try contents("cut-cut.png"), first)
    }

    func testMassAndChannelAreChecked() throws {
        try write(Self.threeNeutrinos, to: "cut.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        assertFailure(try reach("plot-cut", "cut.yaml", "--mass", "100MeV", "-o", "."), status: 64,
                      message: "Error: --mass: K+ -> mu+ nu nu nubar has one hypothesis and no mass; expected no --mass")
        try write(Self.threeNeutrinos.replacingOccurrences(of: "channel: K+ -> mu+ nu nu nubar", with: "channel: K+ -> mu+ nu X\nmasses: { from: 100 MeV, to: 200 MeV, step: 50 MeV }").replacingOccurrences(of: "  analysis:", with: "  signal: { mediator: scalar }\n  analysis:"), to: "x.yaml")
        assertFailure(try reach("plot-cut", "x.yaml", "-o", "."), status: 64,
                      message: "Error: --mass: K+ -> mu+ nu X has a mass axis; expected the mediator mass of one hypothesis, like 100MeV")
        try write(TestScenarios.small, to: "small.yaml")
        assertFailure(try reach("plot-cut", "small.yaml", "-o", "."), status: 64,
                      message: "Error: small.yaml: channel 'K+ -> pi0 e+ N' has no cut m2_miss > m0^2; expected a K+ -> mu+ nu X or K+ -> mu+ nu nu nubar scenario")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["cut.yaml", "flat.csv", "small.yaml", "x.yaml"])
    }
}
