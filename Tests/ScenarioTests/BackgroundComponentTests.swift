import XCTest
import Physics
@testable import Scenario

/// `background:` as a list of components: each a model, a process or a table, with its label,
/// uncertainty and correlation group; the single forms stay a one-component list.
final class BackgroundComponentTests: XCTestCase {
    private let muonScenario = minimalScenario.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> mu+ N")
        .replacingOccurrences(of: "from: 100 MeV, to: 300 MeV", with: "from: 200 MeV, to: 380 MeV")

    func testTheShorthandIsOneComponent() throws {
        let file = try XCTUnwrap(decoded(minimalScenario))
        XCTAssertEqual(file.variants[0].background, [BackgroundComponent(.radiative)])
        XCTAssertEqual(file.variants[0].background[0].name(for: file.channel), "K+ -> pi0 e+ nu gamma")
    }

    func testAListOfComponents() throws {
        let yaml = muonScenario + """
              background:
                - { process: "K+ -> mu+ nu gamma", uncertainty: 0.12, group: photon-veto }
                - { process: "K+ -> pi0 mu+ nu", group: photon-veto }
                - { table: k3pi.csv, normalisation: { kaon_decays: 1.14e10 }, label: "K+ -> pi+ pi+ pi-", uncertainty: 0.1 }
              analysis: { background_uncertainty: 0.05 }

            """
        let file = try XCTUnwrap(decoded(yaml))
        let variant = file.variants[0]
        XCTAssertEqual(variant.background, [
            BackgroundComponent(.process(.kmu2Gamma), relativeUncertainty: 0.12, group: "photon-veto"),
            BackgroundComponent(.process(.kmu3), group: "photon-veto"),
            BackgroundComponent(.table(path: "/scenarios/k3pi.csv", normalisation: .forKaonDecays(1.14e10)), label: "K+ -> pi+ pi+ pi-", relativeUncertainty: 0.1),
        ])
        XCTAssertEqual(variant.background.map { $0.name(for: file.channel) }, ["K+ -> mu+ nu gamma", "K+ -> pi0 mu+ nu", "K+ -> pi+ pi+ pi-"])
        XCTAssertEqual(variant.background.map(variant.relativeUncertainty(of:)), [0.12, 0.05, 0.1], "a component without its own takes the analysis'")
    }

    /// A variant's list replaces the base's whole (lists are not merged element by element).
    func testAVariantReplacesTheList() throws {
        let yaml = muonScenario + """
              background:
                - { process: "K+ -> mu+ nu gamma" }
                - { process: "K+ -> pi0 mu+ nu" }
            variants:
              - label: both
              - label: radiative only
                background: [{ process: "K+ -> mu+ nu gamma", uncertainty: 0.2 }]

            """
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertEqual(file.variants.map(\.background.count), [2, 1])
        XCTAssertEqual(file.variants[1].background, [BackgroundComponent(.process(.kmu2Gamma), relativeUncertainty: 0.2)])
    }

    func testAProcessMustFakeTheChannel() {
        let electron = muonScenario + "  background: [{ process: \"K+ -> pi0 e+ nu\" }]\n"
        XCTAssertEqual(errorLines(electron), [
            "t.yaml:12:27: base.background[0].process: 'K+ -> pi0 e+ nu' does not reconstruct as K+ -> mu+ N (another lepton, or a π0 seen or lost where the channel has none or one); expected a process with the channel's final state, such as 'K+ -> mu+ nu gamma'",
        ])
        // K_l3 with its π0 lost fakes K+ -> l+ N, not K+ -> π0 l+ N (whose π0 is reconstructed).
        let pion = minimalScenario + "  background: [{ process: \"K+ -> pi0 e+ nu\" }]\n"
        XCTAssertEqual(errorLines(pion).count, 1)
        let unknown = muonScenario + "  background: [{ process: \"K+ -> pi+ pi+ pi-\" }]\n"
        XCTAssertTrue(errorLines(unknown).first?.contains("unknown value 'K+ -> pi+ pi+ pi-'; expected one of K+ -> pi0 e+ nu gamma, K+ -> pi0 mu+ nu gamma, K+ -> e+ nu gamma, K+ -> mu+ nu gamma, K+ -> pi0 e+ nu, K+ -> pi0 mu+ nu, K+ -> mu+ nu, mu+ -> e+ nu nubar") ?? false,
                      errorLines(unknown).joined())
    }

    func testComponentsAreNamedApart() {
        let twice = muonScenario + "  background: [{ process: \"K+ -> mu+ nu gamma\" }, { process: \"K+ -> mu+ nu gamma\" }]\n"
        XCTAssertEqual(errorLines(twice), [
            "t.yaml:12:51: base.background[1]: a second component named 'K+ -> mu+ nu gamma' (the first is entry 1); expected distinct components, or a label that tells them apart",
        ])
        let labelled = muonScenario + "  background: [{ process: \"K+ -> mu+ nu gamma\" }, { process: \"K+ -> mu+ nu gamma\", label: tail }]\n"
        XCTAssertNotNil(decoded(labelled))
    }

    func testComponentFieldsAreChecked() {
        let badUncertainty = muonScenario + "  background: [{ process: \"K+ -> mu+ nu gamma\", uncertainty: -1 }]\n"
        XCTAssertEqual(errorLines(badUncertainty).first?.hasPrefix("t.yaml:12:62: base.background[0].uncertainty: '-1' is out of range; expected a relative background uncertainty"), true,
                       errorLines(badUncertainty).joined())
        let empty = muonScenario + "  background: []\n"
        XCTAssertEqual(errorLines(empty).first?.contains("an empty list of background components"), true)
        let both = muonScenario + "  background: [{ process: \"K+ -> mu+ nu gamma\", model: radiative }]\n"
        XCTAssertEqual(errorLines(both).first?.contains("given together with"), true, errorLines(both).joined())
    }

