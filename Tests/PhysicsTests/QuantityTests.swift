import XCTest
@testable import Physics

final class QuantityTests: XCTestCase {
    private func value(_ text: String, _ dimension: Quantity.Dimension) -> Double? {
        try? Quantity.parse(text, as: dimension).get().canonicalValue
    }

    func testMassesConvertToGeV() {
        XCTAssertEqual(value("125 MeV", .mass)!, 0.125, accuracy: 1e-15)
        XCTAssertEqual(value("135MeV", .mass)!, 0.135, accuracy: 1e-15)
        XCTAssertEqual(value("0.3 GeV", .mass)!, 0.3, accuracy: 1e-15)
    }

    func testSquaredMassesAndAngles() {
        XCTAssertEqual(value("1.7e-3 GeV^2", .massSquared)!, 1.7e-3, accuracy: 1e-18)
        XCTAssertEqual(value("1700 MeV^2", .massSquared)!, 1.7e-3, accuracy: 1e-18)
        XCTAssertEqual(value("1.7e-3 GeV2", .massSquared)!, 1.7e-3, accuracy: 1e-18)
        XCTAssertEqual(value("50 mrad", .angle)!, 0.05, accuracy: 1e-15)
        XCTAssertEqual(value("180 deg", .angle)!, Double.pi, accuracy: 1e-15)
    }

    func testErrorsNameWhatIsWrong() {
        XCTAssertEqual(Quantity.parse("125", as: .mass).failure, .missingUnit("125"))
        XCTAssertEqual(Quantity.parse("125 MeV", as: .angle).failure, .wrongDimension(unit: "MeV", found: .mass))
        XCTAssertEqual(Quantity.parse("125 furlong", as: .mass).failure, .unknownUnit("furlong"))
        XCTAssertEqual(Quantity.parse("MeV", as: .mass).failure, .notANumber("MeV"))
    }

    func testPlainNumbersInAllSpellings() {
        XCTAssertEqual(Quantity.parseNumber("4.5e12"), 4.5e12)
        XCTAssertEqual(Quantity.parseNumber("4.5e+12"), 4.5e12)
        XCTAssertEqual(Quantity.parseNumber("4.5×10^12"), 4.5e12)
        XCTAssertNil(Quantity.parseNumber("4.5 MeV"))
        XCTAssertNil(Quantity.parseNumber("inf"))
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}
