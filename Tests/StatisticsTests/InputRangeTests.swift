import XCTest
@testable import Statistics

/// The physical ranges where inputs enter: b and δb finite in 0 … 10³⁰⁰, 0.5 < CL ≤ 0.9999.
final class InputRangeTests: XCTestCase {
    func testCountingExperimentRefusesNonFiniteAndAbsurdValues() {
        XCTAssertThrowsError(try CountingExperiment(checkedBackground: 10, backgroundUncertainty: 1e308)) { error in
            XCTAssertEqual(error as? CountingExperimentError, .backgroundUncertainty(1e308))
        }
        for bad in [-1, .nan, .infinity, -.infinity, 1.0000001e300] {
            XCTAssertThrowsError(try CountingExperiment(checkedBackground: bad), "b = \(bad)")
            XCTAssertThrowsError(try CountingExperiment(checkedBackground: 1, backgroundUncertainty: bad), "δb = \(bad)")
        }
        XCTAssertNoThrow(try CountingExperiment(checkedBackground: 1e300, backgroundUncertainty: 1e300))
        XCTAssertNoThrow(try CountingExperiment(checkedBackground: 0))
    }

    func testEveryValidExperimentGivesFiniteOrderedLimits() throws {
        // The corners of the range, where the exact method would need counts beyond any Int.
        for (b, db) in [(10.0, 1e300), (0.0, 1e300), (1e300, 0.0), (1e300, 1e300), (2900, 1e14), (0.5, 1e13)] {
            for prior in BackgroundUncertaintyModel.allCases {
                let experiment = try CountingExperiment(checkedBackground: b, backgroundUncertainty: db, uncertaintyModel: prior)
                let values = expectedLimits(experiment).values
                XCTAssertTrue(values.allSatisfy { $0.isFinite && $0 > 0 }, "b = \(b) ± \(db) \(prior): \(values)")
                for i in 0..<4 { XCTAssertLessThanOrEqual(values[i], values[i + 1] * (1 + 1e-9), "b = \(b) ± \(db) \(prior): \(values)") }
                XCTAssertTrue(try observedLimit(observed: 3, experiment: experiment).isFinite, "b = \(b) ± \(db) \(prior)")
            }
        }
    }

    func testExactCountConversionIsSafeForAnyDouble() {
        XCTAssertEqual(ExactCLs.count(near: .nan), 0)
        XCTAssertEqual(ExactCLs.count(near: -.infinity), 0)
        XCTAssertEqual(ExactCLs.count(near: -3.5), 0)
        XCTAssertEqual(ExactCLs.count(near: 2.2), 3)
        XCTAssertEqual(ExactCLs.count(near: .infinity), ExactCLs.largestCount)
        XCTAssertEqual(ExactCLs.count(near: 1e300), ExactCLs.largestCount)
        // The exact method called directly outside its regime returns numbers, it does not trap.
        let wide = ExactCLs(CountingExperiment(background: 10, backgroundUncertainty: 1e300), confidence: 0.9).expectedLimits()
        XCTAssertFalse(wide.values.contains { $0.isNaN }, "\(wide.values)")
    }

    func testConfidenceRange() {
        for valid in [0.5000001, 0.68, 0.9, 0.95, 0.9999] { XCTAssertTrue(ConfidenceLevel.isValid(valid), "\(valid)") }
        for invalid in [0.3, 0.5, 0.99991, 0.9999999999999999, 1, .nan, -0.9] { XCTAssertFalse(ConfidenceLevel.isValid(invalid), "\(invalid)") }
    }
}
