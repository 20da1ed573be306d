import Foundation
import Physics
import Plot
import Projection
import References
import Scenario
import Statistics

/// The exclusion plot of a scenario file: projections as coloured lines beside the published
/// limits (grey, excluded side filled; lower bounds hatched) and the user's tables of observed
/// and expected limits (drawn with their bands), optional ±1σ/±2σ CLs bands for one variant,
/// an optional ratio panel against a baseline variant. The conventions are the
/// field's (docs/architecture.md §6): linear mass axis, log |U|², label inside the frame,
/// colour-blind palette.
public enum ExclusionFigure {
    /// Line dash per statistic: median exclusion solid, detection dashed, CLs median dash-dot.
    public static func dash(for statistic: Statistic) -> LineDash {
        switch statistic {
        case .medianExclusion: return .solid
        case .detection: return .dashed
        case .clsExpected: return .dashDot
        case .shape: return .dotted
        }
    }

    /// Legend text of a statistic at a confidence level: the detection sensitivity names its own
    /// z = Φ⁻¹(CL) (seed 001 Eq. 3: s = z√b, z = 1.28 at 90 % CL, 1.64 at 95 %).
    public static func describe(_ statistic: Statistic, confidence: Double) -> String {
        switch statistic {
        case .medianExclusion: return "median exclusion"
        case .detection:
            let z = String(format: "%.2f", locale: nil, SimpleSensitivity.z(confidence: confidence))
            return "detection (<i>s</i> = \(z)√<i>b</i>)"
        case .clsExpected: return "CLs expected"
        case .shape: return "shape fit (CLs expected)"
        }
    }

    /// The parameter of interest on the y axis: |U_l|² for an HNL channel, the branching fraction
    /// for a continuum channel.
    static func parameterMarkup(_ channel: Channel) -> String {
        switch channel {
        case .kaonToMuonNeutrinoX: return "ℬ(<i>K</i><sup>+</sup> → <i>μ</i><sup>+</sup><i>ν</i><i>X</i>)"
        case .kaonToMuonThreeNeutrinos: return "ℬ(<i>K</i><sup>+</sup> → <i>μ</i><sup>+</sup><i>ν</i><i>ν</i><i>ν̄</i>)"
        default: return channel.flavour.mixingMarkup
        }
    }

    /// "90", "95", "99.9": a CL in percent, as many digits as it has (up to 6).
    static func percent(_ confidence: Double) -> String {
        String(format: "%.6g", locale: nil, 100 * confidence)
    }

    /// The figure for `projection` of `file`, with reference curves from `library` and the
    /// user's own (already read) curves and limit tables.
    public static func make(file: ScenarioFile, projection: DocumentProjection, library: ReferenceLibrary,
                            userCurves: [ReferenceCurve] = [], userTables: [UserLimitTable] = []) -> Figure {
        let settings = file.figure
        let flavour = file.channel.flavour
        let statistics = settings.statistics.isEmpty ? uniqueStatistics(file) : settings.statistics
        let xRangeMeV = (settings.xRangeGeV ?? file.masses.fromGeV...file.masses.toGeV)
        let xLower = xRangeMeV.lowerBound * 1000, xUpper = xRangeMeV.upperBound * 1000
        let references = referenceCurves(settings, flavour: flavour, library: library, userCurves: userCurves)
        let yRange = settings.yRange ?? automaticYRange(projection, statistics: statistics, references: references, tables: userTables,
                                                        xRangeMeV: xLower...xUpper)
        let confidence = ConfidenceLabels(projection)
        let parameter = parameterMarkup(file.channel)
        let yLabel = confidence.shared.map { "\(parameter) (\(percent($0)) % CL)" } ?? parameter
        var main = Panel(yAxis: Axis(.log, yRange.lowerBound, yRange.upperBound, label: yLabel), relativeHeight: 3)

        // Published limits first, so projections are drawn over them.
        addReferences(references, to: &main)
        for table in userTables { addLimitTable(table, to: &main) }
        if let envelope = settings.envelope, let first = projection.curves.first(where: { $0.label == envelope.first }),
           let second = projection.curves.first(where: { $0.label == envelope.second }) {
            addEnvelope(between: first, and: second, label: envelope.label, statistic: statistics[0], to: &main)
        }
        if let bandsLabel = settings.bandsVariant, let curve = projection.curves.first(where: { $0.label == bandsLabel }) {
            addBands(of: curve, to: &main, confidence: confidence)
        }
        let hasBands = settings.bandsVariant != nil || !userTables.isEmpty
        addProjections(projection, statistics: statistics, bandsVariant: settings.bandsVariant, hasBands: hasBands, to: &main, confidence: confidence)

        var panels = [main]
        if let baselineLabel = settings.ratioBaseline, let baseline = projection.curves.first(where: { $0.label == baselineLabel }) {
            panels.append(ratioPanel(projection: projection, baseline: baseline, statistic: statistics[0], hasBands: hasBands))
        }
        let label = settings.label.map { CornerLabel(markup($0)) }
        // A ratio panel gets its own height, so the main panel keeps its proportions.
        let heightInches = panels.count > 1 ? 5.8 : 4.5
        return Figure(widthPt: 6.5 * 72, heightPt: heightInches * 72,
                      xAxis: massAxis(settings.xScale, lowerMeV: xLower, upperMeV: xUpper, file: file),
                      panels: panels, experimentLabel: label, legend: Legend(placement: .automatic))
    }

