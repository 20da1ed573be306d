import Foundation
import Plot
import Simulation
import Physics

/// The reconstructed m²_miss spectrum of the background before and after the photon veto, with
/// the signal window of one HNL mass shaded: the view of seed 001 Fig. 2, to show what drives the
/// reach. A background of several components is drawn stacked after the veto, each in its
/// colour (seed 000 Fig. 2).
public enum BackgroundFigure {
    /// - Parameters:
    ///   - bins: the spectrum (events per bin for the variant's N_K).
    ///   - windowGeV2: the signal window m_N² ± kσ to shade, if any.
    ///   - windowLabel: its legend text (Pango markup).
    ///   - components: each component's name and spectrum, stacked when there are several.
    public static func make(bins: [SpectrumBin], windowGeV2: ClosedRange<Double>?, windowLabel: String,
                            experimentLabel: String?, components: [(name: String, bins: [SpectrumBin])] = []) -> Figure {
        let positive = bins.flatMap { [$0.beforeVeto, $0.afterVeto] }.filter { $0 > 0 }
        let top = pow(10, (log10(positive.max() ?? 1) + 0.5).rounded(.up))
        let bottom = max(top * 1e-9, pow(10, (log10(positive.min() ?? 1e-3)).rounded(.down)))
        let width = bins.first?.widthGeV2 ?? 0
        var panel = Panel(yAxis: Axis(.log, bottom, top, label: "events / \(ProjectionNumber.format(width)) GeV<sup>2</sup>"))
        if let window = windowGeV2 {
            panel.add(.band(Band(x: [window.lowerBound, window.upperBound], lower: [bottom, bottom], upper: [top, top],
                                 fill: Color(rgb: 0x92dadd, alpha: 0.45), legendLabel: windowLabel)))
        }
        if components.count > 1 { addStack(components, bottom: bottom, to: &panel) }
        // A user table is given after the veto: without it the count before is unknown, not drawn.
        if bins.allSatisfy({ $0.beforeVeto.isFinite }) {
            panel.add(.line(Line(points: steps(bins, \.beforeVeto), color: Palette.projectionCycle(0), width: 1.4,
                                 legendLabel: "before the photon veto")))
        }
        panel.add(.line(Line(points: steps(bins, \.afterVeto), color: Palette.projectionCycle(2), width: 1.4,
                             legendLabel: "photon undetected (after the veto)")))
        let lower = bins.first.map { $0.m2GeV2 - $0.widthGeV2 / 2 } ?? 0
        let upper = bins.last.map { $0.m2GeV2 + $0.widthGeV2 / 2 } ?? 1
        return Figure(xAxis: Axis(.linear, lower, upper, label: "<i>m</i><sub>miss</sub><sup>2</sup> [GeV<sup>2</sup>]"),
                      panels: [panel], experimentLabel: experimentLabel.map { CornerLabel($0) },
                      legend: Legend(placement: .automatic))
    }

    /// The radiative decay as physicists write it, in Pango markup.
    public static func processMarkup(_ process: RadiativeProcess) -> String {
        switch process {
        case .ke3Gamma: return "<i>K</i><sup>+</sup> → <i>π</i><sup>0</sup><i>e</i><sup>+</sup><i>νγ</i>"
        case .kmu3Gamma: return "<i>K</i><sup>+</sup> → <i>π</i><sup>0</sup><i>μ</i><sup>+</sup><i>νγ</i>"
        case .ke2Gamma: return "<i>K</i><sup>+</sup> → <i>e</i><sup>+</sup><i>νγ</i>"
        case .kmu2Gamma: return "<i>K</i><sup>+</sup> → <i>μ</i><sup>+</sup><i>νγ</i>"
        }
    }

    /// 3×10<sup>10</sup> style markup.
    public static func scientificMarkup(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return String(value) }
        let exponent = Int(log10(value).rounded(.down))
        let mantissa = value / pow(10, Double(exponent))
        let m = String(format: "%.3g", mantissa)
        return (m == "1" ? "" : m + "×") + "10<sup>\(exponent < 0 ? "−" : "")\(abs(exponent))</sup>"
    }

    /// The components after the veto, stacked: the filled area under the running sum of the first
    /// i components, drawn from the largest sum down, so each component shows as its own band.
    static func addStack(_ components: [(name: String, bins: [SpectrumBin])], bottom: Double, to panel: inout Panel) {
        guard let first = components.first?.bins else { return }
        var running = [Double](repeating: 0, count: first.count)
        var sums: [[Double]] = []
        for component in components {
            for i in running.indices where i < component.bins.count { running[i] += component.bins[i].afterVeto }
            sums.append(running)
        }
        for index in components.indices.reversed() {
            let boundary = first.indices.flatMap { i -> [DataPoint] in
                let y = max(sums[index][i], bottom)
                return [DataPoint(first[i].m2GeV2 - first[i].widthGeV2 / 2, y), DataPoint(first[i].m2GeV2 + first[i].widthGeV2 / 2, y)]
            }
            panel.add(.region(FilledRegion(boundary: boundary, side: .below, fill: Palette.projectionCycle(index + 3).withAlpha(0.55),
                                           edge: nil, legendLabel: ExclusionFigure.escape(components[index].name) + " (after the veto)")))
        }
    }

    /// A histogram outline: each bin's content held flat across the bin (empty bins skipped on a log axis).
    static func steps(_ bins: [SpectrumBin], _ value: KeyPath<SpectrumBin, Double>) -> [DataPoint] {
        bins.flatMap { bin -> [DataPoint] in
            let y = bin[keyPath: value] > 0 ? bin[keyPath: value] : .nan
            return [DataPoint(bin.m2GeV2 - bin.widthGeV2 / 2, y), DataPoint(bin.m2GeV2 + bin.widthGeV2 / 2, y)]
        }
    }
}

/// Short numbers for axis labels (`0.0005`, `1e-05`).
enum ProjectionNumber {
    static func format(_ value: Double) -> String { String(format: "%g", value) }
}
