import XCTest
import TestSupport
import Foundation
import Physics
import Scenario
import Simulation
@testable import Projection

/// `reach scan`'s engine: one scenario decoded once per value, projected at one mass.
final class ParameterScanTests: XCTestCase {
    private let scenarioText = """
    title: Scan
    channel: K+ -> pi0 e+ N
    masses: { from: 100 MeV, to: 300 MeV, step: 5 MeV }
    \(seed001BaseYAML)
    """
    private let generation = VariantBackground.Generation(events: 20_000, seed: 7)

    private func variations(_ path: String, _ values: [String]) throws -> (ScenarioParameter, [ScenarioFile]) {
        let parameter = try ScenarioParameter.parse(path).get()
        let files = try values.map { value in
            try ScenarioDecoder.decode(text: scenarioText, path: "scan.yaml",
                                       overrides: [ScenarioOverride(parameter: parameter, value: value, variantIndex: 0, origin: "--values")]).get()
        }
        return (parameter, files)
    }

    private func scan(_ path: String, _ values: [String], massGeV: Double = 0.135) throws -> ParameterScan {
        let (parameter, files) = try variations(path, values)
        return try Projector(generation: generation, workers: .threads(1)).scan(files, values: values, parameter: parameter, variant: 0, massGeV: massGeV)
    }

    /// Signal and background both scale as 1/P, so with δb = 0 the detection limit z√b/s goes
    /// as √P (seed 001 Sec. V: the dedicated trigger's gain is √150).
    func testPrescaleScanFollowsTheSquareRootLaw() throws {
        let result = try scan("exposure.streams[0].prescale", ["1", "4", "150"])
        let u2 = result.points.map(\.sensitivity.u2Detection)
        XCTAssertEqual(u2[1] / u2[0], 2, accuracy: 1e-9)
        XCTAssertEqual(u2[2] / u2[0], 150.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(result.points.map(\.value), [1, 4, 150])
        XCTAssertEqual(result.points.map(\.unit), ["", "", ""])
    }

    /// A wider hermetic coverage removes background and never adds any; the signal is untouched.
    func testWiderVetoLowersTheBackgroundOnOneSharedSample() throws {
        RadiativeSampleCache.shared.removeAll()
        let result = try scan("detector.veto.hermetic_angle", ["30mrad", "50 mrad", "0.1rad"])
        XCTAssertEqual(RadiativeSampleCache.shared.count, 1, "every value reweights the same generated sample")
        XCTAssertEqual(result.points.map(\.value), [30, 50, 100], "values in the first value's unit")
        XCTAssertEqual(result.points.map(\.unit), ["mrad", "mrad", "mrad"])
        let backgrounds = result.points.map(\.sensitivity.background)
        XCTAssertGreaterThan(backgrounds[0], backgrounds[1])
        XCTAssertGreaterThan(backgrounds[1], backgrounds[2])
        XCTAssertEqual(Set(result.points.map(\.sensitivity.signalPerU2)).count, 1)
    }

    /// The scan at the file's own value is the projection of the file at that mass.
    func testTheFilesOwnValueReproducesTheProjection() throws {
        let result = try scan("detector.resolution", ["1.7e-3 GeV^2", "1e-3 GeV^2"], massGeV: 0.135)
        let file = try ScenarioDecoder.decode(text: scenarioText, path: "scan.yaml").get()
        let projection = try Projector(generation: generation, workers: .threads(1)).project(file)
        let atMass = try XCTUnwrap(projection.curves[0].points.first { abs($0.massGeV - 0.135) < 1e-12 })
        XCTAssertEqual(result.points[0].sensitivity, atMass)
        XCTAssertNotEqual(result.points[1].sensitivity.u2Detection, atMass.u2Detection)
        XCTAssertEqual(result.variant, "Scan")
    }

    func testMassOutsideTheKinematicRangeIsRefused() throws {
        let endpoint = Channel.kaonToPi0ElectronN.endpointGeV
        XCTAssertNil(ParameterScan.massProblem(0, channel: .kaonToPi0ElectronN))
        XCTAssertNotNil(ParameterScan.massProblem(endpoint, channel: .kaonToPi0ElectronN))
        XCTAssertNotNil(ParameterScan.massProblem(-0.001, channel: .kaonToPi0ElectronN))
        XCTAssertThrowsError(try scan("detector.resolution", ["1e-3 GeV^2"], massGeV: 0.4)) { error in
            XCTAssertTrue("\(error)".contains("outside the kinematic range of K+ -> pi0 e+ N"), "\(error)")
        }
    }

    func testNonNumericValueIsRefused() throws {
        XCTAssertThrowsError(try scan("analysis.window", ["optimal"])) { error in
            XCTAssertTrue("\(error)".contains("'optimal' is not a number"), "\(error)")
        }
    }

    /// CSV and JSON carry the documented columns and the same numbers.
    func testTablesHaveTheDocumentedShape() throws {
        let result = try scan("analysis.background_uncertainty", ["0", "0.1"])
        let csv = ParameterScanTable.csv(result)
        let lines = csv.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("value,unit,u2_detection,u2_median_exclusion,u2_cls_expected"))
        XCTAssertEqual(lines.count, 3)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ParameterScanTable.json(result).utf8)) as? [String: Any])
        XCTAssertEqual(json["parameter"] as? String, "analysis.background_uncertainty")
        XCTAssertEqual(json["mass_MeV"] as? Double, 135)
        XCTAssertEqual(json["variant"] as? String, "Scan")
        let points = try XCTUnwrap(json["points"] as? [[String: Any]])
        for (point, line) in zip(points, lines.dropFirst()) {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            for (index, column) in ParameterScanTable.columns.enumerated() where column != "unit" {
                XCTAssertEqual((point[column] as? NSNumber)?.doubleValue, Double(cells[index]), column)
            }
        }
        // δb = 0.1 b with b ≫ 1: detection s = z√(b + δb²) ≈ z·0.1·b, far above z√b.
        XCTAssertGreaterThan(result.points[1].sensitivity.u2Detection, 5 * result.points[0].sensitivity.u2Detection)
    }
}
