import Physics
import XCTest
@testable import Scenario

final class MassGridTests: XCTestCase {
    /// 100 to 300 MeV in 1 MeV steps is 201 points, both ends included, without drift.
    func testGridIncludesBothEndsWithoutDrift() {
        let grid = MassGrid(fromGeV: 0.100, toGeV: 0.300, stepGeV: 0.001)
        XCTAssertEqual(grid.massesGeV.count, 201)
        XCTAssertEqual(grid.massesGeV.last!, 0.300, accuracy: 1e-12)
    }
}
