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
        XCTAssertEqual(header, ["m2_GeV2", "K+ -> pi0 e+ nu gamma", "events_after_veto", "uncertainty_after_veto", "events_before_veto"])
        XCTAssertEqual(column("K+ -> pi0 e+ nu gamma", of: run.stdout), column("events_after_veto", of: run.stdout), "one component is the total")
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

    /// A user table's spectrum: 10⁶ events per GeV² for 3×10¹⁰ kaon decays, scaled to the
    /// variant's N_K = 3×10¹⁰ (4.5×10¹² / 150), is 500 events per 5×10⁻⁴ GeV² bin inside the table;
    /// its count before the veto is unknown and written empty, with a header line saying why.
    func testATableVariantGivesTheTablesSpectrum() throws {
        try write(TestScenarios.withTable, to: "table.yaml")
        try write(TestScenarios.flatTable, to: "flat.csv")
        let run = try reach("background", "table.yaml", "--variant", "table", "--statistics", "20000")
        assertSuccess(run)
        XCTAssertTrue(run.stdout.contains("# events_before_veto is empty: a user table is given after the veto\n"), run.stdout)
        XCTAssertEqual(csvRows(run.stdout).first, ["m2_GeV2", "flat.csv", "events_after_veto", "uncertainty_after_veto", "events_before_veto"])
        let centres = column("m2_GeV2", of: run.stdout), after = column("flat.csv", of: run.stdout)
        for (m2, events) in zip(centres, after) where m2 > -0.049 && m2 < 0.199 {
            XCTAssertEqual(events, 500, accuracy: 1e-6, "m2 = \(m2)")
        }
        let rows = csvRows(run.stdout).dropFirst()
        XCTAssertTrue(rows.allSatisfy { $0.last == "" }, "no count before the veto")
    }

    /// A background of two components: one column each, the total their sum.
    func testComponentsHaveTheirOwnColumns() throws {
        try write(TestScenarios.flatTable, to: "flat.csv")
        try write(TestScenarios.small.replacingOccurrences(of: "signal_acceptance: 0.1", with: """
            signal_acceptance: 0.1
              background:
                - { model: radiative, uncertainty: 0.1, group: veto }
                - { table: flat.csv, normalisation: { kaon_decays: 3e10 }, label: "K+ -> pi+ pi+ pi-", uncertainty: 0.2 }
            """), to: "two.yaml")
        let run = try reach("background", "two.yaml", "--statistics", "20000")
        assertSuccess(run)
        XCTAssertEqual(csvRows(run.stdout).first, ["m2_GeV2", "K+ -> pi0 e+ nu gamma", "K+ -> pi+ pi+ pi-", "events_after_veto", "uncertainty_after_veto", "events_before_veto"])
        let radiative = column("K+ -> pi0 e+ nu gamma", of: run.stdout), table = column("K+ -> pi+ pi+ pi-", of: run.stdout)
        for (i, total) in column("events_after_veto", of: run.stdout).enumerated() {
            XCTAssertEqual(total, radiative[i] + table[i], accuracy: 1e-5 * max(total, 1))
        }
        let validate = try reach("validate", "two.yaml")
        assertSuccess(validate)
        XCTAssertTrue(validate.stdout.contains("background: 2 component(s)"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("'K+ -> pi0 e+ nu gamma': K+ -> pi0 e+ nu gamma (built-in generator), uncertainty 10 %, group 'veto'"), validate.stdout)
        XCTAssertTrue(validate.stdout.contains("'K+ -> pi+ pi+ pi-': table \(folder.path)/flat.csv (for 3.00e+10 kaon decays), uncertainty 20 %"), validate.stdout)
    }
}

/// A component with a stated rejection (the muon decaying in flight) is written after it, and the
/// header gives the raw count before it: N_K · A · B(K_μ2) · ⟨P_decay⟩ over a 60 m path
/// (⟨P_decay⟩ = 4.15 × 10⁻⁴, docs/physics.md §5.15), and the rejected one R times that.
final class RejectionCountCLITests: CLITestCase {
    func testRawAndRejectedCounts() throws {
        let yaml = TestScenarios.small.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> e+ N")
            .replacingOccurrences(of: "signal_acceptance: 0.1", with: """
            signal_acceptance: 0.1
              background:
                - { process: "K+ -> mu+ nu, mu+ -> e+ nu nubar", rejection: 1e-3, label: muon decay in flight }
            """)
        try write(yaml, to: "dif.yaml")
        let run = try reach("background", "dif.yaml", "--statistics", "100000")
        assertSuccess(run)
        let line = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.contains("before the rejection factor") })
        let numbers = line.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: ",()"))) }
        let raw = try XCTUnwrap(numbers.first), factor = numbers[1], rejected = numbers[2]
        XCTAssertEqual(factor, 1e-3)
        XCTAssertEqual(rejected / raw, 1e-3, accuracy: 1e-8)
        let kaonDecays = 4.5e12 / 150
        XCTAssertEqual(raw / (kaonDecays * 0.1 * 0.6356 * 4.15e-4), 1, accuracy: 0.03, "nearly every muon decay lands in the spectrum")
        let total = column("events_after_veto", of: run.stdout).reduce(0, +)
        XCTAssertEqual(total / rejected, 1, accuracy: 1e-4, "the column is the rejected count")
    }
}

/// K+ → e+ ν γ's structure-dependent emission dominates its inner bremsstrahlung at large
/// m²_miss (helicity suppression of IB; KLOE's SD+ rate), so switching it off lowers b a lot.
final class StructureDependentEmissionCLITests: CLITestCase {
    func testStructureDependentEmissionRaisesTheElectronBackground() throws {
        let base = TestScenarios.small.replacingOccurrences(of: "channel: K+ -> pi0 e+ N", with: "channel: K+ -> e+ N")
            .replacingOccurrences(of: "from: 100 MeV, to: 150 MeV, step: 10 MeV", with: "from: 250 MeV, to: 300 MeV, step: 50 MeV")
        try write(base, to: "full.yaml")
        try write(base.replacingOccurrences(of: "signal_acceptance: 0.1", with: "signal_acceptance: 0.1\n  background: { model: radiative, emission: inner-bremsstrahlung }"), to: "ib.yaml")
        let full = try reach("project", "full.yaml", "--statistics", "100000", "--quiet")
        let ib = try reach("project", "ib.yaml", "--statistics", "100000", "--quiet")
        assertSuccess(full)
        assertSuccess(ib)
        for (withStructure, innerOnly) in zip(column("background", of: full.stdout), column("background", of: ib.stdout)) {
            XCTAssertGreaterThan(withStructure, 10 * innerOnly)
        }
    }
}
