import XCTest
import Scenario
import Simulation
@testable import Projection

/// δN_exp from the sideband fits (seed 000 Sec. 5): exact for a background quadratic in m_miss
/// (no order systematic), statistical part ∝ √N_K (relative ∝ 1/√N_K), larger where the range
/// cuts one sideband away, and undefined with fewer than five sideband bins.
final class SidebandUncertaintyTests: XCTestCase {
    /// Events with density q(m) = c₀ + c₁(m − m₀) + c₂(m − m₀)² per GeV of m_miss (any region in
    /// m²_miss is integrated in m).
    struct QuadraticInMass: MissingMassBackground {
        var scale: Double
        var c0 = 1.0, c1 = -4.0, c2 = 20.0, m0 = 0.3
        func primitive(_ m: Double) -> Double {
            let x = m - m0
            return scale * (c0 * x + c1 * x * x / 2 + c2 * x * x * x / 3)
        }
        func events(in region: SignalRegion) -> BackgroundEstimate {
            let range = region.rangeGeV2
            let lo = max(range.lowerBound, 0).squareRoot(), hi = max(range.upperBound, 0).squareRoot()
            return BackgroundEstimate(events: primitive(hi) - primitive(lo), mcUncertainty: 0, eventsBeforeVeto: nil)
        }
    }

    private func composition(_ scale: Double) -> BackgroundComposition {
        .single(QuadraticInMass(scale: scale), label: "quadratic", relativeUncertainty: 0)
    }

    private let fit = SidebandFit(rangeGeV: 0.188...0.386)

    func testQuadraticBackgroundHasNoOrderSystematicAndTheStatisticalPartScalesWithExposure() throws {
        let small = try XCTUnwrap(SidebandUncertainty.estimate(massGeV: 0.3, sigmaM2GeV2: 1e-3, k: 1.5, fit: fit, background: composition(1e6)))
        let large = try XCTUnwrap(SidebandUncertainty.estimate(massGeV: 0.3, sigmaM2GeV2: 1e-3, k: 1.5, fit: fit, background: composition(4e6)))
        XCTAssertEqual(small.bins, 26, "13 bins of 0.75σ on each side between 1.5σ and 11.25σ")
        XCTAssertLessThan(small.systematic, 1e-9 * small.statistical, "a quadratic is recovered by both orders")
        XCTAssertEqual(large.statistical / small.statistical, 2, accuracy: 1e-9, "δN ∝ √N_K")
        // The window holds ∝ N_K events, so δN/N falls as 1/√N_K.
        let window = { (scale: Double) -> Double in
            let sigmaM = 1e-3 / (2 * 0.3)
            let q = QuadraticInMass(scale: scale)
            return q.primitive(0.3 + 1.5 * sigmaM) - q.primitive(0.3 - 1.5 * sigmaM)
        }
        XCTAssertEqual((large.uncertainty / window(4e6)) / (small.uncertainty / window(1e6)), 0.5, accuracy: 1e-9)
    }

    /// Near the end of the range the upper sideband is cut off: an extrapolation, less precise;
    /// with fewer than five bins left, nothing.
    func testTheRangeEdgeWorsensAndFinallyRefusesTheEstimate() throws {
        let background = composition(1e6)
        let inside = try XCTUnwrap(SidebandUncertainty.estimate(massGeV: 0.3, sigmaM2GeV2: 1e-3, k: 1.5, fit: fit, background: background))
        let edge = try XCTUnwrap(SidebandUncertainty.estimate(massGeV: 0.383, sigmaM2GeV2: 1e-3, k: 1.5, fit: fit, background: background))
        XCTAssertLessThan(edge.bins, inside.bins)
        XCTAssertGreaterThan(edge.statistical, inside.statistical)
        let narrow = SidebandFit(rangeGeV: 0.298...0.302)
        XCTAssertNil(SidebandUncertainty.estimate(massGeV: 0.3, sigmaM2GeV2: 1e-3, k: 1.5, fit: narrow, background: background))
    }
}
