import XCTest
import TestSupport
import RealModule
@testable import Statistics

final class CLsLimitTests: XCTestCase {
    private let ln10 = Double.log(10)

    func testNoBackgroundNoEventsGivesLnTen() throws {
        // CLs = e⁻ˢ ⇒ s = ln 10 = 2.303 at 90 % CL.
        let limit = try observedLimit(observed: 0, experiment: CountingExperiment(background: 0))
        XCTAssertEqual(limit, ln10, accuracy: 1e-6)
    }

    func testZeroEventsIsIndependentOfBackground() throws {
        // At n = 0, CLs+b/CLb = e⁻ˢ for any b (and any prior).
        for (b, db) in [(3.0, 0.0), (20.0, 0.0), (3.0, 1.5), (0.5, 0.3)] {
            let limit = try observedLimit(observed: 0, experiment: CountingExperiment(background: b, backgroundUncertainty: db))
            XCTAssertEqual(limit, ln10, accuracy: 1e-5, "b = \(b) ± \(db)")
        }
    }

    func testOneEventOnOneExpectedByHand() throws {
        // CLs(s) = e⁻ˢ (1 + (1 + s)) / (1 + 1) from the two Poisson terms n = 0, 1; solved here
        // by bisection.
        func cls(_ s: Double) -> Double { Double.exp(-s) * (2 + s) / 2 }
        var lower = 0.0, upper = 20.0
        for _ in 0..<200 {
            let middle = 0.5 * (lower + upper)
            if cls(middle) > 0.1 { lower = middle } else { upper = middle }
        }
        let limit = try observedLimit(observed: 1, experiment: CountingExperiment(background: 1))
        XCTAssertEqual(limit, lower, accuracy: 1e-6)
        XCTAssertEqual(limit, 3.2718, accuracy: 1e-4)
    }

    func testSeed000Numbers() throws {
        // Seed 000 Sec. 6: N_obs = 6894, N_exp = 7549 ± 928 ⇒ 1184 observed, 1526 expected (90 % CL).
        let experiment = CountingExperiment(background: 7549, backgroundUncertainty: 928)
        assertApproximatelyEqual(try observedLimit(observed: 6894, experiment: experiment), 1184, relative: 0.03)
        assertApproximatelyEqual(expectedLimits(experiment).median, 1526, relative: 0.03)
        // The log-normal prior gives lower limits (≈ 20 %).
        var logNormal = experiment
        logNormal.uncertaintyModel = .logNormal
        XCTAssertLessThan(try observedLimit(observed: 6894, experiment: logNormal), 0.9 * 1184)
        XCTAssertLessThan(expectedLimits(logNormal).median, 0.95 * 1526)
    }

