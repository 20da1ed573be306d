import XCTest
import Physics
import Simulation
@testable import Scenario

/// A valid file decodes into the model in canonical units (GeV, GeV^2, rad) with the documented
/// defaults filled in.
final class ScenarioDecodingTests: XCTestCase {
    func testMinimalFileHasOneVariantLabelledWithTheTitleAndTheDefaults() throws {
        let file = try XCTUnwrap(decoded(minimalScenario))
        XCTAssertEqual(file.title, "Minimal")
        XCTAssertEqual(file.path, "t.yaml")
        XCTAssertEqual(file.channel, .kaonToPi0ElectronN)
        XCTAssertEqual(file.variants.map(\.label), ["Minimal"])
        let scenario = file.variants[0]
        XCTAssertEqual(scenario.background, [BackgroundComponent(.radiative)])
        XCTAssertEqual(scenario.analysis, Analysis(window: .fixed(k: 1.4), statistic: .medianExclusion, confidence: 0.90,
                                                   backgroundUncertainty: 0, backgroundPrior: .gaussian))
        XCTAssertEqual(scenario.detector.veto.beyond, .missed)
        XCTAssertNil(scenario.detector.backgroundAcceptance)
        XCTAssertEqual(scenario.detector.visibleDecayFraction, 0)
        XCTAssertEqual(scenario.exposure.streams[0].triggerEfficiency, 1)
        XCTAssertEqual(file.figure, FigureSettings())
    }

    /// 100 MeV = 0.1 GeV, 1.7e-3 GeV^2 stays, 50 mrad = 0.05 rad; the grid has 201 points.
    func testUnitsConvertToCanonicalValues() throws {
        let file = try XCTUnwrap(decoded(minimalScenario))
        XCTAssertEqual(file.masses.fromGeV, 0.100, accuracy: 1e-15)
        XCTAssertEqual(file.masses.toGeV, 0.300, accuracy: 1e-15)
        XCTAssertEqual(file.masses.stepGeV, 0.001, accuracy: 1e-18)
        XCTAssertEqual(file.masses.massesGeV.count, 201)
        let detector = file.variants[0].detector
        XCTAssertEqual(detector.resolutionGeV2, 1.7e-3, accuracy: 1e-18)
        XCTAssertEqual(detector.veto.hermeticAngleRad, 0.050, accuracy: 1e-15)
    }

    /// The same physics in other units gives the same canonical numbers:
    /// 1700 MeV^2 = 1.7e-3 GeV^2, 0.1 GeV = 100 MeV, 2.86479 deg = 50 mrad.
    func testOtherUnitsGiveTheSameValues() throws {
        var yaml = replacingLine(containing: "resolution:", with: "    resolution: 1700 MeV^2")
        yaml = replacingLine(containing: "masses:", with: "masses: { from: 0.1 GeV, to: 300000 keV, step: 1000 keV }", in: yaml)
        yaml = replacingLine(containing: "veto:", with: "    veto: { hermetic_angle: 2.8647889756541161 deg, inefficiency: 1e-3 }", in: yaml)
        let file = try XCTUnwrap(decoded(yaml))
        XCTAssertEqual(file.variants[0].detector.resolutionGeV2, 1.7e-3, accuracy: 1e-15)
        XCTAssertEqual(file.masses.fromGeV, 0.1, accuracy: 1e-15)
        XCTAssertEqual(file.masses.toGeV, 0.3, accuracy: 1e-12)
        XCTAssertEqual(file.masses.stepGeV, 0.001, accuracy: 1e-15)
        XCTAssertEqual(file.variants[0].detector.veto.hermeticAngleRad, 0.05, accuracy: 1e-12)
    }

