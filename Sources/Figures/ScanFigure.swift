import Foundation
import Physics
import Plot
import Projection

/// "What is a better veto worth": the |U|² reached at one mass against one scenario parameter,
/// for the three statistics (median exclusion solid, detection dashed, CLs median dash-dot with
/// its ±1σ/±2σ band).
public enum ScanFigure {
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
                                 width: 1.8, dash: statistic.2, legendLabel: statistic.0)))
        }
        let unit = scan.points.first?.unit ?? ""
        let xLower = x.min() ?? 0, xUpper = x.max() ?? 1
        let pad = xUpper > xLower ? 0 : 1
        let name = scan.parameter.path.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let mass = scan.channel.hasMass
            ? "<i>m</i><sub><i>\(scan.channel.isContinuum ? "X" : "N")</i></sub> = \(String(format: "%g", scan.massGeV * 1000)) MeV, " : ""
        let label = mass + ExclusionFigure.escape(scan.variant)
        return Figure(xAxis: Axis(.linear, xLower - Double(pad), xUpper + Double(pad), label: unit.isEmpty ? name : "\(name) [\(unit)]"),
                      panels: [panel], experimentLabel: CornerLabel(label), legend: Legend(placement: .automatic))
    }
}
