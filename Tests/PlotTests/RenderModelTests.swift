import XCTest
@testable import Plot

/// What the render reports having drawn: clipping, skipped points, legend and label
/// placement, margins.
final class RenderModelTests: XCTestCase {
    /// A line whose two points both lie outside the x range but which crosses the plot is
    /// clipped at the frame and drawn, and its pixels are there.
    func testCurveOutsideTheRangeIsClippedNotDropped() throws {
        let figure = Fixtures.linearFigure([Fixtures.line([(-5, 5), (15, 5)], color: Color(rgb: 0xff0000))], legend: .none)
        let rendered = try FigureRenderer.render(figure, as: .png(dpi: 72))
        let item = try XCTUnwrap(rendered.model.items.first)
        XCTAssertEqual(item.pointsInside, 0)
        XCTAssertTrue(item.drawn)
        XCTAssertEqual(item.pieces, 1)
        XCTAssertTrue(rendered.model.warnings.isEmpty, "\(rendered.model.warnings)")

        // At 72 dpi a point is a pixel: sample the line at x = 2 and x = 8, and check
        // nothing red is drawn left of the frame.
        let image = try XCTUnwrap(RasterImage(png: rendered.data))
        let rect = rendered.model.panels[0].plotRect
        for x in [2.0, 8.0] {
            let p = Fixtures.page(x, 5, in: rect)
            let c = try XCTUnwrap(image.color(x: Int(p.x), y: Int(p.y)))
            XCTAssertGreaterThan(c.red, 0.9, "line pixel at data x = \(x)")
            XCTAssertLessThan(c.green, 0.3)
        }
        let outside = try XCTUnwrap(image.color(x: Int(rect.minX) - 8, y: Int(Fixtures.page(0, 5, in: rect).y)))
        XCTAssertFalse(outside.red > 0.9 && outside.green < 0.3, "line leaks left of the frame")
    }

    /// A curve running far beyond the y range (a value of 10³⁰ on a linear axis) keeps the
    /// direction of its visible part.
    func testHugeValuesAreClippedExactly() throws {
        // From (0, 0) towards (10, 1e30): inside the plot this is the line x = 0⁺, nearly
        // vertical; a clamped end point would tilt it.
        let figure = Fixtures.linearFigure([Fixtures.line([(5, 0), (5 + 1e-28, 1e30)], color: Color(rgb: 0xff0000))], legend: .none)
        let rendered = try FigureRenderer.render(figure, as: .png(dpi: 72))
        XCTAssertTrue(rendered.model.items[0].drawn)
        let image = try XCTUnwrap(RasterImage(png: rendered.data))
        let p = Fixtures.page(5, 8, in: rendered.model.panels[0].plotRect)
        XCTAssertGreaterThan(try XCTUnwrap(image.color(x: Int(p.x), y: Int(p.y))).red, 0.9)
    }

    /// All fills are painted before any edge, so the edge of a published limit stays
    /// visible under a second, overlapping grey region.
    func testOverlappingFillsStillShowEachEdge() throws {
        func flat(_ y: Double) -> [DataPoint] { [DataPoint(-1, y), DataPoint(11, y)] }
        let edge = LineStyle(color: Palette.publishedEdge, width: 1.5)
        let figure = Fixtures.linearFigure([
            .region(FilledRegion(boundary: flat(3), side: .above, edge: edge)),
            .region(FilledRegion(boundary: flat(2), side: .above, edge: edge)),
        ], legend: .none)
        let rendered = try FigureRenderer.render(figure, as: .png(dpi: 144))
        let image = try XCTUnwrap(RasterImage(png: rendered.data))
        let scale = 2.0   // pixels per point at 144 dpi
        func pixel(_ x: Double, _ y: Double) throws -> Color {
            let p = Fixtures.page(x, y, in: rendered.model.panels[0].plotRect)
            return try XCTUnwrap(image.color(x: Int(p.x * scale), y: Int(p.y * scale)))
        }
        let edgeOfFirst = try pixel(5, 3), doubleFill = try pixel(5, 6), singleFill = try pixel(5, 2.5)
        XCTAssertLessThan(edgeOfFirst.red, 0.65, "edge at y = 3 hidden by the second fill")
        XCTAssertGreaterThan(doubleFill.red, 0.75)
        XCTAssertLessThan(doubleFill.red, singleFill.red, "overlap is darker than a single fill")
        XCTAssertGreaterThan(try pixel(5, 1).red, 0.99, "below both limits the page is white")
    }

