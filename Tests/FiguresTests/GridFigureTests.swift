import XCTest
import Plot
@testable import Figures

/// The contours of the grid figure: on a plane z = x + y, every marching-squares segment lies
/// on the line x + y = level; cell edges sit halfway between values (geometrically on log).
final class GridFigureTests: XCTestCase {
    func testContoursOfAPlaneLieOnItsLevelLine() {
        let x = [0.0, 1, 2, 3], y = [0.0, 1, 2]
        let z = y.map { yv in x.map { $0 + yv } }
        let segments = GridFigure.contour(z, x: x, y: y, level: 2.5, log: (false, false))
        XCTAssertFalse(segments.isEmpty)
        for (a, b) in segments {
            XCTAssertEqual(a.x + a.y, 2.5, accuracy: 1e-12)
            XCTAssertEqual(b.x + b.y, 2.5, accuracy: 1e-12)
        }
        XCTAssertTrue(GridFigure.contour(z, x: x, y: y, level: 10, log: (false, false)).isEmpty, "no crossing above the maximum")
    }

    func testCellEdgesAreHalfwayBetweenValues() {
        XCTAssertEqual(GridFigure.edges([1, 2, 4], log: false), [0.5, 1.5, 3, 5])
        let log = GridFigure.edges([1, 100, 10_000], log: true)
        for (value, expected) in zip(log, [0.1, 10, 1000, 100_000]) { XCTAssertEqual(value / expected, 1, accuracy: 1e-12) }
    }
}