    /// Seed 001 Sec. V: 3e10 (Run 1, 4.5e12 at prescale 150) + 6e10 + 5e10 = 1.4e11.
    func testThreeStreamsAddToTheSeedTotal() throws {
        let yaml = replacingLine(containing: "- { name: Run 1", with: """
                  - { name: 1-track (Run 1), kaon_decays: 4.5e12, prescale: 150, trigger_efficiency: 1.0 }
                  - { name: 2021-2024, effective_kaon_decays: 6e10 }
                  - { name: di-electron, effective_kaon_decays: 5×10^10 }
            """)
        let exposure = try XCTUnwrap(decoded(yaml)).variants[0].exposure
        XCTAssertEqual(exposure.streams.map(\.effectiveKaonDecays)[0], 3e10, accuracy: 1)
        XCTAssertEqual(exposure.effectiveKaonDecays, 1.4e11, accuracy: 1e11 * 1e-12)
    }

    /// N_decays x efficiency / prescale: 1.6e13 x 0.99 / 400 = 3.96e10; number spellings agree.
    func testStreamArithmeticWithEfficiencyAndPrescale() throws {
        for spelling in ["1.6e13", "1.6e+13", "1.6×10^13", "16000000000000"] {
            let yaml = replacingLine(containing: "- { name: Run 1",
                                     with: "      - { name: MB, kaon_decays: \(spelling), prescale: 400, trigger_efficiency: 0.99 }")
            let stream = try XCTUnwrap(decoded(yaml)).variants[0].exposure.streams[0]
            XCTAssertEqual(stream.effectiveKaonDecays, 3.96e10, accuracy: 1e10 * 1e-12, spelling)
            XCTAssertEqual(stream.kaonDecays, 1.6e13)
            XCTAssertEqual(stream.prescale, 400)
        }
    }

    func testTablesOfAcceptanceAndInefficiency() throws {
        var yaml = replacingLine(containing: "signal_acceptance:", with: """
                signal_acceptance:
                  - { mass: 100 MeV, acceptance: 0.1 }
                  - { mass: 0.2 GeV, acceptance: 0.05 }
            """)
        yaml = replacingLine(containing: "veto:", with: """
                veto:
                  hermetic_angle: 50 mrad
                  inefficiency: [ { energy: 300 MeV, inefficiency: 3e-3 }, { energy: 10 GeV, inefficiency: 1e-4 } ]
                  beyond: partial
            """, in: yaml)
        let detector = try XCTUnwrap(decoded(yaml)).variants[0].detector
        XCTAssertEqual(detector.signalAcceptance, .table(massesGeV: [0.1, 0.2], acceptances: [0.1, 0.05]))
        XCTAssertEqual(detector.veto.inefficiency, .table(energiesGeV: [0.3, 10], inefficiencies: [3e-3, 1e-4]))
        XCTAssertEqual(detector.veto.beyond, .partial)
    }

    func testAnalysisSpellings() throws {
        for (written, window) in [("1.4 sigma", WindowWidth.fixed(k: 1.4)), ("2σ", .fixed(k: 2)), ("1.5", .fixed(k: 1.5)), ("optimal", .optimal)] {
            let yaml = minimalScenario + "  analysis: { window: \(written), statistic: cls-expected, confidence: 0.95, background_uncertainty: 0.12, background_prior: log-normal }\n"
            let analysis = try XCTUnwrap(decoded(yaml)).variants[0].analysis
            XCTAssertEqual(analysis, Analysis(window: window, statistic: .clsExpected, confidence: 0.95,
                                              backgroundUncertainty: 0.12, backgroundPrior: .logNormal), written)
        }
    }

    /// Relative table paths resolve against the scenario's folder and are stored absolute.
    func testBackgroundTablePathsResolveAgainstTheScenarioFolder() throws {
        let yaml = minimalScenario + "  background: { table: ../tables/bkg.csv, normalisation: { kaon_decays: 3e10 } }\n"
        var asked: [String] = []
        let file = try XCTUnwrap(decoded(yaml, fileExists: { asked.append($0); return true }))
        XCTAssertEqual(file.variants[0].background, [BackgroundComponent(.table(path: "/tables/bkg.csv", normalisation: .forKaonDecays(3e10)))])
        XCTAssertEqual(asked, ["/tables/bkg.csv"])
        let perKaon = minimalScenario + "  background: { table: /data/b.csv, normalisation: per_kaon_decay }\n"
        XCTAssertEqual(try XCTUnwrap(decoded(perKaon)).variants[0].background, [BackgroundComponent(.table(path: "/data/b.csv", normalisation: .perKaonDecay))])
    }

