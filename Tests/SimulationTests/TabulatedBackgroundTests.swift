import XCTest
@testable import Simulation
import BackgroundTables

final class TabulatedBackgroundTests: XCTestCase {
    func parse(_ text: String) throws -> BackgroundTable {
        try BackgroundTable.parse(text, source: "bkg.csv")
    }

    func error(_ text: String) -> BackgroundTableError? {
        do {
            _ = try BackgroundTable.parse(text, source: "bkg.csv")
            return nil
        } catch {
            return error
        }
    }

    func testLinearTableIntegratesByTrapezoidsAndIsZeroOutside() throws {
        let table = try parse("# hand-made\nm2_GeV2,dN_dm2_per_GeV2\n0.0,0\n1.0,2\n")
        XCTAssertEqual(table.integral(fromGeV2: 0, toGeV2: 0.5), 0.25, accuracy: 1e-15)
        XCTAssertEqual(table.integral(fromGeV2: -1, toGeV2: 2), 1, accuracy: 1e-15)
        XCTAssertEqual(table.integral(fromGeV2: 2, toGeV2: 3), 0)
    }

    /// The mirror image of a negative-side table: ∫_a^b of the mirror is ∫_{−b}^{−a} of the
    /// table (seed 000's tail: the positive side as the reflection of the negative one).
    func testMirroredTableIsTheReflection() {
        let negative = BackgroundTable(m2GeV2: [-0.2, -0.1, -0.05, 0], densityPerGeV2: [1, 4, 10, 30])
        let mirror = negative.mirrored()
        XCTAssertEqual(mirror.m2GeV2, [0, 0.05, 0.1, 0.2])
        XCTAssertEqual(mirror.densityPerGeV2, [30, 10, 4, 1])
        for (a, b) in [(0.0, 0.2), (0.03, 0.12), (0.1, 1.0)] {
            XCTAssertEqual(mirror.integral(fromGeV2: a, toGeV2: b), negative.integral(fromGeV2: -b, toGeV2: -a), accuracy: 1e-15)
        }
        XCTAssertEqual(mirror.integral(fromGeV2: -1, toGeV2: 0), 0, "nothing left at m² < 0")
    }

    func testMeVUnitsAreConverted() throws {
        let gev = try parse("m2_GeV2,dN_dm2_per_GeV2\n0.01,4e6\n0.02,2e6\n")
        let mev = try parse("m2_MeV^2, dN_dm2_per_MeV^2\r\n10000, 4\r\n20000, 2\r\n")
        XCTAssertEqual(mev.m2GeV2, gev.m2GeV2)
        for (a, b) in zip(mev.densityPerGeV2, gev.densityPerGeV2) { XCTAssertEqual(a, b, accuracy: 1e-9 * b) }
    }

    func testNormalisationPerKaonDecayOrForStatedDecays() throws {
        let table = try parse("m2_GeV2,dN_dm2_per_GeV2\n0.0,1\n1.0,1\n")
        XCTAssertEqual(TabulatedBackground(table: table, kaonDecays: 2e10, tableKaonDecays: nil)
            .window(centreGeV2: 0.5, halfWidthGeV2: 0.1).events, 0.2 * 2e10, accuracy: 1)
        XCTAssertEqual(TabulatedBackground(table: table, kaonDecays: 6e10, tableKaonDecays: 3e10)
            .window(centreGeV2: 0.5, halfWidthGeV2: 0.1).events, 0.4, accuracy: 1e-12)
    }

    func testErrorsNameLineColumnAndExpectation() {
        let cases: [(String, Int?, Int?, String)] = [
            ("m2,dN\n", 1, 1, "m2_GeV2"),
            ("m2_GeV2,rate_per_GeV2\n", 1, 2, "dN_dm2_per_GeV2"),
            ("m2_GeV2,dN_dm2_per_GeV2\n0.01,1\n0.02,abc\n", 3, 2, "'abc' is not a number"),
            ("m2_GeV2,dN_dm2_per_GeV2\n0.02,1\n0.01,1\n", 3, 1, "increas"),
            ("m2_GeV2,dN_dm2_per_GeV2\n0.01,1\n0.02,-1\n", 3, 2, "negative"),
            ("m2_GeV2,dN_dm2_per_GeV2\n0.01,1,5\n", 2, nil, "expected 2"),
            ("m2_GeV2,dN_dm2_per_GeV2\n0.01,1\n", nil, nil, "at least 2"),
            ("# only a comment\n", nil, nil, "no header"),
        ]
        for (text, line, column, fragment) in cases {
            guard let e = error(text) else { XCTFail("accepted: \(text)"); continue }
            XCTAssertEqual(e.line, line, text)
            XCTAssertEqual(e.column, column, text)
            XCTAssertTrue(e.description.contains(fragment), e.description)
            XCTAssertTrue(e.description.hasPrefix("bkg.csv"), e.description)
        }
    }

    /// A generated background written out as a table and read back gives the same windows.
    func testGeneratedBackgroundSurvivesRoundTripThroughATable() throws {
        let sample = RadiativeSampleCache.shared.sample(process: .ke3Gamma, events: 1 << 20, seed: 2021)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10)
        let written = model.table(binWidthGeV2: 1e-4, rangeGeV2: 0.0...0.13)
        let text = BackgroundTable.csv(m2GeV2: written.m2GeV2, densityPerGeV2: written.densityPerGeV2,
                                       comment: "K+ -> pi0 e+ nu gamma after the veto, per kaon decay")
        let table = TabulatedBackground(table: try parse(text), kaonDecays: 3e10, tableKaonDecays: nil)
        for mass in stride(from: 0.100, through: 0.300, by: 0.010) {
            let generated = model.window(centreGeV2: mass * mass, halfWidthGeV2: 1.4 * 1.7e-3)
            let tabulated = table.window(centreGeV2: mass * mass, halfWidthGeV2: 1.4 * 1.7e-3)
            XCTAssertEqual(tabulated.events / generated.events, 1, accuracy: 0.005, "m_N = \(mass) GeV")
            XCTAssertNil(tabulated.vetoPassFraction)
        }
    }
}
