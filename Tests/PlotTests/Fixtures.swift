import Foundation
@testable import Plot

/// Small figures for the rendering tests.
enum Fixtures {
    /// Linear 0…10 on both axes with one line; 6.5 × 4.5 in.
    static func linearFigure(_ items: [PlotItem], legend: LegendPlacement = .automatic) -> Figure {
        Figure(
            xAxis: Axis(.linear, 0, 10, label: "<i>x</i>"),
            panels: [Panel(yAxis: Axis(.linear, 0, 10, label: "<i>y</i>"), items: items)],
            legend: Legend(placement: legend))
    }

    static func line(_ points: [(Double, Double)], color: Color = Palette.cycle(2), width: Double = 3, label: String? = nil) -> PlotItem {
        .line(Line(points: points.map { DataPoint($0.0, $0.1) }, color: color, width: width, legendLabel: label))
    }

    /// Page position of data (x, y) in a plot rectangle with the figure's linear 0…10 axes.
    static func page(_ x: Double, _ y: Double, in rect: PageRect) -> PagePoint {
        PagePoint(rect.minX + x / 10 * rect.width, rect.maxY - y / 10 * rect.height)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("plot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
