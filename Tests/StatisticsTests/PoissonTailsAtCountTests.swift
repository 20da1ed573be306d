import XCTest
import TestSupport
import RealModule
@testable import Statistics

/// The Poisson pair of the prior-average nodes, and Temme's four-term expansion from a = 50,
/// against Poisson sums carried out term by term in 80-bit extended precision here (64-bit
/// significand, exponent range to 10⁻⁴⁹⁵¹, so neither e^{−μ} nor the deep tails underflow).
final class PoissonTailsAtCountTests: XCTestCase {
    /// P(n ≤ k; μ) and P(n > k; μ) and P(n = k; μ) by direct summation in Float80: the terms
    /// e^{−μ} μʲ/j! by recurrence from j = 0, summed up to k for the lower tail and from k + 1
    /// until they stop mattering for the upper one (all terms positive: no cancellation).
    private func directSums(_ k: Int, _ mu: Double) -> (lower: Double, upper: Double, probability: Double) {
        let m = Float80(mu)
        var term = Float80.exp(-m), lower: Float80 = 0, probability: Float80 = 0
        for j in 0...k {
            if j > 0 { term *= m / Float80(j) }
            lower += term
            if j == k { probability = term }
        }
        var upper: Float80 = 0
        var j = k + 1
        while true {
            term *= m / Float80(j)
            upper += term
            if term < upper * 1e-21 && Float80(j) > m { break }
            j += 1
        }
        return (Double(lower), Double(upper), Double(probability))
    }

    func testPairAgainstExtendedPrecisionSums() {
        // Measured: worst 2.3×10⁻¹⁰ relative on the smaller tail and 4×10⁻¹⁵ on P(n = k), over
        // k = 0 … 600 and μ from 10 Poisson widths below to 10 above (a h ≤ 41).
        var worstTail = 0.0, worstProbability = 0.0
        for k in [0, 1, 3, 10, 30, 48, 49, 50, 70, 99, 100, 150, 300, 499, 600] {
            let tails = PoissonTailsAtCount(k: k)
            let a = Double(k) + 1
            for z in stride(from: -10.0, through: 10.0, by: 0.25) {
                let mu = a + z * a.squareRoot()
                guard mu > 0 else { continue }
                let pair = tails.cumulativeAndProbability(mean: mu)
                let direct = directSums(k, mu)
                if a * SaddlePointTerm.deviation(x: mu, a: a) > PoissonTailsAtCount.saturatedExponent {
                    // Saturated: the smaller tail is below 10⁻¹⁹, as the type's comment says.
                    XCTAssertLessThan(min(direct.lower, direct.upper), 1e-19, "k = \(k), μ = \(mu)")
                    XCTAssertEqual(pair.cumulative, direct.lower < direct.upper ? 0 : 1, "k = \(k), μ = \(mu)")
                    continue
                }
                let smaller = min(direct.lower, direct.upper)
                let computed = direct.lower < direct.upper ? pair.cumulative : 1 - pair.cumulative
                // 1 − F carries F's rounding, 10⁻¹⁶ absolute, where the upper tail is the smaller one.
                let tailError = abs(computed - smaller) / smaller
                if smaller > 1e-6 || direct.lower < direct.upper { worstTail = max(worstTail, tailError) }
                worstProbability = max(worstProbability, abs(pair.probability - direct.probability) / direct.probability)
            }
        }
        XCTAssertLessThan(worstTail, 5e-10)
        XCTAssertLessThan(worstProbability, 1e-13)
    }

    func testTemmeFourTermsFromFiftyOnBothTails() {
        // Q(a, x) for integer a is P(n ≤ a − 1; x); P(a, x) the upper sum. Measured: worst
        // 2.8×10⁻¹⁰ relative at a = 50, 1.7×10⁻¹¹ at a = 100, 7×10⁻¹³ at a = 500, any x.
        for (a, tolerance) in [(50, 4e-10), (100, 3e-11), (200, 5e-12), (500, 2e-12)] {
            for z in stride(from: -7.0, through: 7.0, by: 0.5) {
                let x = Double(a) + z * Double(a).squareRoot()
                let temme = TemmeExpansion.lowerAndUpper(Double(a), x)
                let direct = directSums(a - 1, x)
                if direct.lower < direct.upper {
                    assertApproximatelyEqual(temme.q, direct.lower, relative: tolerance, "a = \(a), x = \(x)")
                } else {
                    assertApproximatelyEqual(temme.p, direct.upper, relative: tolerance, "a = \(a), x = \(x)")
                }
            }
        }
    }
}
