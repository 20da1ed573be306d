import XCTest
@testable import Statistics

/// The Poisson-weighted polynomial fit to binned counts, against cases solved by hand.
final class BinnedPolynomialFitTests: XCTestCase {
    /// Order 0 on bins of width 1 with counts n: a₀ = N / Σ(1/nᵢ) (the weighted mean of the
    /// densities with weights 1/nᵢ), var a₀ = 1/Σ(1/nᵢ).
    func testConstantFitIsTheWeightedMean() throws {
        let counts = [100.0, 200, 400]
        let fit = try XCTUnwrap(BinnedPolynomialFit(binEdges: [(0, 1), (1, 2), (2, 3)], counts: counts, order: 0))
        let inverseSum = counts.reduce(0) { $0 + 1 / $1 }
        XCTAssertEqual(fit.coefficients[0], 3 / inverseSum, accuracy: 1e-12)
        XCTAssertEqual(fit.covariance[0], 1 / inverseSum, accuracy: 1e-12)
        let window = fit.integral(from: 5, to: 7)
        XCTAssertEqual(window.value, 2 * 3 / inverseSum, accuracy: 1e-10)
        XCTAssertEqual(window.variance, 4 / inverseSum, accuracy: 1e-10)
    }

    /// A straight line through two bins [−2, −1] and [1, 2] with n₁ and n₂: the window [−1, 1]
    /// holds n₁ + n₂ (the line's mean over the window is the mean of the two bins' densities)
    /// with variance n₁ + n₂ (A⁻¹'s first row is (½, ½), so var a₀ = (n₁ + n₂)/4).
    func testLineThroughTwoSidebandsByHand() throws {
        let fit = try XCTUnwrap(BinnedPolynomialFit(binEdges: [(-2, -1), (1, 2)], counts: [90, 130], order: 1))
        let window = fit.integral(from: -1, to: 1)
        XCTAssertEqual(window.value, 220, accuracy: 1e-10)
        XCTAssertEqual(window.variance, 220, accuracy: 1e-9)
        XCTAssertEqual(fit.coefficients[1], 40 / 3, accuracy: 1e-10, "slope (130 − 90)/3 per unit")
    }

    /// A quadratic density 50 + 3x + 0.4x² is recovered exactly by the order-2 fit (whatever the weights), and the
    /// order-3 fit adds nothing; too few bins determine nothing.
    func testQuadraticIsRecoveredAndTooFewBinsAreRefused() throws {
        let primitive = { (x: Double) in 50 * x + 1.5 * x * x + 0.4 * x * x * x / 3 }
        let edges = stride(from: -10.0, to: 10, by: 0.75).map { ($0, $0 + 0.75) }.filter { abs($0.0 + 0.375) > 2 }
        let counts = edges.map { primitive($0.1) - primitive($0.0) }
        XCTAssertTrue(counts.allSatisfy { $0 > 0 })
        let second = try XCTUnwrap(BinnedPolynomialFit(binEdges: edges, counts: counts, order: 2))
        let third = try XCTUnwrap(BinnedPolynomialFit(binEdges: edges, counts: counts, order: 3))
        let truth = primitive(1.5) - primitive(-1.5)
        XCTAssertEqual(second.integral(from: -1.5, to: 1.5).value / truth, 1, accuracy: 1e-12)
        XCTAssertEqual(third.integral(from: -1.5, to: 1.5).value / truth, 1, accuracy: 1e-10)
        XCTAssertNil(BinnedPolynomialFit(binEdges: [(0, 1), (1, 2)], counts: [5, 6], order: 2))
    }
}