    func testNaNSplitsTheLineWithAWarning() throws {
        let figure = Fixtures.linearFigure([Fixtures.line([(1, 1), (2, 2), (3, .nan), (4, 4), (5, 5)])], legend: .none)
        let model = try FigureRenderer.render(figure, as: .pdf).model
        XCTAssertEqual(model.items[0].pieces, 2)
        XCTAssertEqual(model.items[0].pointsSkipped, 1)
        XCTAssertEqual(model.warnings, [PlotWarning(panel: 0, item: 0, kind: .skippedPoints(count: 1, reason: .nonFinite))])
    }

    func testNonPositiveValuesOnALogAxisAreSkipped() throws {
        let points = [(1.0, 1e-3), (2, 0), (3, -1), (4, 1e-2), (5, .infinity)].map { DataPoint($0.0, $0.1) }
        let figure = Figure(
            xAxis: Axis(.linear, 0, 10),
            panels: [Panel(yAxis: Axis(.log, 1e-4, 1), items: [.line(Line(points: points, color: .black))])])
        let model = try FigureRenderer.render(figure, as: .pdf).model
        XCTAssertEqual(model.items[0].pointsSkipped, 3)
        XCTAssertEqual(model.warnings, [
            PlotWarning(panel: 0, item: 0, kind: .skippedPoints(count: 1, reason: .nonFinite)),
            PlotWarning(panel: 0, item: 0, kind: .skippedPoints(count: 2, reason: .nonPositiveOnLogAxis)),
            PlotWarning(panel: 0, item: 0, kind: .notVisible),
        ])
        // Two isolated valid points: nothing to stroke, so the line is reported not drawn.
        XCTAssertFalse(model.items[0].drawn)
    }

    /// With a diagonal from bottom-left to top-right the preferred top-right corner is
    /// taken, so the legend goes top-left and covers no part of the curve.
    func testAutomaticLegendAvoidsTheCurve() throws {
        let diagonal = Fixtures.line((0...20).map { (Double($0) / 2, Double($0) / 2) }, label: "diagonal")
        let model = try FigureRenderer.render(Fixtures.linearFigure([diagonal]), as: .pdf).model
        let legend = try XCTUnwrap(model.legend)
        XCTAssertEqual(legend.corner, .topLeft)
        XCTAssertEqual(legend.coveredSamples, 0)
        let rect = model.panels[0].plotRect
        for k in 0...200 {
            let t = Double(k) / 20
            XCTAssertFalse(legend.rect.contains(Fixtures.page(t, t, in: rect)), "legend covers the diagonal at \(t)")
        }
        // A fixed corner is honoured even if it covers the curve.
        let fixed = try FigureRenderer.render(Fixtures.linearFigure([diagonal], legend: .corner(.topRight)), as: .pdf).model
        XCTAssertEqual(fixed.legend?.corner, .topRight)
        XCTAssertGreaterThan(fixed.legend?.coveredSamples ?? 0, 0)
        XCTAssertTrue(fixed.warnings.contains { if case .legendCoversData = $0.kind { return true } else { return false } })
    }

