import XCTest
@testable import Scenario

/// Every class of problem gives one line `file:LINE:COL: field.path: what; expected what`, at the
/// offending value (positions found in the text by the test, independently of the decoder).
final class ValidationErrorTests: XCTestCase {
    /// The one error of `yaml`, which must be exactly one.
    private func onlyError(_ yaml: String, fileExists: @escaping (String) -> Bool = { _ in true }, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = errorLines(yaml, fileExists: fileExists, file: file, line: line)
        XCTAssertEqual(lines.count, 1, "\(lines)", file: file, line: line)
        return lines.first ?? ""
    }

    // MARK: YAML itself

    func testSyntaxErrorCarriesLibyamlsPosition() {
        let yaml = replacingLine(containing: "title:", with: "title: a: b")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:1:9: YAML syntax error: mapping values are not allowed in this context; expected well-formed YAML (check indentation, ':' after keys, closing brackets and quotes)")
    }

    func testTabIndentationIsNamed() {
        let yaml = "title: x\nbase:\n\texposure: 1\n"
        XCTAssertTrue(onlyError(yaml).hasPrefix("t.yaml:3:1: YAML syntax error: "))
        XCTAssertTrue(onlyError(yaml).hasSuffix("a tab cannot indent YAML; expected indentation with spaces"))
    }

