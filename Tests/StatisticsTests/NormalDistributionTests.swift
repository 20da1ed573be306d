import XCTest
import TestSupport
@testable import Statistics

final class NormalDistributionTests: XCTestCase {
    func testKnownQuantiles() {
        // Tabulated values of Φ⁻¹ (reference/normal_distribution.py).
        XCTAssertEqual(NormalDistribution.quantile(0.5), 0, accuracy: 1e-15)
        XCTAssertEqual(NormalDistribution.quantile(0.90), 1.2815515655446004, accuracy: 1e-12)
        XCTAssertEqual(NormalDistribution.quantile(0.95), 1.6448536269514722, accuracy: 1e-12)
        XCTAssertEqual(NormalDistribution.quantile(0.975), 1.959963984540054, accuracy: 1e-12)
        XCTAssertEqual(NormalDistribution.quantile(0.02275013194817921), -2, accuracy: 1e-10)
    }

    /// Values of Φ from 40-digit arithmetic (reference/normal_distribution.py).
    func testKnownCDFValues() {
        XCTAssertEqual(NormalDistribution.cdf(0), 0.5, accuracy: 1e-16)
        XCTAssertEqual(NormalDistribution.cdf(-1), 0.15865525393145707, accuracy: 1e-15)
        XCTAssertEqual(NormalDistribution.cdf(2), 0.9772498680518208, accuracy: 1e-15)
        // Tails keep relative precision.
        assertApproximatelyEqual(NormalDistribution.survival(8), 6.220960574271785e-16, relative: 1e-12)
        assertApproximatelyEqual(NormalDistribution.cdf(-8), 6.220960574271785e-16, relative: 1e-12)
    }

    func testQuantileInvertsCDFOverThirtyDecades() {
        for p in [1e-300, 1e-30, 1e-10, 1e-3, 0.02, 0.0243, 0.3, 0.5, 0.7, 0.97, 0.99] {
            assertApproximatelyEqual(NormalDistribution.cdf(NormalDistribution.quantile(p)), p, relative: 1e-9, "p = \(p)")
        }
        for tail in [1e-15, 1e-9, 1e-4] {
            let p = 1 - tail  // rounded: compare with the tail that p really has
            assertApproximatelyEqual(NormalDistribution.survival(NormalDistribution.quantile(p)), 1 - p, relative: 1e-6, "1 − p = \(tail)")
        }
    }

    func testSymmetryAndEdges() {
        for p in [1e-8, 0.01, 0.2, 0.4] {
            XCTAssertEqual(NormalDistribution.quantile(p), -NormalDistribution.quantile(1 - p), accuracy: 1e-8)
        }
        XCTAssertEqual(NormalDistribution.quantile(0), -.infinity)
        XCTAssertEqual(NormalDistribution.quantile(1), .infinity)
        XCTAssertTrue(NormalDistribution.quantile(1.5).isNaN)
    }
}