    /// The axis names the CL only when every curve has the same; otherwise each legend entry does.
    private struct ConfidenceLabels {
        /// The CL all curves share, if they do.
        let shared: Double?

        init(_ projection: DocumentProjection) {
            let confidences = Set(projection.curves.map(\.confidence))
            shared = confidences.count <= 1 ? (projection.curves.first?.confidence ?? projection.confidence) : nil
        }

        /// `label` with the curve's CL appended when the axis does not name it.
        func legend(_ label: String, _ curve: SensitivityCurve) -> String {
            shared == nil ? "\(label) (\(percent(curve.confidence)) % CL)" : label
        }
    }

    /// The published curves the figure asks for, bundled or from the user's files, in its order.
    private static func referenceCurves(_ settings: FigureSettings, flavour: LeptonFlavour, library: ReferenceLibrary,
                                        userCurves: [ReferenceCurve]) -> [ReferenceCurve] {
        settings.references.compactMap { reference -> ReferenceCurve? in
            switch reference {
            case .bundled(let id): return library.curve(id: id, flavour: flavour)
            case .file(let path, _, _): return userCurves.first { $0.id == ReferenceCurve.userFileID(path: path) }
            case .limitTable: return nil
            }
        }
    }

    /// Published limits as grey regions filled on the excluded side; lower bounds are hatched
    /// over a clear fill, so the curves beneath stay visible.
    private static func addReferences(_ references: [ReferenceCurve], to main: inout Panel) {
        for curve in references {
            let points = zip(curve.massesMeV, curve.u2).map { DataPoint($0, $1) }
            switch curve.kind {
            case .upperLimit:
                main.add(.region(FilledRegion(boundary: points, side: .above, label: curve.label)))
            case .lowerBound:
                main.add(.region(FilledRegion(boundary: points, side: .below, fill: Color.white.withAlpha(0),
                                              hatch: Hatch(spacingPt: 7, lineWidth: 0.45), label: curve.label)))
            }
        }
    }

    /// `figure.envelope`: the region between two variants' curves of the first drawn statistic,
    /// mass by mass (how much the reach depends on the assumption the two variants differ in),
    /// in translucent grey under the projections; only the physical region |U|² ≤ 1 is drawn.
    private static func addEnvelope(between first: SensitivityCurve, and second: SensitivityCurve, label: String?, statistic: Statistic,
                                    to main: inout Panel) {
        let x = first.points.map { $0.massGeV * 1000 }
        let a = first.points.map { $0.u2(statistic) }, b = second.points.map { $0.u2(statistic) }
        let lower = zip(a, b).map { min($0, $1) }, upper = zip(a, b).map { max($0, $1) }
        let legend = label.map(markup) ?? "between \(markup(first.label)) and \(markup(second.label))"
        for (piece, run) in PhysicalMixing.bandRuns(x: x, lower: lower, upper: upper).enumerated() {
            main.add(.band(Band(x: run.x, lower: run.lower, upper: run.upper, fill: Palette.envelope, legendLabel: piece == 0 ? legend : nil)))
        }
    }

    /// Expected CLs bands of one variant: ±2σ yellow, ±1σ green, dashed median. Only the
    /// physical region |U|² ≤ 1 is drawn (`PhysicalMixing`); a legend entry per item, on its
    /// first piece.
    private static func addBands(of curve: SensitivityCurve, to main: inout Panel, confidence: ConfidenceLabels) {
        let x = curve.points.map { $0.massGeV * 1000 }
        addExpectedBands(x: x, limits: curve.points.map(\.u2CLs), legends: ("Expected ±2<i>σ</i>", "Expected ±1<i>σ</i>"), to: &main)
        let median = zip(x, curve.points.map(\.u2CLs.median)).map { DataPoint($0, $1) }
        addPhysicalLine(median, style: LineStyle(color: Palette.ink, width: 1.2, dash: .dashed),
                        legend: confidence.legend("\(markup(curve.label)): \(curve.statistic == .shape ? "shape-fit " : "")CLs expected median", curve), to: &main)
    }

