import Figures
import Foundation
import Plot
import Projection
import References
import Scenario

/// Rendering the 4-variant projection's exclusion figure with 6 published curves to PDF and
/// PNG (150 dpi), as `reach plot` does (target ≤ 0.2 s).
enum PlotBenchmark {
    static let target = 0.2

    static func run(file: ScenarioFile, projection: DocumentProjection, repetitions: Int) throws -> BenchmarkRow {
        let library = try ReferenceLibrary.bundled.get()
        var withSixReferences = file
        withSixReferences.figure.references = ["pienu_2018", "kek_1984", "na62_2020", "triumf_1992", "ps191_1988", "bbn_sabti_2020"].map {
            .bundled(id: $0)
        }
        let figure = ExclusionFigure.make(file: withSixReferences, projection: projection, library: library)
        var bytes = 0
        var failure: Error?
        let clock = WallClock(repetitions: repetitions) {
            do {
                bytes += try FigureRenderer.render(figure, as: .pdf).data.count
                bytes += try FigureRenderer.render(figure, as: .png(dpi: 150)).data.count
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard bytes > 0 else { throw BenchmarkError("the plot benchmark rendered nothing") }
        return BenchmarkRow(quantity: "plot (PDF + PNG 150 dpi), \(projection.curves.count) variants, 6 published curves",
                            measured: formatSeconds(clock.best), target: "≤ 0.2 s", met: clock.best <= target)
    }
}
