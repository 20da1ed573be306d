import Foundation
import XCTest
import TestSupport
@testable import Statistics

/// The ±1σ/±2σ bands of `.cls` expected limits where the exact method gives way to the
/// asymptotic one, against the exact method itself and against the prior-dominated limit
/// computed here by hand.
final class ExpectedBandTests: XCTestCase {
    private let relativeUncertainties = [0.0, 0.1, 0.5, 1.0]
    private let priors: [BackgroundUncertaintyModel] = [.gaussian, .logNormal]

    func testBandsEqualTheExactMethodAcrossAndAboveTheSwitch() {
        for prior in priors {
            for relative in relativeUncertainties {
                for b in [1000.0, 1500, 2200, 3000, 1e4] {
                    let experiment = CountingExperiment(background: b, backgroundUncertainty: relative * b, uncertaintyModel: prior)
                    let exact = ExactCLs(experiment, confidence: 0.90).expectedLimits().values
                    let cls = expectedLimits(experiment).values
                    for (edge, (c, e)) in zip(["-2σ", "-1σ", "median", "+1σ", "+2σ"], zip(cls, exact)) {
                        assertApproximatelyEqual(c, e, relative: 0.03, "\(edge) at b = \(b), δb/b = \(relative), \(prior)")
                    }
                }
            }
        }
    }

    func testBandsAreContinuousAtBothEndsOfTheBlend() {
        for prior in priors {
            for relative in relativeUncertainties {
                for edge in [CLsRegime.exactBelow, CLsRegime.asymptoticAbove] {
                    let below = expectedLimits(CountingExperiment(background: edge * (1 - 1e-6), backgroundUncertainty: relative * edge, uncertaintyModel: prior))
                    let above = expectedLimits(CountingExperiment(background: edge * (1 + 1e-6), backgroundUncertainty: relative * edge, uncertaintyModel: prior))
                    for (l, u) in zip(below.values, above.values) { assertApproximatelyEqual(u, l, relative: 0.03, "b = \(edge), δb/b = \(relative), \(prior)") }
                }
            }
        }
    }

    /// For δb ≫ √b the Poisson spread is negligible and the count is b′ itself: CLb(n) = Π(n)
    /// and CLs+b(s) = Π(n − s), Π the prior's CDF. The band N then solves Π(n) = Φ(N),
    /// Π(n − s) = α Φ(N). Truncated Gaussian (δb = b, support θ ≥ −1):
    /// Π(b + δb θ) = (Φ(θ) − Φ(−1))/(1 − Φ(−1)); log-normal (κ = 2): Π(b κ^θ) = Φ(θ).
    func testPriorDominatedBandsMatchTheHandComputedLimit() {
        let alpha = 0.10
        for b in [1e12, 1e50, 1e300] {
            for sigma in [-2.0, -1, 0, 1, 2] {
                let q = Self.cdf(sigma)
                // Gaussian truncated at b′ = 0.
                let below = Self.cdf(-1)
                let thetaCount = Self.quantile(below + q * (1 - below))
                let thetaSignal = Self.quantile(below + alpha * q * (1 - below))
                let gaussian = expectedLimits(CountingExperiment(background: b, backgroundUncertainty: b, uncertaintyModel: .gaussian))
                assertApproximatelyEqual(gaussian.values[Int(sigma) + 2], b * (thetaCount - thetaSignal), relative: 1e-3, "Gaussian, N = \(sigma), b = \(b)")
                // Log-normal, κ = 1 + δb/b = 2.
                let logNormal = expectedLimits(CountingExperiment(background: b, backgroundUncertainty: b, uncertaintyModel: .logNormal))
                let expected = b * (pow(2, sigma) - pow(2, Self.quantile(alpha * q)))
                assertApproximatelyEqual(logNormal.values[Int(sigma) + 2], expected, relative: 1e-3, "log-normal, N = \(sigma), b = \(b)")
            }
        }
    }

    /// Without uncertainty the CLs median at large b solves 2[s − b ln(1 + s/b)] = Φ⁻¹(0.95)²
    /// (the Asimov q_A of Cowan et al. 2011), i.e. 1.645 √b (1 + O(1/√b)); the series
    /// x − ln(1 + x) = Σ (−1)ᵏ xᵏ/k (k ≥ 2) is summed here for x = s/b ≪ 1.
    func testMedianAtLargeBackgroundHasNoCancellation() {
        let z = Self.quantile(0.95)
        for b in [1e6, 1e12, 1e50, 1e300] {
            func asimov(_ s: Double) -> Double {
                let x = s / b
                var sum = 0.0, power = x * x, k = 2.0
                while abs(power / k) > 1e-18 * abs(sum) || sum == 0 {
                    sum += (k.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1) * power / k
                    power *= x
                    k += 1
                }
                return 2 * b * sum
            }
            var lower = 0.5 * z * b.squareRoot(), upper = 2 * z * b.squareRoot()
            for _ in 0..<200 {
                let middle = 0.5 * (lower + upper)
                if asimov(middle) < z * z { lower = middle } else { upper = middle }
            }
            for method in [LimitMethod.cls, .asymptotic] {
                let median = expectedLimits(CountingExperiment(background: b), method: method).median
                assertApproximatelyEqual(median, lower, relative: 1e-6, "b = \(b), \(method)")
            }
        }
        // The bands at b = 10⁵⁰: √b (Φ⁻¹(1 − α Φ(N)) + N) (Cowan et al. 2011, Eq. 89, leading order).
        let limits = expectedLimits(CountingExperiment(background: 1e50))
        for (value, sigma) in zip(limits.values, [-2.0, -1, 0, 1, 2]) {
            assertApproximatelyEqual(value, 1e25 * (Self.quantile(1 - 0.1 * Self.cdf(sigma)) + sigma), relative: 1e-6, "N = \(sigma)")
        }
    }

    func testObservedLimitAtLargeBackground() throws {
        // n_obs = b: the observed limit is the median, 1.645 √b at leading order.
        for b in [1e14, 1e18] {
            let experiment = CountingExperiment(background: b)
            assertApproximatelyEqual(try observedLimit(observed: Int(b), experiment: experiment), 1.6448536 * b.squareRoot(), relative: 1e-5, "b = \(b)")
        }
    }

    // MARK: - independent normal distribution (Foundation's erfc, bisection)

    static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    static func quantile(_ p: Double) -> Double {
        var lower = -40.0, upper = 40.0
        for _ in 0..<200 {
            let middle = 0.5 * (lower + upper)
            if cdf(middle) < p { lower = middle } else { upper = middle }
        }
        return 0.5 * (lower + upper)
    }
}
