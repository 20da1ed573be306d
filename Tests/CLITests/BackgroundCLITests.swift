import Foundation
import XCTest

/// `reach background`: the reconstructed m²_miss spectrum before and after the photon veto.
final class BackgroundCLITests: CLITestCase {
    /// The shipped scenario: bins of 5e-4 GeV², header comments naming N_K; the veto only ever
    /// removes events. Under the signal masses 125–144 MeV the photon is hard and the veto passes
    /// ⟨ε_bkg⟩ ≈ 1.70 % (missed beyond 50 mrad) + 1e-3 × 98.3 % ≈ 1.80 % (seed 001 Sec. IV;
    /// docs/physics.md §5.7).
    func testShippedScenarioSpectrum() throws {
        let run = try reach("background", ReachExecutable.shippedScenario)
        assertSuccess(run)
        XCTAssertTrue(run.stdout.hasPrefix("# reach background: K+ -> pi0 e+ N, variant '2016–2018 data'\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("N_K = 3e+10"), "4.5e12 decays / prescale 150")
        let header = csvRows(run.stdout).first
        XCTAssertEqual(header, ["m2_GeV2", "events_before_veto", "events_after_veto", "uncertainty_after_veto"])
        let centres = column("m2_GeV2", of: run.stdout)
        let before = column("events_before_veto", of: run.stdout), after = column("events_after_veto", of: run.stdout)
        XCTAssertGreaterThan(centres.count, 100)
        for (a, b) in zip(centres, centres.dropFirst()) { XCTAssertEqual(b - a, 5e-4, accuracy: 1e-9) }
        for (b, a) in zip(before, after) {
            XCTAssertGreaterThanOrEqual(a, 0)
            XCTAssertLessThanOrEqual(a, b * (1 + 1e-9))
        }
        let signalRegion = centres.indices.filter { (0.125 * 0.125...0.144 * 0.144).contains(centres[$0]) }
        XCTAssertGreaterThan(signalRegion.count, 8)
        for i in signalRegion {
            XCTAssertEqual(after[i] / before[i], 0.0180, accuracy: 0.0015, "m2 = \(centres[i]) GeV^2")
        }
    }

    func testTwoRunsAreByteIdentical() throws {
        let first = try reach("background", ReachExecutable.shippedScenario, "--variant", "3", "--quiet")
        let second = try reach("background", ReachExecutable.shippedScenario, "--variant", "2021–2024 dedicated trigger", "--quiet")
        assertSuccess(first)
        XCTAssertFalse(first.stdoutData.isEmpty)
        XCTAssertEqual(first.stdoutData, second.stdoutData)
    }

    func testBinWidthIsChecked() throws {
        try write(TestScenarios.small, to: "small.yaml")
        assertFailure(try reach("background", "small.yaml", "--bin-width", "5e-4"), status: 64,
                      message: "Error: --bin-width: '5e-4' has no unit; expected a squared mass with a unit (keV^2, MeV^2, GeV^2), e.g. 5e-4 GeV^2")
        assertFailure(try reach("background", "small.yaml", "--bin-width", "5e-4 MeV"), status: 64,
                      message: "Error: --bin-width: 'MeV' is a unit of mass; expected a squared mass with a unit (keV^2, MeV^2, GeV^2), e.g. 5e-4 GeV^2")
        assertFailure(try reach("background", "small.yaml", "--bin-width", "0 GeV^2"), status: 64,
                      message: "Error: --bin-width 0 GeV^2: expected a positive squared mass, e.g. 5e-4 GeV^2")
        let tiny = try reach("background", "small.yaml", "--bin-width", "1e-12 GeV^2", "--statistics", "20000")
        XCTAssertEqual(tiny.status, 64)
        XCTAssertTrue(tiny.errorLines.first?.hasPrefix("Error: --bin-width 1e-12 GeV^2: gives 1.42e+11 bins over") ?? false, tiny.stderr)
    }

    func testTableVariantHasNoGeneratedSpectrum() throws {
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        assertFailure(try reach("background", "table.yaml", "--variant", "table", "--statistics", "20000"), status: 64,
                      message: "Error: variant 'table' uses the background table \(folder.path)/flat.csv; expected a variant with the radiative background model")
    }
}
