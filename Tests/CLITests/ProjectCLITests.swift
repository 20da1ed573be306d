import Foundation
import XCTest

/// `reach project`: the shipped scenario end to end, variants, formats, byte-identical reruns.
final class ProjectCLITests: CLITestCase {
    /// The shipped NA62 K+ → π0 e+ N scenario (seed 001): three variants × 201 masses. With the
    /// detection statistic both b and s scale with N_K, so |U|² ∝ N_K^(-1/2): the dedicated
    /// trigger (9e12 decays, no prescale) against 2016–2018 (4.5e12/150) gains √300 (to the
    /// 6 significant digits of the table). The paper
    /// reaches |U_e|² ≈ 2e-6 and ≈ 1e-7 for the two (Sec. V).
    func testShippedScenario() throws {
        let run = try reach("project", ReachExecutable.shippedScenario)
        assertSuccess(run)
        let rows = csvRows(run.stdout)
        XCTAssertEqual(rows.first?.prefix(2), ["variant", "mass_MeV"])
        XCTAssertEqual(rows.count, 1 + 3 * 201)
        let labels = rows.dropFirst().map { $0[0] }
        XCTAssertEqual(Set(labels), ["2016–2018 data", "2016–2024 data", "2021–2024 dedicated trigger"])
        let detection = column("u2_detection", of: run.stdout), median = column("u2_median_exclusion", of: run.stdout)
        for i in 0..<201 {
            XCTAssertEqual(detection[i] / detection[402 + i], 300.0.squareRoot(), accuracy: 3e-4, "mass row \(i)")
        }
        let at135 = 35   // 100 MeV + 35 × 1 MeV
        XCTAssertEqual(column("mass_MeV", of: run.stdout)[at135], 135)
        XCTAssertTrue((1e-6...4e-6).contains(median[at135]), "2016–2018: \(median[at135])")
        XCTAssertTrue((0.5e-7...2e-7).contains(median[402 + at135]), "dedicated trigger: \(median[402 + at135])")
        XCTAssertTrue(run.stderr.contains("reach: projected 3 variant(s) × 201 masses → stdout"), run.stderr)
    }

    /// Same input, same bytes: twice, serial and parallel, to stdout and to a file.
    func testTwoRunsAreByteIdentical() throws {
        let first = try reach("project", ReachExecutable.shippedScenario, "--statistics", "200000", "--quiet")
        let second = try reach("project", ReachExecutable.shippedScenario, "--statistics", "200000", "--jobs", "1", "-o", "again.csv", "--quiet")
        assertSuccess(first)
        assertSuccess(second)
        XCTAssertEqual(second.stdout, "", "with -o nothing goes to stdout")
        XCTAssertFalse(first.stdoutData.isEmpty)
        XCTAssertEqual(try contents("again.csv"), first.stdoutData)
        let json1 = try reach("project", ReachExecutable.shippedScenario, "--statistics", "200000", "--format", "json", "--quiet")
        let json2 = try reach("project", ReachExecutable.shippedScenario, "--statistics", "200000", "--format", "json", "--quiet")
        XCTAssertEqual(json1.stdoutData, json2.stdoutData)
    }

    func testJSONCarriesTheCSVNumbers() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let csv = try reach("project", "small.yaml", "--statistics", "20000", "--quiet")
        let json = try reach("project", "small.yaml", "--statistics", "20000", "--format", "json", "--quiet")
        assertSuccess(csv)
        assertSuccess(json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        XCTAssertEqual(object["title"] as? String, "Small test scenario")
        XCTAssertEqual(object["channel"] as? String, "K+ -> pi0 e+ N")
        let variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        XCTAssertEqual(variants.count, 1)
        let points = try XCTUnwrap(variants[0]["points"] as? [[String: Any]])
        XCTAssertEqual(points.compactMap { $0["mass_MeV"] as? Double }, [100, 110, 120, 130, 140, 150])
        XCTAssertEqual(points.compactMap { ($0["u2_cls_expected"] as? NSNumber)?.doubleValue }, column("u2_cls_expected", of: csv.stdout))
    }

    /// A user table of 1e6 events/GeV² for 3e10 decays, at N_K = 4.5e12/150 = 3e10, gives
    /// b = 1e6 × 2 × 1.4 × 1.7e-3 = 4760 events in every ±1.4σ window.
    func testVariantsByLabelAndIndexAndATableBackground() throws {
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        let byLabel = try reach("project", "table.yaml", "--variant", "table", "--statistics", "20000", "--quiet")
        let byIndex = try reach("project", "table.yaml", "--variant", "2", "--statistics", "20000", "--quiet")
        assertSuccess(byLabel)
        XCTAssertEqual(byLabel.stdout, byIndex.stdout)
        XCTAssertEqual(csvRows(byLabel.stdout).dropFirst().map { $0[0] }, ["table", "table", "table"])
        for b in column("background", of: byLabel.stdout) { XCTAssertEqual(b, 4760, accuracy: 0.01) }
    }

    func testUnknownVariantListsTheVariants() throws {
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        for selector in ["tabel", "3", "0"] {
            assertFailure(try reach("project", "table.yaml", "--variant", selector, "--statistics", "20000"), status: 64,
                          message: "Error: --variant \(selector): no such variant in table.yaml; expected a label or 1-based index: 1 'radiative', 2 'table'")
        }
    }

    func testFormatAndSimulationOptionsAreChecked() throws {
        try write(TestScenarios.small, to: "small.yaml")
        XCTAssertEqual(try reach("project", "small.yaml", "--format", "xml").status, 64)
        assertFailure(try reach("project", "small.yaml", "--statistics", "10"), status: 64, message: "Error: --statistics 10: expected at least 1000 events")
        assertFailure(try reach("project", "small.yaml", "--jobs", "0"), status: 64, message: "Error: --jobs 0: expected at least 1")
        XCTAssertEqual(try reach("project", "small.yaml", "--statistics", "20000.5").status, 64, "not a whole number of events")
    }

    /// `--statistics` in exponent form is the same number of events as written out.
    func testStatisticsInExponentForm() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let exponent = try reach("project", "small.yaml", "--statistics", "2e4", "--quiet")
        assertSuccess(exponent)
        XCTAssertEqual(exponent.stdout, try reach("project", "small.yaml", "--statistics", "20000", "--quiet").stdout)
    }

    /// `--jobs 1` and `--jobs 2` give the same bytes.
    func testJobsDoNotChangeTheResult() throws {
        try write(TestScenarios.small, to: "small.yaml")
        let one = try reach("project", "small.yaml", "--statistics", "40000", "--jobs", "1", "--quiet")
        assertSuccess(one)
        XCTAssertEqual(one.stdout, try reach("project", "small.yaml", "--statistics", "40000", "--jobs", "2", "--quiet").stdout)
    }
}
