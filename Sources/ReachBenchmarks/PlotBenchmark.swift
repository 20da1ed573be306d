/// Rendering the projection's figure to PDF and PNG (target ≤ 0.2 s).
enum PlotBenchmark {
    // PLOT: not yet measured. The figure layer (Plot: Figure, Renderer) is being merged; once it
    // is, time the `reach plot` path on `ProjectionBenchmark`'s projection (PDF + PNG) here.
    static func run() -> BenchmarkRow {
        .notMeasured("plot (PDF + PNG) of the 4-variant projection", target: "≤ 0.2 s",
                     reason: "plot: not yet measured")
    }
}
