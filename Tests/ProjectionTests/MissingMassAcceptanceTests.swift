import XCTest
import DetectorModel
import Physics
@testable import Projection

/// An acceptance given in true m²_miss weights each true m² of a continuum with its own value
/// (docs/physics.md §10.3: A⁰ = Σᵢ pᵢ A(sᵢ)); checked against facts of the spectrum itself.
final class MissingMassAcceptanceTests: XCTestCase {
    let spectrum = MuonThreeNeutrinoRate.spectrum

    /// An acceptance 1 below 0.1 GeV² and 0 above keeps exactly the true fraction below 0.1 GeV²:
    /// A⁰ = P(m² < 0.1), and above a cut of 0.12 GeV² (beyond the smearing, σ = 1.5e-3 GeV²)
    /// nothing survives.
    func testAStepAcceptanceKeepsTheSpectrumBelowTheStep() {
        let step = SignalAcceptance.missingMassSquaredTable(m2GeV2: [0, 0.0999999, 0.1000001, 1], acceptances: [1, 1, 0, 0])
        let signal = ContinuumSignal(spectrum: spectrum, kaonDecays: 1, acceptance: step, resolution: .constant(1.5e-3))
        // To within the one true bin that straddles the step.
        XCTAssertEqual(signal.meanAcceptance, 1 - spectrum.fraction(aboveGeV2: 0.1), accuracy: spectrum.probabilities.max()!)
        XCTAssertLessThan(signal.fraction(in: .above(thresholdGeV2: 0.12)), 1e-6)
    }

    /// A linear A(m²) = a + c·m² averages to a + c·⟨m²⟩ (⟨m²⟩ the spectrum's mean true m²).
    func testALinearAcceptanceAveragesToItsValueAtTheMean() {
        let a = 0.4, c = -2.0
        let linear = SignalAcceptance.missingMassSquaredTable(m2GeV2: [0, 0.16], acceptances: [a, a + c * 0.16])
        let signal = ContinuumSignal(spectrum: spectrum, kaonDecays: 1, acceptance: linear, resolution: .constant(1.5e-3))
        let mean = zip(spectrum.probabilities, spectrum.meansGeV2).reduce(0) { $0 + $1.0 * $1.1 }
        XCTAssertEqual(signal.meanAcceptance, a + c * mean, accuracy: 1e-12)
        // The acceptance falls with m²: the accepted spectrum is softer, so less lies above 0.1 GeV²
        // than with a flat acceptance.
        let flat = ContinuumSignal(spectrum: spectrum, kaonDecays: 1, acceptance: .constant(0.3), resolution: .constant(1.5e-3))
        XCTAssertLessThan(signal.fraction(in: .above(thresholdGeV2: 0.1)), flat.fraction(in: .above(thresholdGeV2: 0.1)))
    }

    /// The same acceptance in m² and in mass (points at m = √m²) agrees at the points.
    func testPointsInMassAndInMissingMassAgreeAtThePoints() {
        let m2 = SignalAcceptance.missingMassSquaredTable(m2GeV2: [0.01, 0.04, 0.09], acceptances: [0.3, 0.2, 0.1])
        let mass = SignalAcceptance.table(massesGeV: [0.1, 0.2, 0.3], acceptances: [0.3, 0.2, 0.1])
        for m in [0.1, 0.2, 0.3] { XCTAssertEqual(m2.value(atMassGeV: m), mass.value(atMassGeV: m), accuracy: 1e-15) }
        // Between points, linear in m²: at m² = 0.025 halfway, 0.25.
        XCTAssertEqual(m2.value(atMassGeV: 0.025.squareRoot()), 0.25, accuracy: 1e-12)
    }
}
