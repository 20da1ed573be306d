import XCTest
@testable import Plot

final class CairoLinkTests: XCTestCase {
    /// The system cairo is linked and recent enough for PDF metadata control (≥ 1.16).
    func testCairoIsAtLeast116() {
        let parts = cairoVersion.split(separator: ".").compactMap { Int($0) }
        XCTAssertGreaterThanOrEqual(parts[0] * 100 + parts[1], 116)
    }
}
