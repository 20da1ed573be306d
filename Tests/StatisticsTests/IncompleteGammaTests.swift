import XCTest
import TestSupport
import RealModule
@testable import Statistics

final class IncompleteGammaTests: XCTestCase {
    func testExponentialCase() {
        // P(1, x) = 1 − e⁻ˣ.
        for x in [1e-8, 0.1, 1, 2, 5, 30] {
            assertApproximatelyEqual(IncompleteGamma.regularizedP(1, x), -Double.expMinusOne(-x), relative: 1e-13, "x = \(x)")
            assertApproximatelyEqual(IncompleteGamma.regularizedQ(1, x), Double.exp(-x), relative: 1e-13, "x = \(x)")
        }
    }

    func testHalfIntegerCaseIsErf() {
        // P(½, x) = erf(√x).
        for x in [1e-6, 0.3, 1, 1.5, 4, 10] {
            assertApproximatelyEqual(IncompleteGamma.regularizedP(0.5, x), Double.erf(x.squareRoot()), relative: 1e-13, "x = \(x)")
        }
        assertApproximatelyEqual(IncompleteGamma.regularizedQ(0.5, 10), Double.erfc(10.0.squareRoot()), relative: 1e-12)
    }

    func testIntegerOrderIsAPoissonSum() {
        // Q(n, x) = e⁻ˣ Σ_{k<n} xᵏ/k!, summed term by term here.
        for n in [2, 5, 20, 80, 600] {
            for x in [0.5 * Double(n), Double(n) - 1, Double(n) + 3, 1.2 * Double(n)] {
                var term = Double.exp(-x), sum = 0.0
                for k in 0..<n {
                    if k > 0 { term *= x / Double(k) }
                    sum += term
                }
                assertApproximatelyEqual(IncompleteGamma.regularizedQ(Double(n), x), sum, relative: 1e-11, "n = \(n), x = \(x)")
            }
        }
    }

    func testLargeOrderAgainstFortyDigitValues() {
        // Reference values from 40-digit arithmetic (mpmath gammainc, regularised: reference/incomplete_gamma.py).
        assertApproximatelyEqual(IncompleteGamma.regularizedQ(2.5, 0.7), 0.92431327280166695, relative: 1e-13)
        assertApproximatelyEqual(IncompleteGamma.regularizedQ(600, 650), 0.022714354700517687, relative: 1e-11)
        assertApproximatelyEqual(IncompleteGamma.regularizedP(600, 520), 0.0003250172365108403, relative: 1e-11)
        assertApproximatelyEqual(IncompleteGamma.regularizedP(1e6, 997_000), 0.0013381041673135997, relative: 1e-11)
        assertApproximatelyEqual(IncompleteGamma.regularizedQ(1e7 + 1, 1e7), 0.500084104416326, relative: 1e-12)
    }

    func testTemmeExpansionAgreesWithSeriesAndContinuedFraction() {
        // Two independent algorithms where both are valid (a ≥ 500): Temme's expansion against
        // the series (x < a + 1) or the continued fraction (x ≥ a + 1), on the smaller tail.
        for a in [500.0, 800.0, 3000.0] {
            for z in [-7.0, -3, -1, -0.01, 0.3, 1, 3, 7] {
                let x = a + z * a.squareRoot()
                let temme = TemmeExpansion.lowerAndUpper(a, x)
                let prefactor = SaddlePointTerm.value(a: a, x: x)
                if x < a + 1 {
                    let p = prefactor * IncompleteGamma.lowerSeries(a, x)
                    assertApproximatelyEqual(temme.p, p, relative: 3e-12, "a = \(a), x = \(x)")
                } else {
                    let q = a * prefactor * IncompleteGamma.upperContinuedFraction(a, x)
                    assertApproximatelyEqual(temme.q, q, relative: 3e-12, "a = \(a), x = \(x)")
                }
            }
        }
    }

    func testPoissonCDFAtAMillionIsNearlyNormal() {
        // P(n ≤ 10⁶; μ = 10⁶) ≈ Φ((k + ½ − μ)/√μ) + O(1/√μ) skewness term ≈ ½ + 2.7×10⁻⁴.
        let poisson = PoissonDistribution.cumulative(1_000_000, mean: 1e6)
        let normal = NormalDistribution.cdf(0.5 / 1000)
        XCTAssertEqual(poisson, normal, accuracy: 1e-3)
        // Q(10⁶ + 1, 10⁶) in 40-digit arithmetic (reference/incomplete_gamma.py).
        assertApproximatelyEqual(poisson, 0.50026596148628365, relative: 1e-12)
    }

    func testComplementAndEdges() {
        for (a, x) in [(0.3, 0.2), (3.0, 7.0), (150.0, 140.0), (5000.0, 5100.0)] {
            let (p, q) = IncompleteGamma.lowerAndUpper(a, x)
            XCTAssertEqual(p + q, 1, accuracy: 1e-14)
        }
        XCTAssertEqual(IncompleteGamma.regularizedP(3, 0), 0)
        XCTAssertEqual(IncompleteGamma.regularizedQ(3, .infinity), 0)
        XCTAssertTrue(IncompleteGamma.regularizedP(-1, 1).isNaN)
        XCTAssertEqual(IncompleteGamma.regularizedQ(1e7, 5e6), 1)
    }

    func testPoissonProbabilities() {
        XCTAssertEqual(PoissonDistribution.probability(0, mean: 2), Double.exp(-2), accuracy: 1e-16)
        assertApproximatelyEqual(PoissonDistribution.probability(3, mean: 2), 8.0 / 6 * Double.exp(-2), relative: 1e-14)
        // Stirling check at k = μ = 10⁷: P ≈ 1/√(2πμ) (1 − 1/(12μ)).
        assertApproximatelyEqual(PoissonDistribution.probability(10_000_000, mean: 1e7), (1 - 1 / 12e7) / (2 * Double.pi * 1e7).squareRoot(), relative: 1e-12)
        XCTAssertEqual(PoissonDistribution.cumulative(0, mean: 0), 1)
        XCTAssertEqual(PoissonDistribution.upperTail(0, mean: 3), 1)
        XCTAssertEqual(PoissonDistribution.cumulative(4, mean: 3.2) + PoissonDistribution.upperTail(5, mean: 3.2), 1, accuracy: 1e-15)
    }
}
