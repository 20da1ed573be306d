import XCTest
@testable import Plot

/// Labels longer than their panel: a y label on a short lower panel and a corner label wider
/// than the frame stay within their panel, with all their text.
final class TextFitTests: XCTestCase {
    private func twoPanels(lowerLabel: String, corner: String? = nil) -> Figure {
        Figure(
            xAxis: Axis(.linear, 0, 10, label: "<i>x</i>"),
            panels: [Panel(yAxis: Axis(.linear, 0, 10, label: "<i>y</i>"),
                           items: [Fixtures.line([(0, 1), (10, 2)])], relativeHeight: 3),
                     Panel(yAxis: Axis(.log, 0.01, 2, label: lowerLabel),
                           items: [Fixtures.line([(0, 1), (10, 1)])], relativeHeight: 1)],
            experimentLabel: corner.map { CornerLabel($0) }, legend: Legend(placement: .none))
    }

    func testLongYLabelStaysAlongItsPanel() throws {
        let label = "ratio to NA62 2016–2024"
        let model = try FigureRenderer.render(twoPanels(lowerLabel: label), as: .svg).model
        let panel = model.panels[1]
        let box = try XCTUnwrap(panel.yLabelRect)
        XCTAssertGreaterThanOrEqual(box.minY, panel.plotRect.minY - 1e-6, "not above the panel")
        XCTAssertLessThanOrEqual(box.maxY, panel.plotRect.maxY + 1e-6, "not below the panel")
        XCTAssertLessThan(box.maxX, panel.plotRect.minX, "left of the frame")
        let upper = try XCTUnwrap(model.panels[0].yLabelRect)
        XCTAssertFalse(upper.intersects(box), "clear of the upper panel's label")
        let tooLong = model.warnings.filter { warning in
            if case .textDoesNotFit = warning.kind { return true } else { return false }
        }
        XCTAssertTrue(tooLong.isEmpty, "\(tooLong)")
    }

    func testWideCornerLabelStaysInsideTheFrame() throws {
        let corner = "<i>m</i><sub><i>N</i></sub> = 135 MeV, 2016–2018 data: a corner label much wider than the frame of its panel"
        let model = try FigureRenderer.render(twoPanels(lowerLabel: "ratio", corner: corner), as: .svg).model
        XCTAssertTrue(model.panels[0].plotRect.contains(try XCTUnwrap(model.experimentLabel)))
    }

    /// A space inside a tag is not a place to break the line.
    func testBreaksOnlyBetweenWords() {
        let settings = TextFit.twoLineSettings("<span foreground=\"red\">ratio to</span> NA62")
        XCTAssertEqual(settings, ["<span foreground=\"red\">ratio\nto</span> NA62", "<span foreground=\"red\">ratio to</span>\nNA62"])
        XCTAssertTrue(TextFit.twoLineSettings("two\nlines already").isEmpty)
    }
}
