import XCTest
import BackgroundTables

/// The table of N_exp(m0²) ± δN_exp(m0²) above each cut: linear interpolation checked by hand,
/// nothing outside the rows, malformed files refused with their line and column.
final class CutTableTests: XCTestCase {
    static let text = """
    # seed 000 Sec. 6: 7549 ± 928 above 0.1 GeV^2
    m0_GeV2,n_exp,dn_exp
    0.08,9000,1100
    0.10,7549,928
    0.12,5000,700
    """

    func testLinearInterpolationByHand() throws {
        let table = try CutTable.parse(Self.text, source: "cut.csv")
        // Rows are returned as written.
        XCTAssertEqual(table.value(atGeV2: 0.10)?.events, 7549)
        XCTAssertEqual(table.value(atGeV2: 0.10)?.uncertainty, 928)
        // A quarter of the way from 0.08 to 0.10: 9000 − 0.25 × 1451 = 8637.25, 1100 − 0.25 × 172 = 1057.
        let quarter = try XCTUnwrap(table.value(atGeV2: 0.085))
        XCTAssertEqual(quarter.events, 8637.25, accuracy: 1e-9)
        XCTAssertEqual(quarter.uncertainty, 1057, accuracy: 1e-9)
        // Midway from 0.10 to 0.12: (7549 + 5000)/2 = 6274.5, (928 + 700)/2 = 814.
        let middle = try XCTUnwrap(table.value(atGeV2: 0.11))
        XCTAssertEqual(middle.events, 6274.5, accuracy: 1e-9)
        XCTAssertEqual(middle.uncertainty, 814, accuracy: 1e-9)
        XCTAssertEqual(table.value(atGeV2: 0.12)?.events, 5000)
        XCTAssertNil(table.value(atGeV2: 0.079), "below the first row")
        XCTAssertNil(table.value(atGeV2: 0.121), "above the last row")
    }

    func testMalformedTablesNameTheirLine() {
        func message(_ text: String) -> String {
            do { _ = try CutTable.parse(text, source: "cut.csv"); return "" } catch { return error.description }
        }
        XCTAssertEqual(message("m0_GeV2,n_exp\n0.1,5\n"), "cut.csv:1: cut table: no 'dn_exp' column (expected m0_GeV2, n_exp, dn_exp)")
        XCTAssertEqual(message("m0_GeV2,n_exp,dn_exp\n0.1,5,1\n0.1,4,1\n"),
                       "cut.csv:3, column 1: cut table: m0_GeV2 = '0.1' does not increase (rows must be in strictly increasing m0^2)")
        XCTAssertEqual(message("m0_GeV2,n_exp,dn_exp\n0.1,-5,1\n"), "cut.csv:2, column 2: cut table: n_exp = '-5' (expected an expected number of events in [0, 1e15))")
        XCTAssertEqual(message("m0_GeV2,n_exp,dn_exp\n"), "cut.csv: cut table: no data rows (expected at least one m0^2)")
    }
}
