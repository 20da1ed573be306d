import XCTest
@testable import Plot

/// Bad figure descriptions give errors that name the place and the value.
final class FigureValidationTests: XCTestCase {
    func testReversedAxisNamesThePanel() {
        var figure = PlotDemo.figure()
        figure.panels[1].yAxis = Axis(.linear, 2, 0)
        XCTAssertThrowsError(try FigureRenderer.render(figure, as: .pdf)) {
            XCTAssertEqual($0 as? PlotError, .invalidAxis(path: "panels[1].yAxis", .reversed(lower: 2, upper: 0)))
            XCTAssertTrue("\($0)".contains("panels[1].yAxis"))
        }
    }

    func testLogAxisThroughZeroIsAnError() {
        var figure = PlotDemo.figure()
        figure.panels[0].yAxis = Axis(.log, 0, 1e-5)
        XCTAssertThrowsError(try figure.validate()) {
            XCTAssertEqual($0 as? PlotError, .invalidAxis(path: "panels[0].yAxis", .nonPositiveOnLogAxis(lower: 0, upper: 1e-5)))
        }
    }

    func testInvalidMarkupIsReportedWithItsPath() {
        let figure = Fixtures.linearFigure([Fixtures.line([(0, 0), (1, 1)], label: "<i>unclosed")])
        XCTAssertThrowsError(try figure.validate()) {
            guard case let .invalidMarkup(path, markup, _) = $0 as? PlotError else { return XCTFail("\($0)") }
            XCTAssertEqual(path, "panels[0].items[0].legendLabel")
            XCTAssertEqual(markup, "<i>unclosed")
        }
    }

    func testBandWithMismatchedArrays() {
        let band = Band(x: [1, 2, 3], lower: [1, 1], upper: [2, 2, 2], fill: Palette.band1Sigma)
        XCTAssertThrowsError(try Fixtures.linearFigure([.band(band)]).validate()) {
            XCTAssertEqual($0 as? PlotError, .mismatchedBand(path: "panels[0].items[0]", x: 3, lower: 2, upper: 3))
        }
    }

    func testOtherDegenerateFigures() {
        var figure = Fixtures.linearFigure([])
        figure.widthPt = 0
        XCTAssertThrowsError(try figure.validate()) { XCTAssertEqual($0 as? PlotError, .invalidSize(widthPt: 0, heightPt: 324)) }
        figure = Fixtures.linearFigure([])
        figure.panels = []
        XCTAssertThrowsError(try figure.validate()) { XCTAssertEqual($0 as? PlotError, .noPanels) }
        figure = Fixtures.linearFigure([])
        figure.legend.panel = 3
        XCTAssertThrowsError(try figure.validate()) {
            XCTAssertEqual($0 as? PlotError, .invalidPanelIndex(path: "legend.panel", index: 3, panelCount: 1))
        }
        figure = Fixtures.linearFigure([])
        figure.xAxis = Axis(.linear, 1, 1)
        XCTAssertThrowsError(try figure.validate()) { XCTAssertEqual($0 as? PlotError, .invalidAxis(path: "xAxis", .empty(lower: 1, upper: 1))) }
    }

    func testEmptyPanelStillRenders() throws {
        let model = try FigureRenderer.render(Fixtures.linearFigure([]), as: .png(dpi: 50)).model
        XCTAssertNil(model.legend)
        XCTAssertFalse(model.xTickLabels.isEmpty)
    }
}
