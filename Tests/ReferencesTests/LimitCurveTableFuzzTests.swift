import XCTest
import TestSupport
@testable import References

/// Thousands of mutated limit-curve tables (seeded, so every run sees the same ones): the reader
/// never crashes, and each text is either a valid curve or an error naming a line of the text.
final class LimitCurveTableFuzzTests: XCTestCase {
    private static let seedTable = "mass_MeV,U2\n# PIENU 2018, digitised\n60,1e-8\n80,5e-9\n100,3e-9\n120,2e-9\n135,2.5e-9\n"

    /// Numbers at the edges of Double and of the format, texts that are no curve, the unit of the header.
    private static let mutations = TableMutations(
        oddNumbers: [
            "1e308", "1.7976931348623157e308", "1e309", "-1e308", "nan", "NaN", "inf", "-inf", "infinity", "0", "-0", "4.9e-324",
            "1e-400", "0x1p-1074", "0x1p1023", String(repeating: "9", count: 400), "", " ", "1,5", "1e", "e5", "--1", "+.5", "1_000",
            "١٢٣", "½", "1e2e3", "0.000000000000000000000000000000001",
        ],
        oddTexts: [
            "", "mass_MeV,U2", "mass_GeV,U2", "mass_MeV,U2\n", "\n\n\n", "mass_GeV , U2\r\n1,1\r\n", "U2,mass_MeV",
            "mass_MeV;U2", "\u{FEFF}mass_MeV,U2\n1,1\n2,2", "mass_MeV,U2,extra\n1,1,1\n2,2,2",
        ],
        unitSwaps: [("mass_MeV", "mass_GeV")])

    func testMutatedTablesAreValidOrNameALine() {
        var rng = SplitMix64(state: 2_018_0601)
        var valid = 0, invalid = 0
        for iteration in 0..<3000 {
            var text = Self.seedTable
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutations.mutate(text, rng: &rng) }
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            switch LimitCurveTable.parse(text) {
            case .success(let table):
                valid += 1
                XCTAssertGreaterThanOrEqual(table.massesMeV.count, 2, "iteration \(iteration)")
                XCTAssertEqual(table.massesMeV.count, table.u2.count)
                XCTAssertTrue(table.massesMeV.allSatisfy { $0.isFinite && $0 >= 0 }, "iteration \(iteration): \(table.massesMeV)")
                XCTAssertTrue(zip(table.massesMeV, table.massesMeV.dropFirst()).allSatisfy { $0 < $1 }, "iteration \(iteration)")
                XCTAssertTrue(table.u2.allSatisfy { $0.isFinite && $0 > 0 }, "iteration \(iteration): \(table.u2)")
            case .failure(let error):
                invalid += 1
                XCTAssertTrue((1...max(lineCount, 1)).contains(error.line), "iteration \(iteration): line \(error.line) of \(lineCount)")
                XCTAssertFalse(error.message.isEmpty)
                XCTAssertTrue(error.description.hasPrefix("line \(error.line): "))
            }
        }
        XCTAssertGreaterThan(valid, 100)
        XCTAssertGreaterThan(invalid, 1000)
    }

    /// Hand-made cases the fuzzer may miss: numbers that overflow only after the GeV → MeV
    /// conversion, the header alone, an empty text and a 300 000-character line.
    func testOverflowAfterUnitConversionNamesTheLine() {
        func failingLine(_ text: String) -> Int? {
            if case .failure(let error) = LimitCurveTable.parse(text) { return error.line }
            return nil
        }
        XCTAssertEqual(failingLine("mass_GeV,U2\n1,1e-6\n1e306,1e-6\n"), 3)
        XCTAssertEqual(failingLine("mass_GeV,U2\n"), 1)
        XCTAssertEqual(failingLine(""), 1)
        XCTAssertEqual(failingLine("mass_MeV,U2\n1,1e-6\n2," + String(repeating: "9", count: 300_000) + "\n"), 3)
    }
}