    func testAgainstIndependentQuadrature() throws {
        // Observed limits computed independently with scipy (adaptive quad over the prior of
        // scipy.special.gammaincc, Brent root to 1e-10; reference/cls_limits.py): (n, b, δb, prior, limit).
        let references: [(Int, Double, Double, BackgroundUncertaintyModel, Double)] = [
            (1, 1, 0.5, .gaussian, 3.3460777340),
            (3, 3, 3, .gaussian, 5.0884835601),
            (10, 10, 1, .gaussian, 6.8282402011),
            (100, 100, 50, .gaussian, 75.8124742080),
            (1000, 1000, 300, .gaussian, 495.6902029001),
            (2, 5, 2, .gaussian, 3.6805412601),
            (5, 2, 1, .logNormal, 7.3614793600),
            (100, 100, 30, .logNormal, 39.8367061253),
            (6894, 7549, 928, .gaussian, 1186.1005139230),
            (6894, 7549, 928, .logNormal, 929.8451135028),
        ]
        for (n, b, db, model, expected) in references {
            let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: model)
            assertApproximatelyEqual(try observedLimit(observed: n, experiment: experiment), expected, relative: 1e-6, "n = \(n), b = \(b) ± \(db) \(model)")
        }
    }

    func testBandsAreOrdered() {
        for b in [0.0, 0.3, 1, 2.5, 7, 30, 150, 999, 1500, 5000, 1e5, 1e7] {
            for relative in [0.0, 0.2] {
                let values = expectedLimits(CountingExperiment(background: b, backgroundUncertainty: relative * b)).values
                for i in 0..<4 {
                    XCTAssertLessThanOrEqual(values[i], values[i + 1], "b = \(b), δb/b = \(relative): \(values)")
                }
            }
        }
    }

    func testMedianBelowLnTwoBackgroundIsTheZeroEventLimit() {
        // For b < ln 2, P(n = 0) = e⁻ᵇ > ½: the median count is 0 and the median limit 2.303.
        for b in [0.0, 0.1, 0.5, 0.69] {
            XCTAssertEqual(expectedLimits(CountingExperiment(background: b)).median, ln10, accuracy: 1e-6, "b = \(b)")
        }
        XCTAssertGreaterThan(expectedLimits(CountingExperiment(background: 0.7)).median, 3)
    }

    func testBandsUseNormalQuantilesNotRoundedOnes() {
        // At b = 3 the −2σ edge uses q = Φ(−2) = 0.02275: P(n ≤ 0) = e⁻³ = 0.0498 ≥ q ⇒ n = 0 ⇒ 2.303,
        // the −1σ edge q = 0.1587: P(n ≤ 0) < q ≤ P(n ≤ 1) = 0.199 ⇒ n = 1.
        let limits = expectedLimits(CountingExperiment(background: 3))
        XCTAssertEqual(limits.minus2, ln10, accuracy: 1e-6)
        let nOne = try? observedLimit(observed: 1, experiment: CountingExperiment(background: 3))
        XCTAssertEqual(limits.minus1, nOne ?? 0, accuracy: 1e-6)
    }

    func testAsymptoticFormulaFailsAtZeroBackgroundButCLsDoesNot() {
        // Asymptotics at b = 0: every count is n = 0 (CLb = 1) and P(n′ ≤ 0; s) ≈ Φ(−√(2s)) = 0.10
        // ⇒ s = Φ⁻¹(0.90)²/2 = 1.28155²/2 = 0.8212, against the exact e⁻ˢ = 0.10.
        let none = CountingExperiment(background: 0)
        XCTAssertEqual(expectedLimits(none, method: .asymptotic).median, 0.8212, accuracy: 1e-3)
        XCTAssertEqual(expectedLimits(none, method: .cls).median, ln10, accuracy: 1e-6)
    }

    func testAsymptoticMatchesExactAtLargeCounts() throws {
        let experiment = CountingExperiment(background: 7549, backgroundUncertainty: 928)
        assertApproximatelyEqual(try observedLimit(observed: 6894, experiment: experiment, method: .asymptotic), 1186.1, relative: 0.005)
        let exact = ExactCLs(experiment, confidence: 0.9).expectedLimits().values
        let asymptotic = expectedLimits(experiment, method: .asymptotic).values
        for (e, a) in zip(exact, asymptotic) { assertApproximatelyEqual(a, e, relative: 0.01) }
    }

    func testNoJumpWhereExactGivesWayToAsymptotic() {
        // The blend is continuous by construction; across it the two calculations agree to
        // ≈ 1 %, so blending hides no discrepancy.
        for relative in [0.0, 0.1] {
            for edge in [CLsRegime.exactBelow, CLsRegime.asymptoticAbove] {
                let below = expectedLimits(CountingExperiment(background: edge * (1 - 1e-7), backgroundUncertainty: relative * edge))
                let above = expectedLimits(CountingExperiment(background: edge * (1 + 1e-7), backgroundUncertainty: relative * edge))
                for (l, u) in zip(below.values, above.values) { assertApproximatelyEqual(u, l, relative: 0.01, "b = \(edge), δb/b = \(relative)") }
            }
            for b in [1000.0, 1500, 2200, 3000] {
                let experiment = CountingExperiment(background: b, backgroundUncertainty: relative * b)
                let exact = ExactCLs(experiment, confidence: 0.9).expectedLimits().values
                let asymptotic = AsymptoticCLs(experiment, confidence: 0.9).expectedLimits().values
                for (e, a) in zip(exact, asymptotic) { assertApproximatelyEqual(a, e, relative: 0.015, "b = \(b), δb/b = \(relative)") }
            }
        }
    }

    func testSimpleMethodIsTheMedianExclusionFormulaWithoutBands() {
        let experiment = CountingExperiment(background: 400, backgroundUncertainty: 20)
        let limits = expectedLimits(experiment, method: .simple)
        let formula = SimpleSensitivity.medianExclusionSignal(background: 400, backgroundUncertainty: 20)
        XCTAssertEqual(limits, ExpectedLimits(minus2: formula, minus1: formula, median: formula, plus1: formula, plus2: formula))
        XCTAssertThrowsError(try observedLimit(observed: 400, experiment: experiment, method: .simple))
        // Seed-001 formulas are not CLs: ≈ 22 % below the CLs median at large b.
        let large = CountingExperiment(background: 1e6)
        let ratio = expectedLimits(large, method: .simple).median / expectedLimits(large).median
        XCTAssertEqual(ratio, 1.2816 / 1.6449, accuracy: 0.01)
    }

    func testLimitGrowsWithBackgroundUncertainty() {
        let values = [0.0, 10, 50, 200].map { expectedLimits(CountingExperiment(background: 400, backgroundUncertainty: $0)).median }
        for i in 0..<3 { XCTAssertLessThan(values[i], values[i + 1]) }
        // For δb ≫ √b the median tends to Φ⁻¹(0.95) δb.
        assertApproximatelyEqual(expectedLimits(CountingExperiment(background: 1e6, backgroundUncertainty: 1e4)).median, 1.6449 * 1e4, relative: 0.01)
    }
}