    /// The ±2σ (yellow) and ±1σ (green) bands of expected limits sampled at `x`, the ±2σ first
    /// so the ±1σ lies on it; only the physical region, a legend entry on each band's first piece.
    static func addExpectedBands(x: [Double], limits: [ExpectedLimits], legends: (twoSigma: String, oneSigma: String), to main: inout Panel) {
        for (lower, upper, fill, legend) in [(limits.map(\.minus2), limits.map(\.plus2), Palette.band2Sigma, legends.twoSigma),
                                             (limits.map(\.minus1), limits.map(\.plus1), Palette.band1Sigma, legends.oneSigma)] {
            for (piece, run) in PhysicalMixing.bandRuns(x: x, lower: lower, upper: upper).enumerated() {
                main.add(.band(Band(x: run.x, lower: run.lower, upper: run.upper, fill: fill, legendLabel: piece == 0 ? legend : nil)))
            }
        }
    }

    /// A curve in its physical runs (`PhysicalMixing`), the legend entry on its first piece.
    static func addPhysicalLine(_ points: [DataPoint], style: LineStyle, legend: String?, to main: inout Panel) {
        for (piece, run) in PhysicalMixing.runs(points).enumerated() {
            main.add(.line(Line(points: run, style: style, legendLabel: piece == 0 ? legend : nil)))
        }
    }

    /// Projections: one colour per variant, one dash per statistic (the banded variant's CLs
    /// median is already drawn); beside the yellow band, the palette's orange is skipped (too
    /// little contrast).
    private static func addProjections(_ projection: DocumentProjection, statistics: [Statistic], bandsVariant: String?, hasBands: Bool,
                                       to main: inout Panel, confidence: ConfidenceLabels) {
        func colour(_ index: Int) -> Color { variantColour(index, hasBands: hasBands) }
        // In a combination's figure the combined curves are solid and wide, the parts thin.
        let combines = projection.curves.contains(where: \.isCombination)
        for (index, curve) in projection.curves.enumerated() {
            for statistic in statistics {
                if statistic.hasBands && curve.label == bandsVariant { continue }
                // The CLs columns hold the window's CLs or the shape fit, whichever the variant asked for.
                if statistic.hasBands && curve.statistic.hasBands && statistic != curve.statistic { continue }
                let label = statistics.count > 1 ? "\(markup(curve.label)): \(describe(statistic, confidence: curve.confidence))" : markup(curve.label)
                let points = curve.points.map { DataPoint($0.massGeV * 1000, $0.u2(statistic)) }
                addPhysicalLine(points, style: LineStyle(color: colour(index), width: combines ? (curve.isCombination ? 2.4 : 1.2) : 1.8,
                                                         dash: curve.isCombination ? .solid : dash(for: statistic)),
                                legend: confidence.legend(label, curve), to: &main)
            }
        }
    }

    /// The mass axis in the scale `figure.x_scale` asks for. A log axis starts at the first
    /// positive mass of the grid when the range starts at 0 (log 0 is not on any axis).
    static func massAxis(_ scale: FigureSettings.AxisScale, lowerMeV: Double, upperMeV: Double, file: ScenarioFile) -> Axis {
        let label = file.channel.isContinuum ? "<i>m</i><sub><i>X</i></sub> [MeV]" : "<i>m</i><sub><i>N</i></sub> [MeV]"
        switch scale {
        case .linear:
            return Axis(.linear, lowerMeV, upperMeV, label: label)
        case .log:
            let firstPositive = (file.masses.massesGeV.first { $0 > 0 } ?? file.masses.stepGeV) * 1000
            return Axis(.log, lowerMeV > 0 ? lowerMeV : min(firstPositive, upperMeV / 10), upperMeV, label: label)
        }
    }

    /// The colour of the `index`-th variant, the same in the main and the ratio panel: the
    /// palette in order, skipping its orange beside the yellow ±2σ band (too little contrast).
    static func variantColour(_ index: Int, hasBands: Bool) -> Color {
        Palette.projectionCycle(hasBands && index >= 1 ? index + 1 : index)
    }

    /// Ratios spanning more than this factor get a log axis: on a linear one a ratio of 0.03
    /// is squashed against 0 beside a baseline at 1.
    static let ratioLogSpan = 3.0

