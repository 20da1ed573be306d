import XCTest
@testable import References

/// The CSV of `reach limit --table` read for a figure: its header identifies it, the columns of
/// the figure's quantity are read by name, and every value that cannot be drawn is refused with
/// its line and column.
final class ObservedLimitTableTests: XCTestCase {
    private static let header = "mass_MeV,n_obs,n_exp,dn_exp,ns_observed,ns_expected,ns_expected_minus2sigma,ns_expected_minus1sigma,ns_expected_plus1sigma,ns_expected_plus2sigma,br_observed,br_expected,br_expected_minus2sigma,br_expected_minus1sigma,br_expected_plus1sigma,br_expected_plus2sigma,u2_observed,u2_expected,u2_expected_minus2sigma,u2_expected_minus1sigma,u2_expected_plus1sigma,u2_expected_plus2sigma"

    /// A row: the counts, then ns, br and u2 blocks (observed, median, −2σ, −1σ, +1σ, +2σ).
    private func row(_ mass: String, ns: [String] = ["10", "8", "4", "6", "11", "15"], br: [String]? = nil, u2: [String]? = nil) -> String {
        let empty = Array(repeating: "", count: 6)
        return ([mass, "5", "4.5", "0.5"] + ns + (br ?? empty) + (u2 ?? empty)).joined(separator: ",")
    }

    private let u2a = ["2e-8", "1.5e-8", "0.8e-8", "1.1e-8", "2.1e-8", "3e-8"]
    private let u2b = ["1e-8", "1.2e-8", "0.6e-8", "0.9e-8", "1.7e-8", "2.4e-8"]

    private func table(_ rows: [String]) -> String { ([Self.header] + rows).joined(separator: "\n") + "\n" }

    func testColumnsAreReadByNameForTheFiguresQuantity() throws {
        let text = "# from reach limit --table\n" + table([row("200", br: ["1e-7", "2e-7", "1e-7", "1.5e-7", "3e-7", "4e-7"], u2: u2a), row("201", u2: u2b)])
        let u2 = try ObservedLimitTable.parse(text, parameter: .u2).get()
        XCTAssertEqual(u2.massesMeV, [200, 201])
        XCTAssertEqual(u2.observed, [2e-8, 1e-8])
        XCTAssertEqual(u2.expected, [1.5e-8, 1.2e-8])
        XCTAssertEqual(u2.minus2, [0.8e-8, 0.6e-8])
        XCTAssertEqual(u2.minus1, [1.1e-8, 0.9e-8])
        XCTAssertEqual(u2.plus1, [2.1e-8, 1.7e-8])
        XCTAssertEqual(u2.plus2, [3e-8, 2.4e-8])
        // The br columns of the second row are empty: a continuum figure cannot draw it.
        XCTAssertEqual(ObservedLimitTable.parse(text, parameter: .branchingFraction).refusal?.description,
                       "line 4, column 11: br_observed is empty; expected a branching fraction > 0 (`reach limit --table` leaves it empty without a conversion: an acceptance column with --kaon-decays, u2_ses or br_ses)")
    }

    func testEmptyColumnsAreRefusedNamingWhatFillsThem() {
        XCTAssertEqual(ObservedLimitTable.parse(table([row("200"), row("201")]), parameter: .u2).refusal?.description,
                       "line 2, column 17: u2_observed is empty; expected |U|² > 0 (linear, not log10) (`reach limit --table` leaves it empty without a conversion: an acceptance column with --kaon-decays, u2_ses or br_ses, and --channel)")
    }

    func testHeaderIdentifiesTheTable() {
        XCTAssertEqual(ObservedLimitTable.parse("mass_MeV,U2\n200,1e-8\n201,1e-8\n", parameter: .u2).refusal?.description,
                       "line 1: header 'mass_MeV,U2' is not that of `reach limit --table`; expected 'mass_MeV,n_obs,n_exp,dn_exp,…'")
        XCTAssertEqual(ObservedLimitTable.parse("# only a comment\n\n", parameter: .u2).refusal?.line, 1)
        let withoutU2 = Self.header.components(separatedBy: ",").prefix(16).joined(separator: ",")
        XCTAssertEqual(ObservedLimitTable.parse(withoutU2 + "\n", parameter: .u2).refusal?.description,
                       "line 1: header has no column u2_observed; expected the u2_* columns `reach limit --table` writes")
    }

    func testValuesThatCannotBeDrawnAreRefusedAtTheirColumn() {
        func error(_ rows: [String]) -> String? { ObservedLimitTable.parse(table(rows), parameter: .u2).refusal?.description }
        // (value, which of the six u2 columns, the error): each in the second row.
        let cases: [(String, Int, String)] = [
            ("inf", 0, "line 3, column 17: u2_observed 'inf' is not a finite number; expected |U|² > 0 (linear, not log10)"),
            ("nan", 3, "line 3, column 20: u2_expected_minus1sigma 'nan' is not a finite number; expected |U|² > 0 (linear, not log10)"),
            ("0", 2, "line 3, column 19: u2_expected_minus2sigma 0 is not positive; expected |U|² > 0 (linear, not log10)"),
            ("1e-8", 4, "line 3, column 21: u2_expected_plus1sigma 1e-8 is below u2_expected 1.2e-8; expected −2σ ≤ −1σ ≤ median ≤ +1σ ≤ +2σ"),
        ]
        for (value, index, expected) in cases {
            var values = u2b
            values[index] = value
            XCTAssertEqual(error([row("200", u2: u2a), row("201", u2: values)]), expected, value)
        }
        XCTAssertEqual(error([row("200", u2: u2a), String(row("201", u2: u2b).dropLast(7))]),
                       "line 3: 21 values; expected 22, one per header column")
        XCTAssertEqual(error([row("200", u2: u2a)]), "line 2: 1 row(s); expected at least 2 masses")
    }

    func testMassesArePositiveFiniteAndIncreasing() {
        func error(_ first: String, _ second: String) -> String? {
            ObservedLimitTable.parse(table([row(first, u2: u2a), row(second, u2: u2b)]), parameter: .u2).refusal?.description
        }
        XCTAssertEqual(error("200", "200"), "line 3, column 1: mass_MeV 200 does not increase; expected masses in strictly increasing order")
        XCTAssertEqual(error("201", "200"), "line 3, column 1: mass_MeV 200 does not increase; expected masses in strictly increasing order")
        XCTAssertEqual(error("0", "200"), "line 2, column 1: mass_MeV '0' is not a positive finite number; expected a mass in MeV > 0")
        XCTAssertEqual(error("200", "1e999"), "line 3, column 1: mass_MeV '1e999' is not a positive finite number; expected a mass in MeV > 0")
        XCTAssertEqual(error("200", "x"), "line 3, column 1: mass_MeV 'x' is not a positive finite number; expected a mass in MeV > 0")
    }

    func testCarriageReturnsAndCommentsBetweenRows() throws {
        let text = table([row("200", u2: u2a), "# a comment", "", row("201", u2: u2b)]).replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try ObservedLimitTable.parse(text, parameter: .u2).get().massesMeV, [200, 201])
    }
}

private extension Result {
    var refusal: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}
