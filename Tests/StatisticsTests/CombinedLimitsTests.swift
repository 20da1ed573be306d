import XCTest
import Foundation
@testable import Statistics

/// Combined expected limits of independent channels, against facts that do not come from the
/// combination code: single-channel limits, exposure scaling, hand-solved Asimov equations and
/// the moments of the prior-averaged counts.
final class CombinedLimitsTests: XCTestCase {
    private func channel(_ a: Double, _ b: Double, _ db: Double = 0, _ model: BackgroundUncertaintyModel = .gaussian) -> CombinedChannel {
        CombinedChannel(signalPerParameter: a, experiment: CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: model))
    }

    private func assertRelative(_ x: ExpectedLimits, _ y: ExpectedLimits, _ tolerance: Double, _ message: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        for (u, v) in zip(x.values, y.values) {
            XCTAssertEqual(u / v, 1, accuracy: tolerance, "\(message): \(x.values) vs \(y.values)", file: file, line: line)
        }
    }

    /// Two identical channels without uncertainty are one channel with twice the exposure: their
    /// counts add, and the LEP statistic is a multiple of the sum, so the exact combination
    /// equals the single channel (2a, 2b) — at small b, where the method is exact.
    func testIdenticalCopyIsTwiceTheExposureExactly() {
        for b in [0.5, 3.0, 12.0, 25.0] {
            let combined = combinedExpectedLimits([channel(2, b), channel(2, b)])
            let twice = expectedLimits(CountingExperiment(background: 2 * b)).values.map { $0 / 4 }
            assertRelative(combined, ExpectedLimits(minus2: twice[0], minus1: twice[1], median: twice[2], plus1: twice[3], plus2: twice[4]),
                           1e-6, "b = \(b)")
        }
    }

    /// At b ≫ 1 (asymptotic) an identical copy is twice the exposure within 1 %; with independent
    /// Gaussian uncertainties δb on each copy, the doubled channel has δb√2 (the sum of two
    /// Gaussians). The combination profiles the background where the single channel averages
    /// over its prior; for Gaussian priors the two agree at this level.
    func testIdenticalCopyAtLargeBackground() {
        for (b, relative) in [(1e4, 0.0), (3e3, 0.0), (3e3, 0.1), (2e4, 0.05), (1e5, 0.01)] {
            let db = relative * b
            let combined = combinedExpectedLimits([channel(1, b, db), channel(1, b, db)])
            let twice = expectedLimits(CountingExperiment(background: 2 * b, backgroundUncertainty: db * 2.0.squareRoot()))
            assertRelative(combined, ExpectedLimits(twice.values.map { $0 / 2 }), 0.01, "b = \(b), δb/b = \(relative)")
        }
    }

    /// A channel that sees no signal changes nothing, at any b.
    func testChannelWithoutSignalChangesNothing() {
        for (b, db) in [(0.0, 0.0), (4.0, 1.0), (300.0, 30.0), (5e4, 5e3)] {
            let alone = combinedExpectedLimits([channel(3, b, db)])
            let single = expectedLimits(CountingExperiment(background: b, backgroundUncertainty: db))
            XCTAssertEqual(alone, ExpectedLimits(single.values.map { $0 / 3 }))
            XCTAssertEqual(combinedExpectedLimits([channel(3, b, db), channel(0, 17, 2)]), alone)
            XCTAssertEqual(combinedExpectedLimits([channel(0, 1e6), channel(3, b, db), channel(0, 2)]), alone)
        }
        XCTAssertEqual(combinedExpectedLimits([channel(0, 10)]).median, .infinity, "no signal anywhere: nothing excluded")
    }

    /// The exact combination applied to one channel is `ExactCLs`' limit at the count quantile
    /// (a different algorithm: the CDF of the limit over outcomes, not the limit at n_q).
    func testExactCombinationOfOneChannelIsTheCountingLimit() {
        for (b, db, model) in [(0.0, 0.0, BackgroundUncertaintyModel.gaussian), (2.0, 0.0, .gaussian), (7.5, 2.0, .gaussian),
                               (20.0, 10.0, .gaussian), (20.0, 10.0, .logNormal), (60.0, 6.0, .logNormal)] {
            let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: model)
            let one = [CombinedChannel(signalPerParameter: 1, experiment: experiment)]
            let guesses = CombinedAsymptoticCLs(one, confidence: 0.9).expectedLimits()
            let exact = CombinedExactCLs(one, confidence: 0.9).expectedLimits(guesses: guesses)
            assertRelative(exact, ExactCLs(experiment, confidence: 0.9).expectedLimits(), 2e-6, "b = \(b), δb = \(db), \(model)")
        }
    }

    /// CCGV Eq. 89 without uncertainty, solved by hand for b = 100 at 90 % CL:
    /// 2[s − b ln(1 + s/b)] = (Φ⁻¹(1 − 0.1 Φ(N)) + N)² gives 8.60805, 11.9211, 17.3625, 25.6987, 36.6595.
    func testAsymptoticCombinationSolvesTheAsimovEquation() {
        let limits = CombinedAsymptoticCLs([channel(1, 100)], confidence: 0.9).expectedLimits()
        let byHand = [8.608049157249981, 11.92109459297701, 17.36247760364117, 25.69867610879598, 36.65949280894108]
        for (value, expected) in zip(limits.values, byHand) { XCTAssertEqual(value / expected, 1, accuracy: 1e-8) }
        // And its median is the single-channel asymptotic median (the same Asimov set).
        XCTAssertEqual(limits.median / AsymptoticCLs(CountingExperiment(background: 100), confidence: 0.9).expectedLimits().median, 1, accuracy: 1e-6)
    }

    /// With an uncertainty the background is profiled (θ̂ minimising the constrained Asimov
    /// likelihood); reference values from a bounded numerical minimisation of
    /// ν − n − n ln(ν/n) + θ²/2 over θ and a root of √q_A = c_N, for the −2σ edge, the median and +2σ.
    func testProfiledAsimovAgainstNumericalMinimisation() {
        let cases: [(CombinedChannel, [Double])] = [
            (channel(1, 1000, 100), [87.83560658602511, 172.59658596820606, 345.8792837693764]),
            (channel(1, 1000, 300, .logNormal), [199.19669497526485, 355.2973397560313, 593.3423386009744]),
            (channel(1, 50, 10), [10.335270071070948, 20.468269744008957, 41.745443220681246]),
        ]
        for (one, expected) in cases {
            let limits = CombinedAsymptoticCLs([one], confidence: 0.9).expectedLimits()
            for (value, reference) in zip([limits.minus2, limits.median, limits.plus2], expected) {
                XCTAssertEqual(value / reference, 1, accuracy: 1e-7, "\(one.experiment)")
            }
        }
    }

    /// The combination is at least as strong as its strongest channel and, for two equal channels
    /// at large b, stronger by ≈ √2 (the median scales as 1/√N for a background-dominated search).
    func testCombinationIsStrongerThanItsParts() {
        let a = channel(2, 400, 40), b = channel(1, 100, 5)
        let combined = combinedExpectedLimits([a, b])
        for part in [a, b] {
            let alone = combinedExpectedLimits([part])
            for (c, p) in zip(combined.values, alone.values) { XCTAssertLessThan(c, p) }
        }
        let equal = combinedExpectedLimits([channel(1, 1e5), channel(1, 1e5)]).median
        XCTAssertEqual(combinedExpectedLimits([channel(1, 1e5)]).median / equal, 2.0.squareRoot(), accuracy: 0.005)
    }

    /// Between b = 30 and 100 the exact and asymptotic results are blended: the blend lies
    /// between the two, the two differ there by less than 6 % (the asymptotic formulae's error
    /// at tens of events), and near b = 100, where the weight reaches 0, the median moves by
    /// less than 1 % per 1 % of b. (Below, exact expected limits step with b, as for one channel.)
    func testRegimeTransitionIsContinuous() {
        for b in stride(from: 30.0, through: 110, by: 8) {
            let channels = [channel(1, b, 0.1 * b), channel(0.5, 0.5 * b)]
            let blended = combinedExpectedLimits(channels).median
            let asymptotic = CombinedAsymptoticCLs(channels, confidence: 0.9).expectedLimits()
            let exact = CombinedExactCLs(channels, confidence: 0.9).expectedLimits(guesses: asymptotic).median
            XCTAssertEqual(exact / asymptotic.median, 1, accuracy: 0.06, "b = \(b)")
            XCTAssertLessThanOrEqual(blended, max(exact, asymptotic.median) * (1 + 1e-12))
            XCTAssertGreaterThanOrEqual(blended, min(exact, asymptotic.median) * (1 - 1e-12))
        }
        var previous: Double?
        for b in stride(from: 94.0, through: 106, by: 1) {
            let blended = combinedExpectedLimits([channel(1, b, 0.1 * b), channel(0.5, 0.5 * b)]).median
            if let previous { XCTAssertEqual(blended / previous, 1, accuracy: 0.01, "b = \(b)") }
            previous = blended
        }
    }

    /// The prior-averaged count distribution sums to 1, has mean s + E[b′] and variance
    /// s + E[b′] + Var b′ (Poisson plus the prior), for the truncated Gaussian
    /// (E[b′] = b + δb φ(u)/(1 − Φ(u)), u = −b/δb) and the log-normal (E[b′] = b e^{σ²/2}, σ = ln κ).
    func testPriorAveragedCountMoments() {
        for (b, db, model) in [(10.0, 3.0, BackgroundUncertaintyModel.gaussian), (5.0, 5.0, .gaussian), (40.0, 20.0, .logNormal), (3.0, 0.0, .gaussian)] {
            let s = 2.5
            let counts = PriorAveragedCounts(CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: model))
            let p = counts.probabilities(signal: s, upTo: counts.countRange(signal: s))
            let total = p.reduce(0, +)
            let mean = p.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
            let variance = p.enumerated().reduce(0) { $0 + (Double($1.offset) - mean) * (Double($1.offset) - mean) * $1.element }
            let priorMean: Double, priorVariance: Double
            switch model {
            case .gaussian:
                if db == 0 { priorMean = b; priorVariance = 0; break }
                let u = -b / db, ratio = NormalDistribution.density(u) / (1 - NormalDistribution.cdf(u))
                priorMean = b + db * ratio
                priorVariance = db * db * (1 + u * ratio - ratio * ratio)
            case .logNormal:
                let sigma2 = Foundation.log(1 + db / b) * Foundation.log(1 + db / b)
                priorMean = b * Foundation.exp(sigma2 / 2)
                priorVariance = b * b * (Foundation.exp(sigma2) - 1) * Foundation.exp(sigma2)
            }
            XCTAssertEqual(total, 1, accuracy: 1e-10)
            XCTAssertEqual(mean, s + priorMean, accuracy: 1e-7 * (s + priorMean))
            XCTAssertEqual(variance, s + priorMean + priorVariance, accuracy: 1e-6 * (s + priorMean + priorVariance))
        }
    }
}