    /// The fraction of a log ratio axis above its highest value: on a ratio panel a few
    /// decades high, a decade label there needs about a sixth of the panel.
    static let ratioLogTopRoom = 0.16

    /// Each variant's |U|² over the baseline's: what a better trigger or veto buys. The axis
    /// names the baseline, since "ratio" alone does not say to what.
    static func ratioPanel(projection: DocumentProjection, baseline: SensitivityCurve, statistic: Statistic, hasBands: Bool = false) -> Panel {
        var ratios: [[DataPoint]] = []
        for curve in projection.curves {
            ratios.append(zip(curve.points, baseline.points).map { DataPoint($0.massGeV * 1000, $0.u2(statistic) / $1.u2(statistic)) })
        }
        let finite = ratios.flatMap { $0.map(\.y) }.filter { $0.isFinite && $0 > 0 }
        let low = min(1, finite.min() ?? 1), high = max(1, finite.max() ?? 1)
        let label = "ratio to \(markup(baseline.label))"
        let axis: Axis
        if high / low > ratioLogSpan {
            // A fifth of a decade of room below, numbers rather than powers of ten; above, at
            // least `ratioLogTopRoom` of the axis, so the label of the top decade (1 when no
            // variant is worse than the baseline) stays clear of the main panel's lowest one.
            let span = log10(high / low) + 0.2
            let top = max(0.25, span * ratioLogTopRoom / (1 - ratioLogTopRoom))
            axis = Axis(.log, low / pow(10, 0.2), high * pow(10, top), label: label, plainDecades: -4...4)
        } else {
            // Room above the top tick, so its label stays clear of the main panel's lowest decade.
            let upper = min(3, (high * 10).rounded(.up) / 10 + 0.15)
            let lower = max(0, (low * 10).rounded(.down) / 10 - 0.05)
            axis = Axis(.linear, lower, upper, label: label)
        }
        var panel = Panel(yAxis: axis, relativeHeight: 1.3)
        panel.add(.reference(ReferenceLine(y: 1)))
        for (index, points) in ratios.enumerated() {
            panel.add(.line(Line(points: points, color: variantColour(index, hasBands: hasBands), width: 1.5, dash: dash(for: statistic))))
        }
        return panel
    }

    /// The statistics of the variants' analyses, in first-use order.
    static func uniqueStatistics(_ file: ScenarioFile) -> [Statistic] {
        var seen: [Statistic] = []
        for scenario in file.variants where !seen.contains(scenario.analysis.statistic) { seen.append(scenario.analysis.statistic) }
        return seen
    }

    /// Whole decades around the drawn projections: a decade below the best limit, two above
    /// the worst point that matters (capped at 1); widened so that every published curve's
    /// and limit table's part inside the mass range `xRangeMeV` is on the figure too (its lowest
    /// point half a decade clear of the bottom, its highest within the top, capped at 1).
    static func automaticYRange(_ projection: DocumentProjection, statistics: [Statistic], references: [ReferenceCurve] = [],
                                tables: [UserLimitTable] = [], xRangeMeV: ClosedRange<Double>? = nil) -> ClosedRange<Double> {
        let values = projection.curves.flatMap { curve in statistics.flatMap { s in curve.points.map { $0.u2(s) } } }
            .filter { $0.isFinite && $0 > 0 }.sorted()
        var published: [Double] = []
        let tableCurves = tables.flatMap { table in
            [table.limits.observed, table.limits.minus2, table.limits.plus2].map { (table.limits.massesMeV, $0) }
        }
        for (masses, u2s) in references.map({ ($0.massesMeV, $0.u2) }) + tableCurves {
            for (mass, u2) in zip(masses, u2s) where u2.isFinite && u2 > 0 && u2 <= 1 {
                if let range = xRangeMeV, !range.contains(mass) { continue }
                published.append(u2)
            }
        }
        guard let low = values.first else { return 1e-10...1e-2 }
        let typical = values[values.count / 2]
        var lower = pow(10, (log10(low) - 1).rounded(.down))
        var upper = min(1, pow(10, (log10(typical) + 2).rounded(.up)))
        if let referenceLow = published.min(), let referenceHigh = published.max() {
            lower = min(lower, pow(10, (log10(referenceLow) - 0.5).rounded(.down)))
            upper = min(1, max(upper, pow(10, log10(referenceHigh).rounded(.up))))
        }
        return lower...max(upper, lower * 100)
    }

    /// Pango markup escaping of user text.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// User text as markup, its plain-text physics set properly (`LabelMarkup`).
    static func markup(_ text: String) -> String { LabelMarkup.markup(text) }
}
