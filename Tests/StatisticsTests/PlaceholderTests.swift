import XCTest
@testable import Statistics

final class StatisticsModuleTests: XCTestCase {
    func testModuleLinks() { XCTAssertNotNil(StatisticsModule.self) }
}