    /// No text box leaves the page, and tick labels, axis labels, legend and experiment
    /// label never overlap each other.
    func testTextNeverOverlapsOrLeavesThePage() throws {
        for figure in [PlotDemo.figure(), PlotDemo.benchmarkFigure(), Fixtures.linearFigure([Fixtures.line([(0, 0), (10, 10)], label: "a")])] {
            let model = try FigureRenderer.render(figure, as: .pdf).model
            let page = PageRect(x: 0, y: 0, width: model.widthPt, height: model.heightPt)
            var boxes = model.xTicks.compactMap(\.labelRect) + model.panels.flatMap { $0.yTicks.compactMap(\.labelRect) }
            boxes += model.panels.compactMap(\.yLabelRect)
            boxes += [model.legend?.rect, model.experimentLabel, model.title].compactMap { $0 }
            boxes += model.items.compactMap(\.labelRect)
            for (i, a) in boxes.enumerated() {
                XCTAssertTrue(page.contains(a), "\(a) leaves the page")
                for b in boxes[(i + 1)...] { XCTAssertFalse(a.intersects(b), "\(a) overlaps \(b)") }
            }
            // Legend and experiment label stay inside their panel.
            if let legend = model.legend { XCTAssertTrue(model.panels[legend.panel].plotRect.contains(legend.rect)) }
        }
    }

    func testStackedPanelsShareTheXAxis() throws {
        let model = try FigureRenderer.render(PlotDemo.figure(), as: .pdf).model
        XCTAssertEqual(model.panels.count, 2)
        let (top, bottom) = (model.panels[0].plotRect, model.panels[1].plotRect)
        XCTAssertEqual(top.minX, bottom.minX)
        XCTAssertEqual(top.width, bottom.width)
        XCTAssertEqual(top.maxY, bottom.minY, accuracy: 1e-9, "no gap between panels")
        XCTAssertEqual(top.height / bottom.height, 3, accuracy: 1e-9, "relative heights 3 : 1")
        // Log y labels on the main panel are powers of ten with U+2212; the ratio panel is linear.
        XCTAssertTrue(model.panels[0].yTickLabels.allSatisfy { $0.hasPrefix("10<sup>\u{2212}") })
        XCTAssertGreaterThanOrEqual(model.panels[1].yTickLabels.count, 2)
        XCTAssertEqual(model.xTickLabels, ["0", "100", "200", "300", "400"])
    }

    /// A region label goes inside the excluded side of its curve: for "excluded above"
    /// the box lies above the curve along its whole width.
    func testRegionLabelSitsInsideTheRegion() throws {
        // y = 2 + (x − 5)²/5 on 0…10, excluded above.
        let xs = stride(from: 0.0, through: 10, by: 0.25)
        let curve = xs.map { DataPoint($0, 2 + ($0 - 5) * ($0 - 5) / 5) }
        let figure = Fixtures.linearFigure([.region(FilledRegion(boundary: curve, label: "Excluded"))], legend: .none)
        let model = try FigureRenderer.render(figure, as: .pdf).model
        let box = try XCTUnwrap(model.items[0].labelRect)
        let rect = model.panels[0].plotRect
        XCTAssertTrue(rect.contains(box))
        for k in 0...10 {
            let xPage = box.minX + box.width * Double(k) / 10
            let x = (xPage - rect.minX) / rect.width * 10
            let curveY = Fixtures.page(x, 2 + (x - 5) * (x - 5) / 5, in: rect).y
            XCTAssertLessThan(box.maxY, curveY, "label below the curve at x = \(x)")
        }
        // And close to it: within 20 pt at its lowest point.
        let lowest = Fixtures.page(5, 2, in: rect).y
        XCTAssertLessThan(lowest - box.maxY, 20)
    }

    func testExperimentLabelGoesInsideTheChosenCorner() throws {
        var figure = Fixtures.linearFigure([])
        figure.experimentLabel = CornerLabel("<b>NA62</b> projection", corner: .topLeft)
        let model = try FigureRenderer.render(figure, as: .pdf).model
        let label = try XCTUnwrap(model.experimentLabel)
        let rect = model.panels[0].plotRect
        XCTAssertTrue(rect.contains(label))
        XCTAssertLessThan(label.minX - rect.minX, 20)
        XCTAssertLessThan(label.minY - rect.minY, 20)
    }
}
