import XCTest
@testable import Plot

final class TickFormatterTests: XCTestCase {
    func testPowersOfTenUseSuperscriptAndMinusSign() {
        XCTAssertEqual(TickFormatter.log(1e-6), "10<sup>\u{2212}6</sup>")
        XCTAssertEqual(TickFormatter.log(1000), "10<sup>3</sup>")
        XCTAssertEqual(TickFormatter.log(1), "10<sup>0</sup>")
        XCTAssertEqual(TickFormatter.log(2e-3), "2\u{00D7}10<sup>\u{2212}3</sup>")
        XCTAssertEqual(TickFormatter.log(5e7), "5\u{00D7}10<sup>7</sup>")
    }

    func testLinearLabels() {
        XCTAssertEqual(TickFormatter.linear(0.5, step: 0.1), "0.5")
        XCTAssertEqual(TickFormatter.linear(1.0, step: 0.5), "1")
        XCTAssertEqual(TickFormatter.linear(-2, step: 1), "\u{2212}2")
        XCTAssertEqual(TickFormatter.linear(-1e-17, step: 0.2), "0", "rounding noise is not \"−0\"")
        XCTAssertEqual(TickFormatter.linear(250, step: 50), "250")
        XCTAssertEqual(TickFormatter.linear(3e6, step: 1e6), "3\u{00D7}10<sup>6</sup>")
    }

    func testEveryLabelIsValidMarkup() throws {
        for t in try LogTicks.ticks(lower: 1e-12, upper: 1e3) + LinearTicks.ticks(lower: -3e-7, upper: 5e-7) {
            if let label = t.label { XCTAssertNil(TextEngine.markupError(label), label) }
        }
    }
}
