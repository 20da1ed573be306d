import XCTest
@testable import Plot

/// Clipping, SVG id renumbering and colours: the small pure pieces.
final class GeometryTests: XCTestCase {
    let box = PageRect(x: 0, y: 0, width: 10, height: 10)

    func testSegmentCrossingTheBoxIsCutAtItsEdges() throws {
        let (a, b) = try XCTUnwrap(Clipping.clipSegment(PagePoint(-5, 5), PagePoint(15, 5), to: box))
        XCTAssertEqual(a, PagePoint(0, 5))
        XCTAssertEqual(b, PagePoint(10, 5))
        XCTAssertNil(Clipping.clipSegment(PagePoint(-5, -5), PagePoint(-1, 20), to: box))
    }

    func testPolylineLeavingAndReenteringGivesTwoPieces() {
        let pieces = Clipping.clipPolyline([PagePoint(1, 1), PagePoint(5, -5), PagePoint(9, 1)], to: box)
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(pieces[0].last?.y, 0)
        XCTAssertEqual(pieces[1].first?.y, 0)
    }

    func testPolygonClipKeepsTheArea() {
        // A 20 × 4 strip centred on the box: 10 × 4 remains (shoelace area).
        let strip = [PagePoint(-5, 3), PagePoint(15, 3), PagePoint(15, 7), PagePoint(-5, 7)]
        let cut = Clipping.clipPolygon(strip, to: box)
        var area = 0.0
        for i in cut.indices {
            let p = cut[i], q = cut[(i + 1) % cut.count]
            area += p.x * q.y - q.x * p.y
        }
        XCTAssertEqual(abs(area) / 2, 40, accuracy: 1e-9)
        XCTAssertTrue(Clipping.clipPolygon([PagePoint(20, 20), PagePoint(30, 20), PagePoint(25, 30)], to: box).isEmpty)
    }

    func testSVGIdsAreRenumberedInOrderOfAppearance() {
        let svg = ##"<svg><g id="surface42"><use xlink:href="#glyph3-1" x="1"/><path clip-path="url(#clip7)"/></g><symbol id="glyph3-1"/><clipPath id="clip7"/><a href="#surface42"/></svg>"##
        let out = SVGNormalizer.renumberIDs(svg)
        XCTAssertEqual(out, ##"<svg><g id="surface1"><use xlink:href="#glyph1" x="1"/><path clip-path="url(#clip1)"/></g><symbol id="glyph1"/><clipPath id="clip1"/><a href="#surface1"/></svg>"##)
    }

    func testPaletteIsPetroff10() {
        XCTAssertEqual(Palette.petroff10.count, 10)
        XCTAssertEqual(Palette.petroff10[0], Color(hex: "#3f90da"))
        XCTAssertEqual(Palette.petroff10[9], Color(hex: "92dadd"))
        XCTAssertEqual(Palette.cycle(10), Palette.cycle(0))
        XCTAssertFalse(Palette.projectionColors.contains(Color(hex: "#94a4a2")!))
        XCTAssertNil(Color(hex: "#12345"))
        XCTAssertNil(Color(hex: "zzzzzz"))
    }
}
