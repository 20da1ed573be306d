import Foundation
import Physics
import Plot
import Projection

/// "What is a better veto worth": the |U|² reached at one mass against one scenario parameter,
/// for the three statistics (median exclusion solid, detection dashed, CLs median dash-dot with
/// its ±1σ/±2σ band). The x axis names the quantity (`ScanAxisLabel`), is logarithmic when
/// the scanned values span more than a decade, and each curve has a marker at every scanned
/// value — between them the curve is only joined up.
public enum ScanFigure {
    /// Values spanning more than this factor (all positive) get a log axis.
    static let logSpan = 10.0

    public static func make(_ scan: ParameterScan) -> Figure {
        let x = scan.points.map(\.value)
        let statistics: [(String, (SensitivityPoint) -> Double, LineDash)] = [
            ("median exclusion", { $0.u2MedianExclusion }, .solid),
            (ExclusionFigure.describe(.detection, confidence: scan.confidence), { $0.u2Detection }, .dashed),
            ("CLs expected median", { $0.u2CLs.median }, .dashDot),
        ]
        let values = scan.points.flatMap { p in [p.sensitivity.u2CLs.minus2, p.sensitivity.u2CLs.plus2, p.sensitivity.u2Detection] }
            .filter { $0.isFinite && $0 > 0 }
        let lower = pow(10, (log10(values.min() ?? 1e-9) - 0.3).rounded(.down))
        let upper = pow(10, (log10(values.max() ?? 1e-6) + 0.3).rounded(.up))
        var panel = Panel(yAxis: Axis(.log, lower, max(upper, lower * 10),
                                      label: "\(ExclusionFigure.parameterMarkup(scan.channel)) (\(ExclusionFigure.percent(scan.confidence)) % CL)"))
        panel.add(.band(Band(x: x, lower: scan.points.map(\.sensitivity.u2CLs.minus2), upper: scan.points.map(\.sensitivity.u2CLs.plus2),
                             fill: Palette.band2Sigma, legendLabel: "CLs expected ±2<i>σ</i>")))
        panel.add(.band(Band(x: x, lower: scan.points.map(\.sensitivity.u2CLs.minus1), upper: scan.points.map(\.sensitivity.u2CLs.plus1),
                             fill: Palette.band1Sigma, legendLabel: "CLs expected ±1<i>σ</i>")))
        for (index, statistic) in statistics.enumerated() {
            panel.add(.line(Line(points: scan.points.map { DataPoint($0.value, statistic.1($0.sensitivity)) },
                                 color: index == 2 ? Color(rgb: 0x000000) : Palette.projectionCycle(index == 0 ? 0 : 2),
                                 width: 1.8, dash: statistic.2, marker: Marker(diameterPt: 4), legendLabel: statistic.0)))
        }
        let mass = scan.channel.hasMass
            ? "<i>m</i><sub><i>\(scan.channel.isContinuum ? "X" : "N")</i></sub> = \(String(format: "%g", scan.massGeV * 1000)) MeV, " : ""
        let label = mass + LabelMarkup.markup(scan.variant)
        return Figure(xAxis: valueAxis(x, label: ScanAxisLabel.markup(path: scan.parameter.path, unit: scan.points.first?.unit ?? "")),
                      panels: [panel], experimentLabel: CornerLabel(label), legend: Legend(placement: .automatic))
    }

    /// The axis of the scanned values: log when they are positive and span more than
    /// `logSpan` (a twentieth of their log range of room at either end), linear otherwise; a
    /// single value gets ±1 around it.
    static func valueAxis(_ x: [Double], label: String) -> Axis {
        let xLower = x.min() ?? 0, xUpper = x.max() ?? 1
        if xLower > 0, xUpper / xLower > logSpan {
            let pad = pow(xUpper / xLower, 0.05)
            return Axis(.log, xLower / pad, xUpper * pad, label: label, plainDecades: -3...4)
        }
        if xUpper > xLower {
            let pad = 0.04 * (xUpper - xLower)
            return Axis(.linear, xLower - pad, xUpper + pad, label: label)
        }
        return Axis(.linear, xLower - 1, xUpper + 1, label: label)
    }
}
