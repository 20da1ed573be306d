import XCTest
@testable import Plot

/// Linear tick placement: 1-2-5 steps, 2…8 majors, labels without trailing zeros.
final class LinearTicksTests: XCTestCase {
    func testZeroTo400UsesHundreds() throws {
        // Step 50 gives 9 majors (> 8); 100 gives 5, nearest to the target of 6.
        let loc = try LinearTicks.locate(lower: 0, upper: 400)
        XCTAssertEqual(loc.majors, [0, 100, 200, 300, 400])
        XCTAssertEqual(loc.step, 100)
        // Step 1 × 10² is divided in 5: minors every 20, none on a major.
        XCTAssertEqual(loc.minors.count, 4 * 4)
        XCTAssertEqual(loc.minors.first, 20)
    }

    func testSymmetricRangeHasRealMinusSigns() throws {
        let ticks = try LinearTicks.ticks(lower: -1, upper: 1)
        let labels = ticks.compactMap(\.label)
        XCTAssertEqual(labels, ["\u{2212}1", "\u{2212}0.5", "0", "0.5", "1"])
        XCTAssertFalse(labels.joined().contains("-"), "ASCII hyphen-minus in a label")
    }

    func testLabelsHaveNoTrailingZeros() throws {
        let labels = try LinearTicks.ticks(lower: 0, upper: 2.5).compactMap(\.label)
        XCTAssertEqual(labels, ["0", "0.5", "1", "1.5", "2", "2.5"])
    }

    func testStepTwoIsDividedInFour() throws {
        // 0…14: step 2 gives 8 majors (step 5 only 3).
        let loc = try LinearTicks.locate(lower: 0, upper: 14)
        XCTAssertEqual(loc.step, 2)
        XCTAssertEqual(loc.minors.prefix(3), [0.5, 1, 1.5])
    }

    func testTinyValuesAreScientific() throws {
        let labels = try LinearTicks.ticks(lower: 0, upper: 1e-6).compactMap(\.label)
        XCTAssertEqual(labels.first, "0")
        XCTAssertTrue(labels.contains("2\u{00D7}10<sup>\u{2212}7</sup>"), "\(labels)")
    }

    /// Over many ranges: 2…maxMajor majors, all inside the range, equally spaced by a
    /// 1-2-5 step, the tick count capped.
    func testInvariantsOverManyRanges() throws {
        for k in 0..<200 {
            let span = pow(10, Double(k % 13) - 6) * (1 + Double(k % 7) * 0.37)
            let lower = sin(Double(k)) * pow(10, Double(k % 5) - 2)
            // Doubles resolve k × step only to ~1e-16 of the values themselves.
            let tolerance = 1e-9 * span + 1e-14 * abs(lower)
            for maxMajor in [3, 5, 8] {
                let loc = try LinearTicks.locate(lower: lower, upper: lower + span, maxMajor: maxMajor)
                XCTAssertGreaterThanOrEqual(loc.majors.count, 2, "[\(lower), \(lower + span)]")
                XCTAssertLessThanOrEqual(loc.majors.count, maxMajor)
                XCTAssertLessThanOrEqual(loc.majors.count + loc.minors.count, TickLimits.maximumTicks)
                for v in loc.majors {
                    XCTAssertGreaterThanOrEqual(v, lower - tolerance)
                    XCTAssertLessThanOrEqual(v, lower + span + tolerance)
                }
                let mantissa = loc.step / pow(10, log10(loc.step).rounded(.down))
                XCTAssertTrue([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 }, "step \(loc.step)")
                for (a, b) in zip(loc.majors, loc.majors.dropFirst()) {
                    XCTAssertEqual(b - a, loc.step, accuracy: 1e-6 * loc.step + 2 * tolerance)
                }
            }
        }
    }

    func testDegenerateRangesAreErrors() {
        XCTAssertThrowsError(try LinearTicks.locate(lower: 1, upper: 1)) { XCTAssertEqual($0 as? TickError, .empty(lower: 1, upper: 1)) }
        XCTAssertThrowsError(try LinearTicks.locate(lower: 2, upper: 1)) { XCTAssertEqual($0 as? TickError, .reversed(lower: 2, upper: 1)) }
        XCTAssertThrowsError(try LinearTicks.locate(lower: 0, upper: .nan)) {
            guard case .nonFinite = $0 as? TickError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try LinearTicks.locate(lower: -.infinity, upper: 0))
    }
}
