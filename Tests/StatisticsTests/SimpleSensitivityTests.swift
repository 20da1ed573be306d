import XCTest
import TestSupport
import RealModule
@testable import Statistics

final class SimpleSensitivityTests: XCTestCase {
    func testZAtNinetyPercent() {
        XCTAssertEqual(SimpleSensitivity.z(confidence: 0.90), 1.2816, accuracy: 1e-4)
    }

    func testSeed001Equation3Constant() {
        // Seed 001 Eq. (3): 2.56 = 1.282 √(2k) / erf(k/√2) for k = 1.4.
        let k = 1.4
        let constant = SimpleSensitivity.z(confidence: 0.90) * (2 * k).squareRoot() / Double.erf(k / 2.0.squareRoot())
        XCTAssertEqual(constant, 2.56, accuracy: 0.005)
    }

    func testDetectionScalesAsSquareRootOfBackground() {
        let s1 = SimpleSensitivity.detectionSignal(background: 250)
        let s4 = SimpleSensitivity.detectionSignal(background: 1000)
        XCTAssertEqual(s4 / s1, 2, accuracy: 1e-12)
        XCTAssertEqual(s1, 1.2816 * 250.0.squareRoot(), accuracy: 1e-3)
        // δb adds in quadrature: b = 0, δb = 10 gives z·10.
        XCTAssertEqual(SimpleSensitivity.detectionSignal(background: 0, backgroundUncertainty: 10), 12.816, accuracy: 1e-3)
    }

    func testMedianExclusionSolvesItsDefiningEquation() {
        let z = SimpleSensitivity.z(confidence: 0.90)
        for (b, db) in [(0.0, 0.0), (3.0, 1.0), (100.0, 0.0), (1e6, 3e4)] {
            let s = SimpleSensitivity.medianExclusionSignal(background: b, backgroundUncertainty: db)
            assertApproximatelyEqual(s, z * (b + s + db * db).squareRoot(), relative: 1e-12, "b = \(b)")
        }
        XCTAssertEqual(SimpleSensitivity.medianExclusionSignal(background: 0), z * z, accuracy: 1e-12)
        // For b ≫ 1 it approaches the detection formula.
        assertApproximatelyEqual(SimpleSensitivity.medianExclusionSignal(background: 1e8), SimpleSensitivity.detectionSignal(background: 1e8), relative: 1e-3)
    }

    func testCouplingConversion() {
        // 1526 signal events with 10¹⁰ events per unit |U|² ⇒ |U|² = 1.526×10⁻⁷.
        XCTAssertEqual(u2(fromSignalEvents: 1526, signalEventsPerU2: 1e10), 1.526e-7, accuracy: 1e-20)
        XCTAssertEqual(u2(fromSignalEvents: 2.3, signalEventsPerU2: 0), .infinity)
    }
}
