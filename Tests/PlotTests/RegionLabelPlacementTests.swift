import XCTest
@testable import Plot

/// Where the label of a filled region goes: hugging its curve on the filled side when a box fits
/// over the curve's x extent; for a region narrower than its label, a box that stands on the
/// filled side over at least half its width rather than no label at all.
final class RegionLabelPlacementTests: XCTestCase {
    /// A flat upper limit at page y = 300 across the whole panel: the box sits just above it.
    func testLabelHugsAWideRegion() throws {
        let curve = [[PagePoint(0, 300), PagePoint(400, 300)]]
        let rect = try XCTUnwrap(Placement.regionLabel(width: 60, height: 12, side: .above, runs: curve,
                                                       area: PageRect(x: 0, y: 0, width: 400, height: 400), inset: 3, gap: 2.5,
                                                       samples: [], obstacles: []))
        XCTAssertEqual(rect.y + rect.height, 300 - 2.5, accuracy: 1e-9, "just above the curve")
    }

    /// A region 40 pt wide with a 60 pt label: no box fits inside its x extent, so the label
    /// reaches beyond it, still above the curve where they overlap.
    func testNarrowRegionStillGetsItsLabel() throws {
        let curve = [[PagePoint(0, 300), PagePoint(40, 250)]]
        let area = PageRect(x: 0, y: 0, width: 400, height: 400)
        let rect = try XCTUnwrap(Placement.regionLabel(width: 60, height: 12, side: .above, runs: curve, area: area,
                                                       inset: 3, gap: 2.5, samples: [], obstacles: []))
        XCTAssertLessThan(rect.x, 40, "over the region")
        XCTAssertGreaterThan(rect.x + rect.width, 40, "and beyond its end")
        XCTAssertLessThanOrEqual(rect.y + rect.height, 250, "above the curve where they overlap")
    }
}

/// A region whose boundary is lined, all along, by a curve the label must not hide: the label
/// moves deeper into the filled side, as close to the boundary as the curve allows, rather
/// than being dropped.
final class RegionLabelOffTheCurveTests: XCTestCase {
    func testLabelMovesPastACurveAlongTheBoundary() throws {
        let boundary = [[PagePoint(0, 300), PagePoint(400, 300)]]
        let alongside = Clipping.samples(along: [PagePoint(0, 290), PagePoint(400, 290)])
        let area = PageRect(x: 0, y: 0, width: 400, height: 400)
        let rect = try XCTUnwrap(Placement.regionLabel(width: 60, height: 12, side: .above, runs: boundary, area: area,
                                                       inset: 3, gap: 2.5, samples: alongside, forbidden: alongside, obstacles: []))
        XCTAssertLessThan(rect.maxY, 290 - 2, "above the curve, clear of it")
        XCTAssertGreaterThan(rect.maxY, 290 - 12, "but still near the boundary")
        XCTAssertTrue(area.insetBy(3).contains(rect), "inside the frame")
    }

    /// Below a lower bound the label moves down, past the curve under the boundary.
    func testLabelMovesDownForARegionBelow() throws {
        let boundary = [[PagePoint(0, 100), PagePoint(400, 100)]]
        let alongside = Clipping.samples(along: [PagePoint(0, 110), PagePoint(400, 110)])
        let area = PageRect(x: 0, y: 0, width: 400, height: 400)
        let rect = try XCTUnwrap(Placement.regionLabel(width: 60, height: 12, side: .below, runs: boundary, area: area,
                                                       inset: 3, gap: 2.5, samples: alongside, forbidden: alongside, obstacles: []))
        XCTAssertGreaterThan(rect.minY, 110 + 2)
        XCTAssertTrue(area.insetBy(3).contains(rect))
    }
}
