import XCTest
import Foundation

/// `reach limit --table`: observed and expected limits per mass from a table of counts, the same
/// numbers as `reach limit` window by window, converted with the single-event sensitivities of
/// seed 000 Sec. 5.
final class LimitTableCLITests: CLITestCase {
    /// Seed 000's K+ → μ+ ν ν ν̄ counts (N_obs = 6894, N_exp = 7549 ± 928, A = 0.103, N_K =
    /// 1.14e10: 1184 observed, 1526 expected, B < 1.0e-6) and a small-count row, each equal to
    /// `reach limit` on the same window; B = N_S/(N_K A) and |U|² = B/(B/|U|²) by hand.
    func testEveryRowIsTheSingleWindowLimit() throws {
        try write("mass_MeV,n_obs,n_exp,dn_exp,acceptance\n250,6894,7549,928,0.103\n300,3,2.5,0.5,0.3\n", to: "counts.csv")
        let run = try reach("limit", "--table", "counts.csv", "--channel", "K+ -> mu+ N", "--kaon-decays", "1.14e10", "--format", "json")
        assertSuccess(run)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let points = try XCTUnwrap(document["points"] as? [[String: Any]])
        XCTAssertEqual(points.count, 2)
        for (point, window) in zip(points, [("7549", "928", "6894"), ("2.5", "0.5", "3")]) {
            let single = try reach("limit", "--background", window.0, "--background-uncertainty", window.1, "--observed", window.2, "--format", "json")
            assertSuccess(single)
            let limits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(single.stdout.utf8)) as? [String: Any])
            let expected = try XCTUnwrap(limits["expected"] as? [String: Double])
            XCTAssertEqual(try XCTUnwrap(point["ns_observed"] as? Double), try XCTUnwrap(limits["observed"] as? Double), accuracy: 1e-5 * 1186)
            XCTAssertEqual(try XCTUnwrap(point["ns_expected"] as? Double), try XCTUnwrap(expected["median"]), accuracy: 1e-5 * 1533)
            XCTAssertEqual(try XCTUnwrap(point["ns_expected_plus2sigma"] as? Double), try XCTUnwrap(expected["plus2"]), accuracy: 1e-5 * 3074)
        }
        let first = points[0]
        XCTAssertEqual(try XCTUnwrap(first["ns_observed"] as? Double), 1184, accuracy: 0.5 / 100 * 1184, "seed 000 Sec. 6")
        XCTAssertEqual(try XCTUnwrap(first["ns_expected"] as? Double), 1526, accuracy: 0.5 / 100 * 1526, "seed 000 Sec. 6")
        let branching = try XCTUnwrap(first["br_observed"] as? Double)
        XCTAssertEqual(branching, try XCTUnwrap(first["ns_observed"] as? Double) / (1.14e10 * 0.103), accuracy: 1e-5 * branching)
        XCTAssertEqual(branching, 1.0e-6, accuracy: 0.02e-6, "seed 000: B(K+ → μ+ ν ν ν̄) < 1.0×10⁻⁶")
        // |U|²_SES = B_SES/(B(K → μν) ρ_μ): the ratio of the two limits is B/|U|² at 250 MeV.
        let u2 = try XCTUnwrap(first["u2_observed"] as? Double)
        let branch = try reach("branching", "--channel", "K+ -> mu+ N", "--from", "250MeV", "--to", "250MeV", "--step", "1MeV")
        let perU2 = try XCTUnwrap(column("br_per_U2", of: branch.stdout).first)
        XCTAssertEqual(branching / u2, perU2, accuracy: 1e-5 * perU2)
    }

    /// A |U|²_SES column converts directly; without a channel there is no |U|² for an acceptance.
    func testSingleEventSensitivityColumnAndEventsOnly() throws {
        try write("mass_MeV,n_obs,n_exp,dn_exp,u2_ses\n250,10,12,1,1e-9\n", to: "ses.csv")
        let run = try reach("limit", "--table", "ses.csv")
        assertSuccess(run)
        let events = try XCTUnwrap(column("ns_observed", of: run.stdout).first)
        XCTAssertEqual(try XCTUnwrap(column("u2_observed", of: run.stdout).first), events * 1e-9, accuracy: 1e-5 * events * 1e-9)
        XCTAssertTrue(try XCTUnwrap(column("br_observed", of: run.stdout).first).isNaN, "B needs the channel: empty")
    }

    func testBadTablesAndOptions() throws {
        try write("mass_MeV,n_obs,n_exp,dn_exp\n250,6.5,7549,928\n", to: "fraction.csv")
        assertFailure(try reach("limit", "--table", "fraction.csv"), status: 65,
                      message: "Error: fraction.csv:2, column 2: count table: n_obs = '6.5' (expected an integer number of events in [0, 1e15))")
        try write("mass_MeV,n_obs,n_exp,sigma\n", to: "header.csv")
        assertFailure(try reach("limit", "--table", "header.csv"), status: 65,
                      message: "Error: header.csv:1, column 4: count table: unknown column 'sigma' (expected mass_MeV, mass_GeV, n_obs, n_exp, dn_exp, acceptance, u2_ses, br_ses)")
        try write("mass_MeV,n_obs,n_exp,dn_exp\n300,1,1,0\n250,1,1,0\n", to: "order.csv")
        assertFailure(try reach("limit", "--table", "order.csv"), status: 65,
                      message: "Error: order.csv:3, column 1: count table: mass_MeV = '250' does not increase (rows must be in strictly increasing mass)")
        try write("mass_MeV,n_obs,n_exp,dn_exp,acceptance\n250,1,1,0,0.3\n", to: "acc.csv")
        assertFailure(try reach("limit", "--table", "acc.csv"), status: 64,
                      message: "Error: --kaon-decays: missing; acc.csv gives the acceptance, and B_SES = 1/(N_K A_N) needs the effective kaon decays N_K")
        XCTAssertEqual(try reach("limit", "--table", "acc.csv", "--background", "3").status, 64)
        XCTAssertEqual(try reach("limit", "--table", "missing.csv").status, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.csv")))
        XCTAssertEqual(try reach("limit", "--table", "order.csv", "-o", "out.csv").status, 65)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out.csv")), "no output on failure")
    }

    /// The shipped example is what its command gives (scripts/na62-kmun-counts.swift), and its
    /// figure is drawn the same twice.
    func testShippedExampleIsReproducedAndDrawnAlike() throws {
        let tables = ReachExecutable.packageRoot.appendingPathComponent("scenarios/tables")
        let run = try reach("limit", "--table", tables.appendingPathComponent("na62-kmun-2016-2018-counts.csv").path,
                            "--channel", "K+ -> mu+ N", "--kaon-decays", "1.14023e10")
        assertSuccess(run)
        XCTAssertEqual(run.stdout, try String(contentsOf: tables.appendingPathComponent("na62-kmun-2016-2018-limits.csv"), encoding: .utf8))
        let scenario = ReachExecutable.packageRoot.appendingPathComponent("scenarios/na62-kmun-observed.yaml").path
        var drawings: [String] = []
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: false)
            assertSuccess(try reach("plot", scenario, "--statistics", "20000", "--format", "svg", "-o", folder, "--quiet"))
            drawings.append(try String(contentsOfFile: path("\(folder)/na62-kmun-observed.svg"), encoding: .utf8))
        }
        XCTAssertEqual(drawings[0], drawings[1])
    }
}
