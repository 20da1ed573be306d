import Foundation
@testable import Plot

/// A demonstration figure with every kind of item, built from made-up smooth curves
/// (no physics): two grey "published" upper limits with in-plot labels, a hatched lower
/// bound, projections as coloured lines around a green/yellow expected band, a legend, an
/// experiment label and a ratio panel. Used to look at the output and to time rendering.
enum PlotDemo {
    /// - Parameters:
    ///   - variants: number of coloured projection lines (Petroff colours, alternating dash).
    ///   - references: number of grey published regions (the first two get in-plot labels).
    ///   - samples: points per curve.
    static func figure(variants: Int = 3, references: Int = 2, samples: Int = 200) -> Figure {
        let masses = (0..<samples).map { 10 + 384 * Double($0) / Double(max(samples - 1, 1)) }
        let median = masses.map { projection($0, scale: 0.5, tilt: 0) }

        var main = Panel(yAxis: Axis(.log, 1e-11, 1e-5, label: "|<i>U</i><sub><i>e</i></sub>|<sup>2</sup> (90 % CL)"), relativeHeight: 3)
        var ratio = Panel(yAxis: Axis(.linear, 0, 2, label: "ratio"), relativeHeight: 1)
        addPublished(references, masses: masses, to: &main)
        addExpected(median, masses: masses, main: &main, ratio: &ratio)
        addVariants(variants, masses: masses, median: median, main: &main, ratio: &ratio)
        return Figure(
            xAxis: Axis(.linear, 0, 400, label: "<i>m</i><sub>N</sub> [MeV]"),
            panels: [main, ratio],
            experimentLabel: CornerLabel("<b>Demo</b> projection"),
            legend: Legend(placement: .automatic)
        )
    }

    /// A smooth "sensitivity" shape: best in the middle, worse towards a kinematic end
    /// at 395 (diverging there, so it leaves the plot at the top and is clipped).
    private static func projection(_ m: Double, scale: Double, tilt: Double) -> Double {
        let end = 395.0
        guard m < end else { return .nan }
        return scale * 1e-9 * (1 + pow((m - 200) / 170, 4)) * (1 + tilt * sin(m / 60))
            / (1 - pow(m / end, 6))
    }

    /// Published limits, grey and excluded above (the first two labelled in the plot), and a
    /// hatched lower bound excluded below: every kind of region and label placement.
    private static func addPublished(_ references: Int, masses: [Double], to main: inout Panel) {
        for r in 0..<references {
            let centre = 90 + 320 * Double(r) / Double(max(references - 1, 1))
            let width = 70 + 15 * Double(r % 3)
            let level = 3e-9 * pow(3, Double(r % 4))
            let boundary = masses.filter { abs($0 - centre) < 2.2 * width }.map {
                DataPoint($0, level * (1 + pow(($0 - centre) / width, 4)))
            }
            main.add(.region(FilledRegion(
                boundary: boundary, side: .above,
                label: r < 2 ? "Published \(["A", "B"][r])" : nil,
                legendLabel: r == 0 ? "Published limits" : nil)))
        }
        main.add(.region(FilledRegion(
            boundary: masses.map { DataPoint($0, 4e-10 * pow(60 / $0, 2.5)) }, side: .below,
            fill: Palette.publishedFill.withAlpha(0.35), hatch: Hatch(), label: "Lower bound",
            legendLabel: "Lower bound")))
    }

    /// Expected ±1σ/±2σ bands and median in the main panel, the reference line and a band in
    /// the ratio panel.
    private static func addExpected(_ median: [Double], masses: [Double], main: inout Panel, ratio: inout Panel) {
        main.add(.band(Band(x: masses, lower: median.map { $0 * 0.45 }, upper: median.map { $0 * 2.3 },
                            fill: Palette.band2Sigma, legendLabel: "Expected ±2<i>σ</i>")))
        main.add(.band(Band(x: masses, lower: median.map { $0 * 0.68 }, upper: median.map { $0 * 1.5 },
                            fill: Palette.band1Sigma, legendLabel: "Expected ±1<i>σ</i>")))
        main.add(.line(Line(points: zip(masses, median).map { DataPoint($0, $1) }, color: .black, width: 1.2,
                            dash: .dashed, legendLabel: "Expected median")))
        ratio.add(.reference(ReferenceLine(y: 1)))
        ratio.add(.band(Band(x: masses, lower: masses.map { _ in 0.68 }, upper: masses.map { _ in 1.5 }, fill: Palette.band1Sigma)))
    }

    /// Projection variants as coloured lines, and each over the median in the ratio panel.
    private static func addVariants(_ variants: Int, masses: [Double], median: [Double], main: inout Panel, ratio: inout Panel) {
        for v in 0..<variants {
            let scale = 0.5 * pow(0.6, Double(v + 1) - 1) * (v == 0 ? 1.6 : 1)
            let tilt = 0.25 * Double(v % 3) - 0.2
            let ys = masses.map { projection($0, scale: scale, tilt: tilt) }
            let dash: LineDash = v % 2 == 0 ? .solid : .dashDot
            main.add(.line(Line(points: zip(masses, ys).map { DataPoint($0, $1) }, color: Palette.projectionCycle(v), width: 1.6,
                                dash: dash, legendLabel: "Variant \(v + 1)")))
            ratio.add(.line(Line(points: zip(masses, zip(ys, median)).map { DataPoint($0, $1.0 / $1.1) },
                                 color: Palette.projectionCycle(v), width: 1.4, dash: dash)))
        }
    }

    /// The figure the benchmark renders: 4 projection variants and 6 reference curves.
    static func benchmarkFigure() -> Figure { figure(variants: 4, references: 6) }
}
