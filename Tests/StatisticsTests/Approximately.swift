import XCTest

/// |actual/expected − 1| ≤ relative, with a readable failure message.
func assertRelative(_ actual: Double, _ expected: Double, _ relative: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    let deviation = abs(actual / expected - 1)
    XCTAssert(deviation <= relative, "\(actual) vs \(expected): relative deviation \(deviation) > \(relative) \(message)", file: file, line: line)
}
