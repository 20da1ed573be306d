import XCTest
@testable import Physics

final class BranchingTableTests: XCTestCase {
    private func grid(_ from: Double, _ to: Double, _ step: Double) -> Result<[Double], BranchingTable.GridError> {
        BranchingTable.massGridGeV(fromGeV: from, toGeV: to, stepGeV: step)
    }

    /// 0 … 360 MeV in 5 MeV steps: 73 points, both ends included, no accumulated rounding.
    func testGridIncludesBothEnds() throws {
        let masses = try grid(0, 0.36, 0.005).get()
        XCTAssertEqual(masses.count, 73)
        XCTAssertEqual(masses.first, 0)
        XCTAssertEqual(masses.last ?? .nan, 0.36, accuracy: 1e-15)
        XCTAssertEqual(masses[27], 27 * 0.005)
        // 0.3 / 0.1 is 2.9999999999999996 in binary: the end must still be included.
        XCTAssertEqual(try grid(0, 0.0003, 0.0001).get().count, 4)
        XCTAssertEqual(try grid(0.1, 0.1, 0.005).get(), [0.1])
    }

    func testBadGridsAreRejectedWithTheirValues() {
        XCTAssertEqual(grid(-0.005, 0.1, 0.005).failure, .negativeMass(GeV: -0.005))
        XCTAssertEqual(grid(0, -0.1, 0.005).failure, .negativeMass(GeV: -0.1))
        XCTAssertEqual(grid(0, 0.1, 0).failure, .nonPositiveStep(GeV: 0))
        XCTAssertEqual(grid(0, 0.1, -0.001).failure, .nonPositiveStep(GeV: -0.001))
        XCTAssertEqual(grid(0.2, 0.1, 0.005).failure, .reversedRange(fromGeV: 0.2, toGeV: 0.1))
        XCTAssertEqual(grid(0, 1, 1e-6).failure, .tooManyPoints(count: 1_000_001, limit: 100_000))
        XCTAssertEqual(try grid(0, 99_999e-6, 1e-6).get().count, 100_000)
        XCTAssertEqual(grid(0, 100_000e-6, 1e-6).failure, .tooManyPoints(count: 100_001, limit: 100_000))
    }

    func testErrorMessagesSayWhatWasExpected() {
        XCTAssertTrue(BranchingTable.GridError.nonPositiveStep(GeV: 0).description.contains("expected a step > 0"))
        XCTAssertTrue(BranchingTable.GridError.tooManyPoints(count: 1e6, limit: 100_000).description.contains("1000000 points"))
    }

    /// Rows carry the channel's own values; beyond the endpoint they are zero.
    func testRowsAreTheChannelValues() throws {
        let masses = try grid(0, 0.4, 0.05).get()
        let table = BranchingTable(channel: .kaonToPi0ElectronN, massesGeV: masses)
        XCTAssertEqual(table.rows.map(\.massGeV), masses)
        for row in table.rows {
            XCTAssertEqual(row.branchingFractionPerU2, Channel.kaonToPi0ElectronN.branchingFractionPerU2(massGeV: row.massGeV))
        }
        XCTAssertEqual(table.rows.first?.branchingFractionPerU2 ?? .nan, 0.0507, accuracy: 1e-12)
        XCTAssertEqual(table.rows.last?.branchingFractionPerU2, 0)
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}
