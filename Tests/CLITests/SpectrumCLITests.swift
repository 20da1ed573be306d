import Foundation
import XCTest

/// `reach spectrum`: the normalised true and smeared m²_miss spectrum of K+ → μ+ ν X.
final class SpectrumCLITests: CLITestCase {
    /// Both columns are bin averages, so each sums to 1 over the bins (× the 1e-3 GeV² width);
    /// the true spectrum lies in [m_X², (m_K − m_μ)²] and the output is the same on every run.
    func testSpectrumIsNormalisedInsidePhaseSpaceAndReproducible() throws {
        for mediator in ["scalar", "vector", "muon-vector"] {
            let run = try reach("spectrum", "--channel", "K+ -> mu+ nu X", "--mediator", mediator, "--mass", "100MeV")
            assertSuccess(run)
            XCTAssertTrue(run.stdout.hasPrefix("m2_miss_GeV2,true_per_GeV2,smeared_per_GeV2\n"))
            let centres = column("m2_miss_GeV2", of: run.stdout)
            let truth = column("true_per_GeV2", of: run.stdout)
            let smeared = column("smeared_per_GeV2", of: run.stdout)
            XCTAssertEqual(truth.reduce(0, +) * 1e-3, 1, accuracy: 1e-5)   // six printed digits
            XCTAssertEqual(smeared.reduce(0, +) * 1e-3, 1, accuracy: 1e-5)
            let upper = pow(0.493677 - 0.1056583745, 2)
            for (centre, density) in zip(centres, truth) where centre + 5e-4 < 0.01 || centre - 5e-4 > upper {
                XCTAssertEqual(density, 0, "\(mediator): no true spectrum at \(centre) GeV²")
            }
            let again = try reach("spectrum", "--channel", "K+ -> mu+ nu X", "--mediator", mediator, "--mass", "100MeV")
            XCTAssertEqual(run.stdout, again.stdout)
        }
    }

    func testBadInputNamesTheOptionTheValueAndWhatWasExpected() throws {
        assertFailure(try reach("spectrum", "--channel", "K+ -> mu+ nu X", "--mediator", "scalar"), status: 64,
                      message: "Error: --mass is missing; expected the mediator mass m_X of K+ -> mu+ nu X, e.g. 100MeV")
        assertFailure(try reach("spectrum", "--channel", "K+ -> mu+ nu X", "--mediator", "scalar", "--mass", "400MeV"), status: 64,
                      message: "Error: --mass 400MeV is outside the kinematic range of K+ -> mu+ nu X; expected a mass in (0, 388.019) MeV")
        assertFailure(try reach("spectrum", "--channel", "K+ -> mu+ nu X", "--mediator", "tensor", "--mass", "100MeV"), status: 64,
                      message: "Error: The value 'tensor' is invalid for '--mediator <mediator>'. Please provide one of 'scalar', 'vector' or 'muon-vector'.")
        assertFailure(try reach("spectrum", "--channel", "K+ -> mu+ N", "--mediator", "scalar", "--mass", "100MeV"), status: 64,
                      message: "Error: --channel 'K+ -> mu+ N' is an HNL peak, not a continuum; expected 'K+ -> mu+ nu X', 'K+ -> mu+ nu nu nubar'")
    }
}
