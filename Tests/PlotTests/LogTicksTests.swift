import XCTest
@testable import Plot

/// Log tick placement for ranges of under one, one, three and twelve decades.
final class LogTicksTests: XCTestCase {
    let minus = "\u{2212}"

    func testOneDecade() throws {
        let loc = try LogTicks.locate(lower: 1, upper: 10)
        XCTAssertEqual(loc.majors, [1, 10])
        XCTAssertEqual(loc.labelled, [1, 10])
        XCTAssertEqual(loc.minors.count, 8)   // 2…9
        XCTAssertEqual(loc.minors.first ?? 0, 2, accuracy: 1e-12)
        let labels = try LogTicks.ticks(lower: 1, upper: 10).compactMap(\.label)
        XCTAssertEqual(labels, ["10<sup>0</sup>", "10<sup>1</sup>"])
    }

    func testThreeDecades() throws {
        let ticks = try LogTicks.ticks(lower: 1e-9, upper: 1e-6)
        XCTAssertEqual(ticks.compactMap(\.label), [
            "10<sup>\(minus)9</sup>", "10<sup>\(minus)8</sup>", "10<sup>\(minus)7</sup>", "10<sup>\(minus)6</sup>",
        ])
        XCTAssertEqual(ticks.filter(\.isMajor).count, 4)
        XCTAssertEqual(ticks.filter { !$0.isMajor }.count, 3 * 8)
        // Minors sit at integer multiples of their decade.
        for t in ticks where !t.isMajor {
            let m = t.value / pow(10, log10(t.value).rounded(.down))
            XCTAssertEqual(m, m.rounded(), accuracy: 1e-9)
        }
    }

    func testTwelveDecadesLabelsEverySecondDecade() throws {
        let loc = try LogTicks.locate(lower: 1e-12, upper: 1, maxLabels: 8)
        XCTAssertEqual(loc.majors.count, 13, "a major tick on every decade")
        XCTAssertEqual(loc.stride, 2)
        XCTAssertEqual(loc.labelled.map { Int(log10($0).rounded()) }, [-12, -10, -8, -6, -4, -2, 0])
        XCTAssertTrue(loc.minors.isEmpty, "no 2…9 minors beyond \(LogTicks.minorDecadeLimit) decades")
        // With room for only 5 labels the stride grows to 3.
        let tight = try LogTicks.locate(lower: 1e-12, upper: 1, maxLabels: 5)
        XCTAssertEqual(tight.stride, 3)
        XCTAssertEqual(tight.labelled.map { Int(log10($0).rounded()) }, [-12, -9, -6, -3, 0])
    }

    func testLessThanOneDecadeLabelsTwoAndFive() throws {
        // 0.15 … 0.9 holds no power of ten: 0.2 and 0.5 are labelled, as plain numbers.
        let ticks = try LogTicks.ticks(lower: 0.15, upper: 0.9)
        XCTAssertEqual(ticks.compactMap(\.label), ["0.2", "0.5"])
        // Far from 1 they stay in scientific notation.
        XCTAssertEqual(try LogTicks.ticks(lower: 1.5e-6, upper: 9e-6).compactMap(\.label),
                       ["2\u{00D7}10<sup>\(minus)6</sup>", "5\u{00D7}10<sup>\(minus)6</sup>"])
        XCTAssertEqual(try LogTicks.ticks(lower: 0.5, upper: 3).compactMap(\.label), ["0.5", "1", "2"])
        XCTAssertTrue(ticks.filter { $0.label != nil }.allSatisfy(\.isMajor))
        // 0.5 … 3 holds 1: 0.5, 1 and 2 labelled.
        XCTAssertEqual(try LogTicks.locate(lower: 0.5, upper: 3).labelled, [0.5, 1, 2])
    }

    func testNarrowRangesStillHaveTwoLabels() throws {
        for (lo, hi) in [(3.0, 4.5), (3.1, 3.9), (1.01, 1.02), (6e-7, 9e-7)] {
            let labels = try LogTicks.ticks(lower: lo, upper: hi).compactMap(\.label)
            XCTAssertGreaterThanOrEqual(labels.count, 2, "[\(lo), \(hi)]: \(labels)")
        }
    }

    func testHugeRangesAreCapped() throws {
        let ticks = try LogTicks.ticks(lower: 1e-300, upper: 1e300)
        XCTAssertLessThanOrEqual(ticks.count, TickLimits.maximumTicks)
        XCTAssertLessThanOrEqual(ticks.filter { $0.label != nil }.count, 8)
        XCTAssertGreaterThanOrEqual(ticks.filter { $0.label != nil }.count, 2)
    }

    func testNonPositiveRangeIsAnError() {
        XCTAssertThrowsError(try LogTicks.locate(lower: 0, upper: 1)) {
            XCTAssertEqual($0 as? TickError, .nonPositiveOnLogAxis(lower: 0, upper: 1))
        }
        XCTAssertThrowsError(try LogTicks.locate(lower: -1, upper: 1))
        XCTAssertThrowsError(try LogTicks.locate(lower: 10, upper: 1)) {
            XCTAssertEqual($0 as? TickError, .reversed(lower: 10, upper: 1))
        }
    }

    func testPlainDecadesOnAMassAxis() throws {
        let labels = try Axis(.log, 0.1, 10, plainDecades: -1...1).ticks(maxLabels: 8).compactMap(\.label)
        XCTAssertEqual(labels, ["0.1", "1", "10"])
    }
}