    func testDuplicateKey() {
        let yaml = minimalScenario + "title: again\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "title: again", in: yaml)): title: key 'title' is written more than once in this mapping (first at line 1, column 1); expected each key at most once per mapping")
    }

    func testEmptyDocumentAndNonMappingRoot() {
        XCTAssertEqual(onlyError("# only a comment\n"), "t.yaml:1:1: the file holds no YAML document; expected a mapping with keys title, channel, masses, base")
        XCTAssertEqual(onlyError("- a\n- b\n"), "t.yaml:1:1: found a list; expected a mapping with keys title, channel, masses, base, variants, figure, name")
    }

    // MARK: keys

    func testUnknownKeySuggestsTheClosest() {
        let yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: 4.5e12, prescal: 150 }")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "prescal", in: yaml)): base.exposure.streams[0].prescal: unknown key; expected one of name, kaon_decays, running, effective_kaon_decays, prescale, trigger_efficiency (did you mean 'prescale'?)")
    }

    func testUnknownKeyWithoutCloseMatch() {
        let yaml = minimalScenario + "colour: red\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:12:1: colour: unknown key; expected one of title, channel, masses, base, variants, figure, name")
    }

    func testMissingKeyIsReportedAtTheMappingThatLacksIt() {
        let yaml = replacingLine(containing: "resolution:", with: "")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "veto:", in: yaml)): base.detector.resolution: missing; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}")
    }

    func testMissingTopLevelKeys() {
        let yaml = replacingLine(containing: "masses:", with: "")
        XCTAssertEqual(onlyError(yaml), "t.yaml:1:1: masses: missing; expected a mapping {from: <mass>, to: <mass>, step: <mass>}")
    }

    func testStreamNeedsKaonDecaysOrEffective() {
        let yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, prescale: 150 }")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "{ name", in: yaml)): base.exposure.streams[0].kaon_decays: missing; expected kaon_decays (with optional prescale and trigger_efficiency) or effective_kaon_decays")
    }

    func testStreamWithBothCounts() {
        let yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: 4.5e12, effective_kaon_decays: 3e10 }")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "effective_kaon_decays", in: yaml)): base.exposure.streams[0].effective_kaon_decays: given together with kaon_decays (line 7); expected either kaon_decays (with prescale and trigger_efficiency) or effective_kaon_decays")
    }

    // MARK: types and units

    func testWrongTypes() {
        let yaml = replacingLine(containing: "streams:", with: "    streams: 4.5e12")
        let lines = errorLines(replacingLine(containing: "- { name: Run 1", with: "", in: yaml))
        XCTAssertEqual(lines, ["t.yaml:6:14: base.exposure.streams: found '4.5e12'; expected a non-empty list of streams {name, kaon_decays, prescale, trigger_efficiency} or {name, effective_kaon_decays}"])
        let mapping = replacingLine(containing: "resolution:", with: "    resolution: { sigma: 1 }")
        XCTAssertEqual(onlyError(mapping), "t.yaml:9:17: base.detector.resolution: found a mapping; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}")
    }

    func testNotANumber() {
        let yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: lots }")
        XCTAssertEqual(onlyError(yaml),
                       "t.yaml:\(location(of: "lots", in: yaml)): base.exposure.streams[0].kaon_decays: 'lots' is not a finite number; expected a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12")
        let huge = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decays: 1e999 }")
        XCTAssertEqual(onlyError(huge),
                       "t.yaml:\(location(of: "1e999", in: huge)): base.exposure.streams[0].kaon_decays: '1e999' is not a finite number; expected a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12")
    }

    func testDimensionedValueWithoutUnit() {
        let yaml = replacingLine(containing: "resolution:", with: "    resolution: 1.7e-3")
        XCTAssertEqual(onlyError(yaml), "t.yaml:9:17: base.detector.resolution: '1.7e-3' has no unit; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2} (units: keV^2, MeV^2, GeV^2)")
    }

    func testUnitOfTheWrongDimension() {
        let yaml = replacingLine(containing: "resolution:", with: "    resolution: 1.7e-3 MeV")
        XCTAssertEqual(onlyError(yaml), "t.yaml:9:17: base.detector.resolution: 'MeV' is a unit of mass; expected the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2} (units: keV^2, MeV^2, GeV^2)")
        let angle = replacingLine(containing: "veto:", with: "    veto: { hermetic_angle: 50 MeV, inefficiency: 1e-3 }")
        XCTAssertEqual(onlyError(angle), "t.yaml:\(location(of: "50 MeV", in: angle)): base.detector.veto.hermetic_angle: 'MeV' is a unit of mass; expected the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad (units: urad, mrad, rad, deg)")
    }

    func testUnknownUnitAndUnitOnAPlainNumber() {
        let yaml = replacingLine(containing: "masses:", with: "masses: { from: 100 MeV, to: 300 MeV, step: 1 furlong }")
        XCTAssertEqual(onlyError(yaml), "t.yaml:3:45: masses.step: unknown unit 'furlong'; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points (units: keV, MeV, GeV)")
        let fraction = replacingLine(containing: "signal_acceptance:", with: "    signal_acceptance: 10 MeV")
        XCTAssertEqual(onlyError(fraction), "t.yaml:11:24: base.detector.signal_acceptance: '10 MeV' has a unit, but this value is a plain number; expected a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}")
    }

    // MARK: ranges

    /// Each out-of-range value, with the expected range in the message.
    func testOutOfRangeValues() {
        let cases: [(line: String, with: String, value: String, path: String, expected: String)] = [
            ("- { name: Run 1", "      - { name: Run 1, kaon_decays: 0 }", "0", "base.exposure.streams[0].kaon_decays",
             "a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12"),
            ("- { name: Run 1", "      - { name: Run 1, kaon_decays: 4.5e12, prescale: 0.5 }", "0.5", "base.exposure.streams[0].prescale",
             "a prescale factor >= 1, like 150"),
            ("- { name: Run 1", "      - { name: Run 1, kaon_decays: 4.5e12, trigger_efficiency: 1.2 }", "1.2", "base.exposure.streams[0].trigger_efficiency",
             "a trigger efficiency in [0, 1]"),
            ("- { name: Run 1", "      - { name: Run 1, effective_kaon_decays: -3e10 }", "-3e10", "base.exposure.streams[0].effective_kaon_decays",
             "a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10"),
            ("resolution:", "    resolution: 0 GeV^2", "0 GeV^2", "base.detector.resolution",
             "the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}"),
            ("veto:", "    veto: { hermetic_angle: 50 mrad, inefficiency: -1e-3 }", "-1e-3", "base.detector.veto.inefficiency",
             "a photon-veto inefficiency in [0, 1] like 1e-3, or a list of points {energy: 1 GeV, inefficiency: 1e-3}"),
            ("veto:", "    veto: { hermetic_angle: 4 rad, inefficiency: 1e-3 }", "4 rad", "base.detector.veto.hermetic_angle",
             "the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad"),
            ("signal_acceptance:", "    signal_acceptance: 0", "0", "base.detector.signal_acceptance",
             "a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}"),
            ("signal_acceptance:", "    signal_acceptance: 0.1\n    background_acceptance: 1.01", "1.01", "base.detector.background_acceptance",
             "a background acceptance in [0, 1] like 0.1 (omit it to use the signal acceptance)"),
            ("signal_acceptance:", "    signal_acceptance: 0.1\n    visible_decay_fraction: 1", "1", "base.detector.visible_decay_fraction",
             "the fraction of HNLs decaying visibly in the detector, in [0, 1) like 0"),
            ("masses:", "masses: { from: -1 MeV, to: 300 MeV, step: 1 MeV }", "-1 MeV", "masses.from",
             "a mass in [0, 358.189 MeV], the kinematic range of K+ -> pi0 e+ N"),
            ("masses:", "masses: { from: 100 MeV, to: 360 MeV, step: 1 MeV }", "360 MeV", "masses.to",
             "a mass in [0, 358.189 MeV], the kinematic range of K+ -> pi0 e+ N"),
            ("masses:", "masses: { from: 100 MeV, to: 300 MeV, step: 0 MeV }", "0 MeV", "masses.step",
             "a positive mass like 1 MeV, giving at least 2 and at most 100000 points"),
        ]
        for c in cases {
            let yaml = replacingLine(containing: c.line, with: c.with)
            XCTAssertEqual(onlyError(yaml), "t.yaml:\(valueLocation(c.value, replacing: c.line, with: c.with)): \(c.path): '\(c.value)' is out of range; expected \(c.expected)", c.with)
        }
    }

    /// "LINE:COL" of `value` (written after ": ") in the text that replaced the line holding `old`.
    private func valueLocation(_ value: String, replacing old: String, with new: String) -> String {
        let firstLine = minimalScenario.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(old) } ?? 0
        for (offset, line) in new.split(separator: "\n").enumerated() {
            if let range = line.range(of: ": " + value) {
                return "\(firstLine + 1 + offset):\(line.distance(from: line.startIndex, to: range.lowerBound) + 3)"
            }
        }
        return "not found"
    }

    func testAnalysisRanges() {
        let cases: [(String, String, String, String)] = [
            ("confidence: 1", "1", "analysis.confidence", "a confidence level above 0.5 and at most 0.9999, like 0.90"),
            ("confidence: 0", "0", "analysis.confidence", "a confidence level above 0.5 and at most 0.9999, like 0.90"),
            ("confidence: 0.3", "0.3", "analysis.confidence", "a confidence level above 0.5 and at most 0.9999, like 0.90"),
            ("confidence: 0.5", "0.5", "analysis.confidence", "a confidence level above 0.5 and at most 0.9999, like 0.90"),
            ("confidence: 0.9999999999999999", "0.9999999999999999", "analysis.confidence", "a confidence level above 0.5 and at most 0.9999, like 0.90"),
            ("background_uncertainty: -0.1", "-0.1", "analysis.background_uncertainty", "a relative background uncertainty delta_b/b in [0, 10], like 0.12, or sideband-fit"),
            ("window: 0 sigma", "0 sigma", "analysis.window", "a half-width k in (0, 10] of the m2_miss window in units of sigma, like '1.4 sigma', or 'optimal'"),
            ("window: -1.4σ", "-1.4σ", "analysis.window", "a half-width k in (0, 10] of the m2_miss window in units of sigma, like '1.4 sigma', or 'optimal'"),
        ]
        for (entry, value, path, expected) in cases {
            let yaml = minimalScenario + "  analysis: { \(entry) }\n"
            XCTAssertEqual(onlyError(yaml), "t.yaml:12:\(15 + entry.distance(from: entry.startIndex, to: entry.range(of: ": ")!.upperBound)): base.\(path): '\(value)' is out of range; expected \(expected)")
        }
    }

    func testMassRangeOrderAndSize() {
        let reversed = replacingLine(containing: "masses:", with: "masses: { from: 300 MeV, to: 100 MeV, step: 1 MeV }")
        XCTAssertEqual(onlyError(reversed), "t.yaml:3:30: masses.to: '100 MeV' is below masses.from; expected to >= from")
        let fine = replacingLine(containing: "masses:", with: "masses: { from: 100 MeV, to: 300 MeV, step: 1 keV }")
        XCTAssertEqual(onlyError(fine), "t.yaml:3:45: masses.step: '1 keV' gives 200001 mass points from 100 MeV to 300 MeV; expected a positive mass like 1 MeV, giving at least 2 and at most 100000 points")
    }

    /// The kinematic range follows the channel: 260 MeV is fine for pi0 e+ N, beyond pi0 mu+ N's 253.04 MeV.
    func testKinematicRangeDependsOnTheChannel() {
        let yaml = replacingLine(containing: "masses:", with: "masses: { from: 100 MeV, to: 260 MeV, step: 1 MeV }")
        XCTAssertNotNil(decoded(yaml))
        let muon = replacingLine(containing: "channel:", with: "channel: K+ -> pi0 mu+ N", in: yaml)
        XCTAssertEqual(onlyError(muon), "t.yaml:3:30: masses.to: '260 MeV' is out of range; expected a mass in [0, 253.042 MeV], the kinematic range of K+ -> pi0 mu+ N")
    }

    func testTablePointsMustIncrease() {
        let yaml = replacingLine(containing: "signal_acceptance:", with: """
                signal_acceptance:
                  - { mass: 150 MeV, acceptance: 0.1 }
                  - { mass: 120 MeV, acceptance: 0.1 }
            """)
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "120 MeV", in: yaml)): base.detector.signal_acceptance[1].mass: '120 MeV' does not increase from the previous point (line 12); expected points in strictly increasing mass")
    }

    // MARK: names

    /// 'tau+' is two edits from 'mu+' and three from 'e+'.
    func testUnknownChannelListsTheKnownOnes() {
        let yaml = replacingLine(containing: "channel:", with: "channel: K+ -> pi0 tau+ N")
        XCTAssertEqual(onlyError(yaml), "t.yaml:2:10: channel: unknown channel 'K+ -> pi0 tau+ N'; expected one of K+ -> e+ N, K+ -> mu+ N, K+ -> pi0 e+ N, K+ -> pi0 mu+ N, K+ -> mu+ nu X, K+ -> mu+ nu nu nubar (did you mean 'K+ -> pi0 mu+ N'?)")
    }

    func testUnknownChoiceSuggests() {
        let yaml = minimalScenario + "  analysis: { statistic: cls }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:12:26: base.analysis.statistic: unknown value 'cls'; expected one of detection, median-exclusion, cls-expected, shape (did you mean 'cls-expected'?)")
        let typo = minimalScenario + "  analysis: { statistic: median-exclusoin }\n"
        XCTAssertEqual(onlyError(typo), "t.yaml:12:26: base.analysis.statistic: unknown value 'median-exclusoin'; expected one of detection, median-exclusion, cls-expected, shape (did you mean 'median-exclusion'?)")
    }

    func testUnknownReferenceForTheFlavour() {
        // na62_2021 is a muon limit: not valid for an electron channel.
        let yaml = minimalScenario + "figure: { references: [pienu_2018, na62_2021] }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "na62_2021", in: yaml)): figure.references[1]: unknown reference 'na62_2021' for electron mixing; expected one of bbn, bbn_sabti_2020, kek_1984, na62_2020, na62_2025_pi, pienu_2018, ps191_1988, triumf_1992 or {file: …, label: …} (did you mean 'na62_2020'?)")
    }

    func testVariantLabelUsedTwice() {
        let yaml = minimalScenario + """
            variants:
              - { label: Run 1 data }
              - { label: 2016-2024 }
              - { label: Run 1 data, analysis: { statistic: detection } }

            """
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "Run 1 data", in: yaml, occurrence: 2)): variants[2].label: 'Run 1 data' is already the label of variants[0] (line 13); expected a different label for each variant")
    }

    func testFigureNamesAVariantThatDoesNotExist() {
        let yaml = minimalScenario + "variants: [ { label: Run 1 data } ]\nfigure: { bands: Run 1 dta }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:13:18: figure.bands: no variant is labelled 'Run 1 dta'; expected the variant drawn with expected-limit bands, one of 'Run 1 data' (did you mean 'Run 1 data'?)")
    }

    func testMissingTableFile() {
        let yaml = minimalScenario + "  background: { table: tables/missing.csv, normalisation: per_kaon_decay }\n"
        XCTAssertEqual(onlyError(yaml, fileExists: { _ in false }),
                       "t.yaml:12:24: base.background.table: file '/scenarios/tables/missing.csv' not found; expected a dN/dm2_miss table file (relative to the scenario's folder)")
    }

    func testBackgroundModelAndTableExcludeEachOther() {
        let yaml = minimalScenario + "  background: { model: radiative, table: b.csv }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:12:35: base.background.table: given together with model (line 12); expected one of model, process or table")
        let noNormalisation = minimalScenario + "  background: { table: b.csv }\n"
        XCTAssertEqual(onlyError(noNormalisation), "t.yaml:12:15: base.background.normalisation: missing; expected per_kaon_decay, or {kaon_decays: <N>} for a table made for N kaon decays")
    }

    func testVetoIsRequiredForTheRadiativeBackgroundOnly() {
        let noVeto = replacingLine(containing: "veto:", with: "")
        XCTAssertEqual(onlyError(noVeto), "t.yaml:9:5: base.detector.veto: missing; expected a mapping {hermetic_angle: 50 mrad, inefficiency: 1e-3, beyond: missed}, or {regions: [...], beyond: missed} (the radiative background needs it)")
        XCTAssertNotNil(decoded(noVeto + "  background: { table: b.csv, normalisation: per_kaon_decay }\n"))
    }

    // MARK: many at once

    /// All problems of a file are reported together, in file order.
    func testAllErrorsAreReportedAtOnce() {
        var yaml = replacingLine(containing: "channel:", with: "channel: K+ -> pi0 e+ N")
        yaml = replacingLine(containing: "- { name: Run 1", with: "      - { name: Run 1, kaon_decay: 4.5e12, prescale: 0 }", in: yaml)
        yaml = replacingLine(containing: "resolution:", with: "    resolution: 1.7e-3", in: yaml)
        yaml = replacingLine(containing: "signal_acceptance:", with: "    signal_acceptance: 2", in: yaml)
        yaml += "  analysis: { confidence: 90 }\nvariants: [ { label: a }, { label: a } ]\nfigure: { references: [nope] }\n"
        let lines = errorLines(yaml)
        XCTAssertEqual(lines.count, 7, lines.joined(separator: "\n"))
        let paths = lines.map { $0.components(separatedBy: ": ")[1] }
        XCTAssertEqual(paths, [
            "base.exposure.streams[0].kaon_decay",       // unknown key (did you mean kaon_decays); not also "missing"
            "base.exposure.streams[0].prescale",
            "base.detector.resolution",
            "base.detector.signal_acceptance",
            "base.analysis.confidence",
            "variants[1].label",
            "figure.references[0]",
        ])
        // File order: line numbers never decrease.
        let lineNumbers = lines.map { Int($0.split(separator: ":")[1])! }
        XCTAssertEqual(lineNumbers, lineNumbers.sorted())
    }
}