    /// A list of tables alone needs no veto; a generated component does.
    func testTheVetoIsNeededByGeneratedComponentsOnly() {
        let noVeto = muonScenario.replacingOccurrences(of: "    veto: { hermetic_angle: 50 mrad, inefficiency: 1e-3 }\n", with: "")
        XCTAssertNotNil(decoded(noVeto + "  background: [{ table: a.csv, normalisation: per_kaon_decay }, { table: b.csv, normalisation: per_kaon_decay }]\n"))
        XCTAssertEqual(errorLines(noVeto + "  background: [{ table: a.csv, normalisation: per_kaon_decay }, { model: radiative }]\n").first?.contains("base.detector.veto: missing"), true)
    }

    /// K+ → l+ ν γ is generated with its structure-dependent emission unless a component asks
    /// for inner bremsstrahlung alone; K_l3γ has inner bremsstrahlung only.
    func testEmissionDefaultsAndChecks() throws {
        let file = try XCTUnwrap(decoded(muonScenario))
        XCTAssertEqual(file.variants[0].background[0].emission(for: file.channel), .innerBremsstrahlungAndStructure)
        let pion = try XCTUnwrap(decoded(minimalScenario))
        XCTAssertEqual(pion.variants[0].background[0].emission(for: pion.channel), .innerBremsstrahlung)
        let ibOnly = try XCTUnwrap(decoded(muonScenario + "  background: { model: radiative, emission: inner-bremsstrahlung }\n"))
        XCTAssertEqual(ibOnly.variants[0].background[0].emission(for: ibOnly.channel), .innerBremsstrahlung)
        XCTAssertEqual(errorLines(minimalScenario + "  background: { model: radiative, emission: inner-bremsstrahlung+structure }\n").first?
            .contains("'inner-bremsstrahlung+structure' is not generated for K+ -> pi0 e+ nu gamma (inner bremsstrahlung only)"), true)
        XCTAssertEqual(errorLines(muonScenario + "  background: { process: \"K+ -> pi0 mu+ nu\", emission: inner-bremsstrahlung }\n").first?
            .contains("applies to a radiative decay"), true)
    }

    /// K+ → μ+ ν, μ+ → e+ ν ν̄ fakes K+ → e+ N only, and takes a rejection factor in (0, 1]
    /// (default 1); no other source takes one.
    func testMuonDecayProcessAndItsRejection() throws {
        let electron = muonScenario.replacingOccurrences(of: "channel: K+ -> mu+ N", with: "channel: K+ -> e+ N")
        let process = "K+ -> mu+ nu, mu+ -> e+ nu nubar"
        let file = try XCTUnwrap(decoded(electron + "  background:\n    - { process: \"K+ -> e+ nu gamma\" }\n    - { process: \"\(process)\", rejection: 1e-3 }\n"))
        XCTAssertEqual(file.variants[0].background, [
            BackgroundComponent(.process(.ke2Gamma)),
            BackgroundComponent(.process(.kmu2MuonDecay), rejection: 1e-3),
        ])
        XCTAssertEqual(file.variants[0].background[1].name(for: file.channel), process)
        XCTAssertEqual(file.variants[0].background[1].appliedRejection, 1e-3)
        let unrejected = try XCTUnwrap(decoded(electron + "  background: [{ process: \"\(process)\" }]\n"))
        XCTAssertNil(unrejected.variants[0].background[0].rejection)
        XCTAssertEqual(unrejected.variants[0].background[0].appliedRejection, 1, "default: no rejection")
        XCTAssertNotNil(decoded(electron + "  background: [{ process: \"\(process)\", rejection: 1 }]\n"))

        for bad in ["0", "-1e-3", "1.5", "nan"] {
            let lines = errorLines(electron + "  background: [{ process: \"\(process)\", rejection: \(bad) }]\n")
            XCTAssertEqual(lines.count, 1, "\(bad): \(lines)")
            XCTAssertEqual(lines.first?.contains("base.background[0].rejection"), true, lines.joined())
            XCTAssertEqual(lines.first?.contains("in (0, 1]"), true, lines.joined())
        }
        // Only the muon-decay process takes a rejection.
        for other in ["{ process: \"K+ -> e+ nu gamma\", rejection: 1e-3 }", "{ model: radiative, rejection: 1e-3 }",
                      "{ table: a.csv, normalisation: per_kaon_decay, rejection: 1e-3 }"] {
            let lines = errorLines(electron + "  background: [\(other)]\n")
            XCTAssertEqual(lines.count, 1, lines.joined())
            XCTAssertEqual(lines.first?.contains("rejection: applies to 'K+ -> mu+ nu, mu+ -> e+ nu nubar' only"), true, lines.joined())
        }
        // A positron from the muon's decay fakes K+ -> e+ N, not K+ -> mu+ N or the π0 channels.
        XCTAssertEqual(errorLines(muonScenario + "  background: [{ process: \"\(process)\" }]\n").first?.contains("does not reconstruct as K+ -> mu+ N"), true)
        XCTAssertEqual(errorLines(minimalScenario + "  background: [{ process: \"\(process)\" }]\n").count, 1)
    }
}
