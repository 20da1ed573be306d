import XCTest
@testable import Projection

final class ProjectionModuleTests: XCTestCase {
    func testModuleLinks() { XCTAssertNotNil(ProjectionModule.self) }
}
