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
