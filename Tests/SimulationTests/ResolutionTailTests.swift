import XCTest
import Physics
import Quadrature
@testable import Simulation
import DetectorModel

/// The non-Gaussian tail of the m²_miss resolution: its shape integrates to 1 and is symmetric,
/// the kernel reduces to the Gaussian for f = 0, and the peak at m²_miss = 0 leaks into a cut
/// region far away as f/2 · exp(−m0²/λ), which a Gaussian never does.
final class ResolutionTailTests: XCTestCase {
    static let exponential = ResolutionTail(fraction: 1e-4, shape: .exponential(scaleGeV2: 0.02))
    /// A triangle from 1 at offset 0 to 0 at 0.1 GeV²: one side integrates to 0.05, so T(0) = 10 per GeV².
    static let triangle = ResolutionTail(fraction: 1e-4, shape: .table(offsetsGeV2: [0, 0.1], densities: [1, 0]))

    func testShapesAreNormalisedAndSymmetric() {
        for tail in [Self.exponential, Self.triangle] {
            XCTAssertEqual(tail.probability(offsetFromGeV2: -.infinity, toGeV2: .infinity), 1, accuracy: 1e-15)
            XCTAssertEqual(tail.probability(offsetFromGeV2: 0, toGeV2: .infinity), 0.5, accuracy: 1e-15)
            for (a, b) in [(0.01, 0.03), (0.0, 0.05), (-0.02, 0.07)] {
                XCTAssertEqual(tail.probability(offsetFromGeV2: a, toGeV2: b), tail.probability(offsetFromGeV2: -b, toGeV2: -a), accuracy: 1e-15)
            }
        }
        // Exponential by hand: ½(e^{−0.5} − e^{−1.5}) between 0.01 and 0.03 GeV² for λ = 0.02 GeV².
        XCTAssertEqual(Self.exponential.probability(offsetFromGeV2: 0.01, toGeV2: 0.03), 0.5 * (exp(-0.5) - exp(-1.5)), accuracy: 1e-15)
        // Triangle by hand: between 0 and 0.05, ∫(1 − x/0.1)dx = 0.0375 of 2 × 0.05.
        XCTAssertEqual(Self.triangle.probability(offsetFromGeV2: 0, toGeV2: 0.05), 0.0375 / 0.1, accuracy: 1e-14)
        XCTAssertEqual(Self.triangle.probability(offsetFromGeV2: 0.1, toGeV2: 1), 0, "nothing beyond the table")
    }

    /// f = 0 is the Gaussian to the bit; the radiative K_μ2γ background above 0.1 GeV² with a
    /// tail gains the peak's leak N_peak · f/2 · e^{−0.1/λ} (the peak's Gaussian share there is
    /// nil) plus (1 − f) of the rest.
    func testTailOfTheTwoBodyPeakReachesACutRegion() {
        let sample = RadiativeSampleCache.shared.sample(process: .kmu2Gamma, events: 1 << 15, seed: 5)
        let gaussian = BackgroundModel(sample: sample, veto: .seed001, resolution: .constant(1.5e-3), kaonDecays: 1.14e10, acceptance: 0.3)
        let none = BackgroundModel(sample: sample, veto: .seed001, resolution: .constant(1.5e-3),
                                   tail: ResolutionTail(fraction: 0, shape: .exponential(scaleGeV2: 0.02)), kaonDecays: 1.14e10, acceptance: 0.3)
        let tailed = BackgroundModel(sample: sample, veto: .seed001, resolution: .constant(1.5e-3), tail: Self.exponential,
                                     kaonDecays: 1.14e10, acceptance: 0.3)
        let region = SignalRegion.above(thresholdGeV2: 0.1)
        XCTAssertEqual(none.events(in: region).events, gaussian.events(in: region).events)
        let leak = gaussian.peakEvents * 1e-4 * 0.5 * exp(-0.1 / 0.02)
        let radiative = tailed.events(in: region).events - leak
        // The radiative part's own tail moves events both ways: within f of the Gaussian count.
        XCTAssertEqual(radiative / gaussian.events(in: region).events, 1, accuracy: 2e-4 + 1e-3)
        XCTAssertGreaterThan(leak, 100, "the two-body peak's tail is hundreds of events")
    }
}
