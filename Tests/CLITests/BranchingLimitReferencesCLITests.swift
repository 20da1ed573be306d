import Foundation
import XCTest

/// The subcommands that need no scenario: `branching`, `limit`, `references`.
final class BranchingLimitReferencesCLITests: CLITestCase {
    // MARK: - branching

    /// A CSV over the grid; the rate falls with the mass and vanishes at the kinematic endpoint
    /// m_K − m_π0 − m_e = 358.189 MeV (PDG 2020 masses).
    func testBranchingTableOverTheKinematicRange() throws {
        let run = try reach("branching", "--channel", "K+ -> pi0 e+ N", "--from", "0MeV", "--to", "360MeV", "--step", "20MeV")
        assertSuccess(run)
        XCTAssertTrue(run.stdout.hasPrefix("mass_MeV,br_per_U2\n"))
        let masses = column("mass_MeV", of: run.stdout)
        let rates = column("br_per_U2", of: run.stdout)
        XCTAssertEqual(masses, stride(from: 0.0, through: 360, by: 20).map { $0 })
        XCTAssertEqual(rates.last, 0, "360 MeV lies beyond the endpoint")
        XCTAssertEqual(rates.filter { $0 > 0 }.count, 18, "0…340 MeV lie below 358.189 MeV")
        XCTAssertEqual(rates.dropLast(), rates.dropLast().sorted(by: >)[...], "falls with the mass")
        // At m_N → 0 the rate is B(K_e3) = 5.07 % (PDG 2020) per unit |U|².
        XCTAssertEqual(rates[0], 0.0507, accuracy: 0.0005)
    }

    func testUnknownChannelListsTheChannels() throws {
        let run = try reach("branching", "--channel", "K+ -> pi0 tau+ N", "--from", "0MeV", "--to", "10MeV", "--step", "5MeV")
        assertFailure(run, status: 64, message: "Error: The value 'K+ -> pi0 tau+ N' is invalid for '--channel <channel>'. Please provide one of the following:")
        for channel in ["K+ -> e+ N", "K+ -> mu+ N", "K+ -> pi0 e+ N", "K+ -> pi0 mu+ N", "K+ -> mu+ nu X", "K+ -> mu+ nu nu nubar"] {
            XCTAssertTrue(run.stderr.contains("  - " + channel + "\n"), channel)
        }
    }

    func testMassesWithoutOrWithWrongUnits() throws {
        assertFailure(try reach("branching", "--channel", "K+ -> e+ N", "--from", "0", "--to", "10MeV", "--step", "5MeV"), status: 64,
                      message: "Error: --from: '0' has no unit; expected a mass with a unit (keV, MeV, GeV), e.g. 135MeV")
        assertFailure(try reach("branching", "--channel", "K+ -> e+ N", "--from", "0MeV", "--to", "10mrad", "--step", "5MeV"), status: 64,
                      message: "Error: --to: 'mrad' is a unit of angle; expected a mass with a unit (keV, MeV, GeV), e.g. 135MeV")
        assertFailure(try reach("branching", "--channel", "K+ -> e+ N", "--from", "0MeV", "--to", "10MeV", "--step", "5 furlongs"), status: 64,
                      message: "Error: --step: unknown unit 'furlongs'; expected a mass with a unit (keV, MeV, GeV), e.g. 135MeV")
        assertFailure(try reach("branching", "--channel", "K+ -> e+ N", "--from", "20MeV", "--to", "10MeV", "--step", "5MeV"), status: 64,
                      message: "Error: --from '20MeV' lies above --to '10MeV'; expected from ≤ to")
    }

    // MARK: - limit

    /// Seed 000 (NA62 2021, K+ → μ+ ν ν ν̄): b = 7549 ± 928, n_obs = 6894 give an observed limit
    /// of 1184 and an expected one of 1526 events at 90 % CL.
    func testLimitReproducesTheNA62Numbers() throws {
        let run = try reach("limit", "--background", "7549", "--background-uncertainty", "928", "--observed", "6894", "--format", "json")
        assertSuccess(run)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let observed = try XCTUnwrap(json["observed"] as? Double)
        let expected = try XCTUnwrap((json["expected"] as? [String: Any])?["median"] as? Double)
        XCTAssertEqual(observed / 1184, 1, accuracy: 0.01)
        XCTAssertEqual(expected / 1526, 1, accuracy: 0.01)
        XCTAssertEqual(json["cl"] as? Double, 0.9)
    }

    func testLimitTextAndBadNumbers() throws {
        let run = try reach("limit", "--background", "0")
        assertSuccess(run)
        // b = 0: the CLs limit is −ln(0.10) = 2.303 events.
        XCTAssertTrue(run.stdout.contains("expected median  2.30259"), run.stdout)
        assertFailure(try reach("limit", "--background", "-3"), status: 64, message: "Error: --background -3: expected a finite number of events between 0 and 1e300")
        assertFailure(try reach("limit", "--background", "10", "--cl", "90%"), status: 64,
                      message: "Error: --cl 90%: expected a confidence level above 0.5 and at most 0.9999, e.g. 0.90")
    }

    /// Inputs outside the physical range are usage errors (exit 64), never a trap.
    func testLimitRefusesOutOfRangeInputs() throws {
        assertFailure(try reach("limit", "--background", "10", "--background-uncertainty", "1e308"), status: 64,
                      message: "Error: --background-uncertainty 1e308: expected a finite number of events between 0 and 1e300")
        assertFailure(try reach("limit", "--background", "inf"), status: 64,
                      message: "Error: --background inf: expected a finite number of events between 0 and 1e300")
        for cl in ["0.3", "0.5", "0.9999999999999999", "1"] {
            assertFailure(try reach("limit", "--background", "10", "--cl", cl), status: 64,
                          message: "Error: --cl \(cl): expected a confidence level above 0.5 and at most 0.9999, e.g. 0.90")
        }
    }

    /// At b = 10⁵⁰ the CLs median is Φ⁻¹(0.95) √b = 1.64485×10²⁵ (no b + s − b cancellation);
    /// the CL is printed with all its digits.
    func testLimitAtHugeBackgroundAndPreciseConfidence() throws {
        let run = try reach("limit", "--background", "1e50", "--format", "json")
        assertSuccess(run)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let median = try XCTUnwrap((json["expected"] as? [String: Any])?["median"] as? Double)
        XCTAssertEqual(median / 1.6448536e25, 1, accuracy: 1e-6)
        let precise = try reach("limit", "--background", "10", "--cl", "0.99985")
        assertSuccess(precise)
        XCTAssertTrue(precise.stdout.hasPrefix("Upper limits on signal events at 99.985 % CL"), precise.stdout)
    }

    // MARK: - references

    func testReferencesListTheBundledCurves() throws {
        let run = try reach("references", "--flavour", "electron")
        assertSuccess(run)
        XCTAssertTrue(run.stdout.contains("electron/pienu_2018"), run.stdout)
        XCTAssertFalse(run.stdout.contains("muon/"), "only electron curves")
        let all = try reach("references")
        assertSuccess(all)
        XCTAssertTrue(all.stdout.contains("muon/na62_2021"), all.stdout)
    }

    func testReferencesUnknownFlavour() throws {
        assertFailure(try reach("references", "--flavour", "tau"), status: 64,
                      message: "Error: The value 'tau' is invalid for '--flavour <flavour>'. Please provide one of 'electron' and 'muon'.")
    }
}