    func testFigureSettings() throws {
        let yaml = minimalScenario + """
            variants:
              - { label: A }
              - { label: B, analysis: { statistic: detection } }
            figure: { y: [1e-9, 1e-4], x: [100 MeV, 0.3 GeV], x_scale: log, references: [pienu_2018, bbn, {file: mine.csv, label: Mine, kind: lower_bound}], statistics: [detection, cls-expected], bands: B, ratio_to: A, label: NA62 projection }

            """
        let figure = try XCTUnwrap(decoded(yaml)).figure
        XCTAssertEqual(figure.yRange, 1e-9...1e-4)
        XCTAssertEqual(figure.xRangeGeV?.lowerBound ?? 0, 0.1, accuracy: 1e-15)
        XCTAssertEqual(figure.xRangeGeV?.upperBound ?? 0, 0.3, accuracy: 1e-15)
        XCTAssertEqual(figure.xScale, .log)
        XCTAssertEqual(figure.references, [.bundled(id: "pienu_2018"), .bundled(id: "bbn_sabti_2020"),
                                           .file(path: "/scenarios/mine.csv", label: "Mine", kind: .lowerBound)])
        XCTAssertEqual(figure.statistics, [.detection, .clsExpected])
        XCTAssertEqual(figure.bandsVariant, "B")
        XCTAssertEqual(figure.ratioBaseline, "A")
        XCTAssertEqual(figure.label, "NA62 projection")
    }

    /// `kind: limit_table` names a `reach limit --table` output, drawn with its bands; an
    /// unknown kind names the three.
    func testLimitTableReference() throws {
        let yaml = minimalScenario + "figure: { references: [{file: limits.csv, label: NA62, kind: limit_table}, {file: c.csv, label: C}] }\n"
        XCTAssertEqual(try XCTUnwrap(decoded(yaml)).figure.references,
                       [.limitTable(path: "/scenarios/limits.csv", label: "NA62"), .file(path: "/scenarios/c.csv", label: "C", kind: .upperLimit)])
        let wrong = minimalScenario + "figure: { references: [{file: limits.csv, label: NA62, kind: limits}] }\n"
        XCTAssertEqual(errorLines(wrong), ["t.yaml:12:62: figure.references[0].kind: unknown value 'limits'; expected one of upper_limit, lower_bound, limit_table"])
    }

    /// Muon channels take the muon library's ids; the decoder uses the ids it is given.
    func testReferenceIDsComeFromTheInjectedLibrary() throws {
        let muon = replacingLine(containing: "channel:", with: "channel: K+ -> mu+ N") + "figure: { references: [na62_2021, bbn] }\n"
        XCTAssertNotNil(decoded(muon))
        let custom = ScenarioDecoder.decode(text: muon, path: "t.yaml", knownReferenceIDs: [.muon: ["na62_2021", "bbn_sabti_2020"]])
        XCTAssertNoThrow(try custom.get())
        let without = ScenarioDecoder.decode(text: muon, path: "t.yaml", knownReferenceIDs: [.muon: ["bbn_sabti_2020"]])
        XCTAssertThrowsError(try without.get())
    }

    /// `→` and extra spaces are accepted in the channel, as `Channel(name:)` allows.
    func testChannelSpellings() throws {
        let yaml = replacingLine(containing: "channel:", with: "channel: \"K+  →  pi0 e+ N\"")
        XCTAssertEqual(try XCTUnwrap(decoded(yaml)).channel, .kaonToPi0ElectronN)
    }
}
