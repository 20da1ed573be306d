import Foundation
import Physics
import Plot
import Projection
import Statistics

/// The m0² optimisation of one continuum hypothesis (seed 000 Fig. 7 left): above, against the
/// cut m²_miss > m0², the background N_exp, its uncertainty δN_exp and the CLs expected upper
/// limit on the signal events N_S with its ±1σ/±2σ bands; below, on the same m0² axis, the
/// expected limit on ℬ these give for the hypothesis, whose minimum the optimiser keeps. The
/// m0² the projection uses is marked in both panels.
public enum CutFigure {
    public static func make(_ profile: CutProfile, channel: Channel) -> Figure {
        let x = profile.rows.map(\.cutGeV2)
        let cl = ExclusionFigure.percent(profile.confidence)
        let events = profile.rows.flatMap { [$0.background, $0.backgroundUncertainty, $0.eventLimits.minus2, $0.eventLimits.plus2] }
        var top = Panel(yAxis: Axis(.log, 0, 0, label: "events"), relativeHeight: 1.1)
        top.yAxis = logRange(events, label: "events")
        addBands(x: x, limits: profile.rows.map(\.eventLimits), to: &top)
        top.add(.line(Line(points: profile.rows.map { DataPoint($0.cutGeV2, $0.background) }, color: Palette.projectionCycle(0), width: 1.8,
                           legendLabel: "background <i>N</i><sub>exp</sub> above <i>m</i><sub>0</sub><sup>2</sup>")))
        top.add(.line(Line(points: profile.rows.map { DataPoint($0.cutGeV2, $0.backgroundUncertainty) }, color: Palette.projectionCycle(2),
                           width: 1.8, dash: .dashed, legendLabel: "its uncertainty <i>δN</i><sub>exp</sub>")))
        top.add(.line(Line(points: profile.rows.map { DataPoint($0.cutGeV2, $0.eventLimits.median) }, color: Color(rgb: 0x000000), width: 1.8,
                           dash: .dashDot, legendLabel: "CLs expected upper limit (\(cl) % CL): <i>N</i><sub>S</sub> above, ℬ below")))
        let branching = profile.rows.flatMap { [$0.branchingLimits.minus2, $0.branchingLimits.plus2] }
        var bottom = Panel(yAxis: logRange(branching, label: "\(ExclusionFigure.parameterMarkup(channel))"))
        addBands(x: x, limits: profile.rows.map(\.branchingLimits), to: &bottom)
        bottom.add(.line(Line(points: profile.rows.map { DataPoint($0.cutGeV2, $0.branchingLimits.median) }, color: Color(rgb: 0x000000),
                              width: 1.8, dash: .dashDot, legendLabel: "CLs expected upper limit (\(cl) % CL): <i>N</i><sub>S</sub> above, ℬ below")))
        let chosen = "<i>m</i><sub>0</sub><sup>2</sup> of the projection, \(String(format: "%g", profile.chosenCutGeV2)) GeV<sup>2</sup>"
        for index in [0, 1] {
            var panel = index == 0 ? top : bottom
            panel.add(.line(Line(points: [DataPoint(profile.chosenCutGeV2, panel.yAxis.lower), DataPoint(profile.chosenCutGeV2, panel.yAxis.upper)],
                                 color: Color(rgb: 0x555555), width: 1.2, dash: .dotted, legendLabel: chosen)))
            if index == 0 { top = panel } else { bottom = panel }
        }
        let step = x.count > 1 ? x[1] - x[0] : 0.02
        let mass = channel.hasMass ? "<i>m</i><sub><i>X</i></sub> = \(String(format: "%g", profile.massGeV * 1000)) MeV, " : ""
        return Figure(heightPt: 5.5 * 72,
                      xAxis: Axis(.linear, 0, (x.last ?? 0) + step, label: "<i>m</i><sub>0</sub><sup>2</sup> [GeV<sup>2</sup>]"),
                      panels: [top, bottom],
                      experimentLabel: CornerLabel(mass + ExclusionFigure.escape(profile.variant), corner: .bottomLeft, panel: 0),
                      legend: Legend(placement: .automatic, panel: 0))
    }

    /// The ±2σ and ±1σ bands of the CLs expected limits.
    static func addBands(x: [Double], limits: [ExpectedLimits], to panel: inout Panel) {
        panel.add(.band(Band(x: x, lower: limits.map(\.minus2), upper: limits.map(\.plus2), fill: Palette.band2Sigma,
                             legendLabel: "CLs expected ±2<i>σ</i>")))
        panel.add(.band(Band(x: x, lower: limits.map(\.minus1), upper: limits.map(\.plus1), fill: Palette.band1Sigma,
                             legendLabel: "CLs expected ±1<i>σ</i>")))
    }

    /// A log axis spanning the finite positive `values`, in whole decades with room above for the legend.
    static func logRange(_ values: [Double], label: String) -> Axis {
        let positive = values.filter { $0.isFinite && $0 > 0 }
        let lower = pow(10, (log10(positive.min() ?? 1) - 0.2).rounded(.down))
        let upper = pow(10, (log10(positive.max() ?? 10) + 0.8).rounded(.up))
        return Axis(.log, lower, max(upper, lower * 10), label: label)
    }
}
