import XCTest
import Physics
@testable import Scenario

/// Parameter paths and values set from outside a file (`reach scan`): the path is checked against
/// the schema, and a value is validated exactly as if it were written in the file.
final class ScenarioOverrideTests: XCTestCase {
    /// Two variants; the second has two streams and no `analysis` section is written.
    let twoVariants = minimalScenario.replacingOccurrences(of: "title: Minimal", with: "title: Two") + """
    variants:
      - label: one
      - label: two
        exposure:
          streams:
            - { name: Run 1, kaon_decays: 4.5e12, prescale: 150 }
            - { name: di-electron, effective_kaon_decays: 5e10 }

    """

    private func parameter(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> ScenarioParameter? {
        switch ScenarioParameter.parse(path) {
        case .success(let parameter): return parameter
        case .failure(let error):
            XCTFail("\(path): \(error)", file: file, line: line)
            return nil
        }
    }

    private func pathError(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        switch ScenarioParameter.parse(path) {
        case .success: XCTFail("\(path) parsed", file: file, line: line); return ""
        case .failure(let error): return error.description
        }
    }

    private func decode(_ yaml: String, _ overrides: [ScenarioOverride]) -> Result<ScenarioFile, ScenarioErrors> {
        ScenarioDecoder.decode(text: yaml, path: "t.yaml", baseDirectory: "/scenarios", overrides: overrides)
    }

    private func override(_ path: String, _ value: String, variant: Int? = nil) -> [ScenarioOverride] {
        guard let parameter = parameter(path) else { return [] }
        return [ScenarioOverride(parameter: parameter, value: value, variantIndex: variant, origin: "--values")]
    }

    // MARK: - Paths

    func testPathsParseIntoComponentsWithTheirKinds() throws {
        let prescale = try XCTUnwrap(parameter(" exposure.streams[0].prescale "))
        XCTAssertEqual(prescale.path, "exposure.streams[0].prescale")
        XCTAssertEqual(prescale.components, [.key("exposure"), .key("streams"), .index(0), .key("prescale")])
        XCTAssertEqual(prescale.kind, .number)
        XCTAssertEqual(parameter("detector.veto.hermetic_angle")?.kind, .quantity(.angle))
        XCTAssertEqual(parameter("detector.resolution")?.kind, .quantity(.massSquared))
        XCTAssertEqual(parameter("analysis.window")?.kind, .sigmas)
        XCTAssertEqual(parameter("exposure.streams[12].trigger_efficiency")?.components.dropFirst(2).first, .index(12))
    }

    func testUnknownKeyListsTheKeysOfItsLevelAndSuggestsOne() {
        let message = pathError("detector.veto.hermetic_angel")
        XCTAssertTrue(message.contains("unknown key 'hermetic_angel' in detector.veto"), message)
        XCTAssertTrue(message.contains("(did you mean 'hermetic_angle'?)"), message)
        XCTAssertTrue(message.hasSuffix("expected one of detector.veto.hermetic_angle, detector.veto.inefficiency, detector.veto.regions[0].from, detector.veto.regions[0].to, detector.veto.regions[0].inefficiency"), message)
        let top = pathError("detectr.resolution")
        XCTAssertTrue(top.contains("in a projection (did you mean 'detector'?)"), top)
        XCTAssertTrue(top.contains("detector.resolution") && top.contains("analysis.background_uncertainty"), top)
    }

    func testNonNumericKeysMappingsAndListsAreRejectedWithTheNumericKeysBesideThem() {
        let choice = pathError("detector.veto.beyond")
        XCTAssertTrue(choice.contains("is a choice (missed, partial), not a number"), choice)
        XCTAssertTrue(choice.hasSuffix("expected one of detector.veto.hermetic_angle, detector.veto.inefficiency, detector.veto.regions[0].from, detector.veto.regions[0].to, detector.veto.regions[0].inefficiency"), choice)
        XCTAssertTrue(pathError("analysis.statistic").contains("not a number"))
        XCTAssertTrue(pathError("detector.veto").contains("holds several values; expected one of detector.veto.hermetic_angle"))
        XCTAssertTrue(pathError("exposure.streams.prescale").contains("is a list; expected an element index, like exposure.streams[0]"))
        XCTAssertTrue(pathError("detector[0].resolution").contains("detector is not a list"))
        XCTAssertTrue(pathError("detector.resolution.value").contains("is a single value"))
    }

    func testMalformedPathsAndFileLevelPrefixes() {
        for bad in ["", "detector..resolution", "detector.", "exposure.streams[x].prescale", "exposure.streams[-1].prescale", "a b"] {
            XCTAssertTrue(pathError(bad).contains("is not a key path"), bad)
        }
        XCTAssertTrue(pathError("base.detector.resolution").contains("without 'base'"))
        XCTAssertTrue(pathError("variants[1].detector.resolution").contains("without 'variants'"))
    }

    /// The schema of numeric keys names only keys the decoders accept, at every level.
    func testSchemaAgreesWithTheDecodersKeys() {
        XCTAssertEqual(ParameterSchema.keys(at: []), ScenarioBodyDecoding.keys)
        XCTAssertEqual(ParameterSchema.keys(at: ["exposure"]), ExposureDecoding.keys)
        XCTAssertEqual(ParameterSchema.keys(at: ["exposure", "streams"]), ExposureDecoding.streamKeys)
        XCTAssertEqual(ParameterSchema.keys(at: ["detector"]), DetectorDecoding.keys)
        XCTAssertEqual(ParameterSchema.keys(at: ["detector", "veto"]), DetectorDecoding.vetoKeys)
        XCTAssertEqual(ParameterSchema.keys(at: ["detector", "veto", "regions"]), DetectorDecoding.regionKeys)
        XCTAssertEqual(ParameterSchema.keys(at: ["detector", "resolution_tail"]), DetectorDecoding.tailKeys)
        XCTAssertEqual(ParameterSchema.keys(at: ["background"]), BackgroundDecoding.keys)
        XCTAssertEqual(ParameterSchema.keys(at: ["analysis"]), AnalysisDecoding.keys)
    }

    // MARK: - Values

    func testAnOverrideChangesOnlyItsVariant() throws {
        let file = try decode(twoVariants, override("detector.veto.hermetic_angle", "30mrad", variant: 1)).get()
        XCTAssertEqual(file.variants[0].detector.veto.hermeticAngleRad, 0.050, accuracy: 1e-15)
        XCTAssertEqual(file.variants[1].detector.veto.hermeticAngleRad, 0.030, accuracy: 1e-15)
        let all = try decode(twoVariants, override("detector.veto.hermetic_angle", "2 deg")).get()
        for variant in all.variants { XCTAssertEqual(variant.detector.veto.hermeticAngleRad, 2 * Double.pi / 180, accuracy: 1e-15) }
    }

    func testListElementsAndKeysAbsentFromTheFile() throws {
        let file = try decode(twoVariants, override("exposure.streams[1].effective_kaon_decays", "2e10", variant: 1)).get()
        // N_K = 4.5e12/150 + 2e10.
        XCTAssertEqual(file.variants[1].exposure.effectiveKaonDecays, 3e10 + 2e10, accuracy: 1)
        // `analysis` is not written at all: the key is created with its section.
        let uncertain = try decode(twoVariants, override("analysis.background_uncertainty", "0.25", variant: 0)).get()
        XCTAssertEqual(uncertain.variants[0].analysis.backgroundUncertainty, 0.25)
        XCTAssertEqual(uncertain.variants[0].analysis.confidence, 0.90)
        XCTAssertEqual(uncertain.variants[1].analysis.backgroundUncertainty, 0)
    }

    func testAFileWithoutVariantsIsVariantZero() throws {
        let file = try decode(minimalScenario, override("exposure.streams[0].prescale", "1", variant: 0)).get()
        XCTAssertEqual(file.variants[0].exposure.effectiveKaonDecays, 4.5e12, accuracy: 1)
    }

    /// A bad value gets the message the same text gets when written in the file, under the
    /// option's name instead of a line.
    func testBadValuesAreJudgedAsInAFile() throws {
        for (path, written, value) in [
            ("detector.veto.hermetic_angle", "hermetic_angle: 50 mrad", "30"),
            ("detector.veto.hermetic_angle", "hermetic_angle: 50 mrad", "7 MeV"),
            ("detector.veto.hermetic_angle", "hermetic_angle: 50 mrad", "-5 mrad"),
            ("detector.veto.inefficiency", "inefficiency: 1e-3", "1.5"),
            ("detector.resolution", "resolution: 1.7e-3 GeV^2", "1.7e-3 GeV"),
        ] {
            let inFile = twoVariants.replacingOccurrences(of: written, with: written.split(separator: ":")[0] + ": " + value)
            let fileError = try XCTUnwrap(decodeErrors(inFile, []).first)
            let overrideError = try XCTUnwrap(decodeErrors(twoVariants, override(path, value, variant: 0)).first)
            XCTAssertEqual(overrideError.file, "--values")
            XCTAssertNil(overrideError.line)
            XCTAssertEqual(overrideError.fieldPath, path)
            XCTAssertEqual(overrideError.message, fileError.message, "\(path) = \(value)")
            XCTAssertEqual(overrideError.expected, fileError.expected, "\(path) = \(value)")
        }
    }

    func testAMissingListElementNamesTheIndexRange() throws {
        let errors = decodeErrors(twoVariants, override("exposure.streams[2].prescale", "4", variant: 1))
        XCTAssertEqual(errors.map(\.description),
                       ["--values: exposure.streams[2].prescale: there is no exposure.streams[2]: the variant's exposure.streams has 2 elements; expected an index from 0 to 1"])
    }

    /// A key the file does not have, inconsistent with what it has, is the override's problem.
    func testAnAddedKeyInConflictIsReportedUnderTheOption() {
        let errors = decodeErrors(twoVariants, override("exposure.streams[1].prescale", "4", variant: 1))
        XCTAssertEqual(errors.map(\.file), ["--values"])
        XCTAssertTrue(errors[0].message.contains("applies to kaon_decays"), errors[0].message)
    }

    /// A mapping the override had to create (no `veto` in a file with a background table) is
    /// the override's: what it lacks is reported under the option too.
    func testWhatACreatedMappingLacksIsReportedUnderTheOption() {
        let tableFile = minimalScenario
            .replacingOccurrences(of: "    veto: { hermetic_angle: 50 mrad, inefficiency: 1e-3 }\n", with: "")
            + "  background: { table: flat.csv, normalisation: per_kaon_decay }\n"
        XCTAssertNotNil(try? decode(tableFile, []).get(), "the veto may be omitted with a table")
        let errors = decodeErrors(tableFile, override("detector.veto.inefficiency", "1e-2", variant: 0))
        XCTAssertEqual(errors.map(\.description), [
            "--values: detector.veto.hermetic_angle: missing; expected the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad",
        ])
    }

    func testNumericValuesShareTheFirstUnit() throws {
        let angle = try XCTUnwrap(parameter("detector.veto.hermetic_angle"))
        XCTAssertEqual(angle.numericValue(of: "30mrad")?.unit, "mrad")
        XCTAssertEqual(angle.numericValue(of: "30mrad")?.value, 30)
        let converted = try XCTUnwrap(angle.numericValue(of: "0.1 rad", in: "mrad"))
        XCTAssertEqual(converted.value, 100, accuracy: 1e-12)
        XCTAssertEqual(converted.unit, "mrad")
        XCTAssertNil(angle.numericValue(of: "30"))
        XCTAssertEqual(parameter("analysis.window")?.numericValue(of: "1.4 sigma")?.value, 1.4)
        XCTAssertNil(parameter("analysis.window")?.numericValue(of: "optimal"))
        XCTAssertEqual(parameter("exposure.streams[0].prescale")?.numericValue(of: "1.5×10^2")?.value, 150)
    }

    func testLoadVariationsDecodesOncePerSetAndReportsEveryBadValueOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reach-override-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("two.yaml").path
        try twoVariants.write(toFile: path, atomically: true, encoding: .utf8)
        let parameter = try XCTUnwrap(parameter("detector.veto.inefficiency"))
        let sets = ["1e-4", "1e-3", "1e-2"].map { [ScenarioOverride(parameter: parameter, value: $0, variantIndex: 0, origin: "--values")] }
        let files = try ScenarioLoader.loadVariations(path: path, overrideSets: sets).get()
        XCTAssertEqual(files.map { $0.variants[0].detector.veto.inefficiency }, [.constant(1e-4), .constant(1e-3), .constant(1e-2)])
        let bad = ["2", "1e-3", "2"].map { [ScenarioOverride(parameter: parameter, value: $0, variantIndex: 0, origin: "--values")] }
        guard case .failure(let errors) = ScenarioLoader.loadVariations(path: path, overrideSets: bad) else { return XCTFail("decoded") }
        XCTAssertEqual(errors.errors.count, 1, errors.description)
    }

    private func decodeErrors(_ yaml: String, _ overrides: [ScenarioOverride]) -> [ScenarioError] {
        switch decode(yaml, overrides) {
        case .success: XCTFail("decoded without errors"); return []
        case .failure(let errors): return errors.errors
        }
    }
}
