import Foundation
import Physics

/// `reach project` output: one row per document, variant and mass, as CSV or JSON, byte-identical
/// for the same input. Numbers carry 6 significant digits; a non-finite value is written empty
/// (CSV) or `null` (JSON) and reported in `warnings` — e.g. |U|² = +∞ at and beyond the channel's
/// endpoint, where B(K+ → … N) = 0, or `u2_detection` and `u2_median_exclusion` where there is no
/// background (b = δb = 0: the s/√b formulas say nothing; CLs is defined). `veto_pass_fraction`
/// is empty without a warning where it is undefined: a user table (given after the veto) or no
/// background before the veto (0/0). |U|² > 1 is written as computed and reported: a mixing
/// beyond 1 is unphysical (figures leave those points out).
public enum ProjectionTable {
    /// The numeric columns of a variant's mass point, in order: the CSV's after `variant`, and
    /// the keys of each JSON point.
    public static let pointColumns: [TableColumn<SensitivityPoint>] = [
        .init("mass_MeV", unit: "MeV") { $0.massGeV * 1000 },
        .init("br_per_U2", unit: "1") { $0.branchingFractionPerU2 },
        .init("kaon_decays_eff", unit: "1") { $0.kaonDecaysEffective },
        .init("signal_acceptance", unit: "1") { $0.signalAcceptance },
        .init("window_k", unit: "sigma") { $0.windowK },
        .init("window_signal_fraction", unit: "1") { $0.windowSignalFraction },
        signalColumn,
        backgroundColumn,
        .init("background_uncertainty", unit: "events") { $0.backgroundUncertainty },
        .init("background_mc_uncertainty", unit: "events") { $0.backgroundMCUncertainty },
        .init("veto_pass_fraction", unit: "1") { $0.vetoPassFraction },
    ] + limitColumns

    /// The |U|² each statistic reaches: detection, median exclusion, CLs median and band edges.
    public static let limitColumns: [TableColumn<SensitivityPoint>] = [
        .init("u2_detection", unit: "|U|^2") { $0.u2Detection },
        .init("u2_median_exclusion", unit: "|U|^2") { $0.u2MedianExclusion },
        .init("u2_cls_expected", unit: "|U|^2") { $0.u2CLs.median },
        .init("u2_cls_minus2sigma", unit: "|U|^2") { $0.u2CLs.minus2 },
        .init("u2_cls_minus1sigma", unit: "|U|^2") { $0.u2CLs.minus1 },
        .init("u2_cls_plus1sigma", unit: "|U|^2") { $0.u2CLs.plus1 },
        .init("u2_cls_plus2sigma", unit: "|U|^2") { $0.u2CLs.plus2 },
    ]

    /// The numeric columns of a continuum hypothesis (K+ → μ+ ν X; seed 000 Sec. 6), whose
    /// parameter of interest is a branching fraction: the cut m0², B/g_μ², signal per unit B and
    /// the `br_*` limits, then g_μ of the CLs median.
    public static let continuumPointColumns: [TableColumn<SensitivityPoint>] = [
        .init("mass_MeV", unit: "MeV") { $0.massGeV * 1000 },
        .init("br_per_g2", unit: "1") { $0.branchingFractionPerCouplingSquared ?? .nan },
        .init("kaon_decays_eff", unit: "1") { $0.kaonDecaysEffective },
        .init("signal_acceptance", unit: "1") { $0.signalAcceptance },
        .init("m2_miss_cut_GeV2", unit: "GeV^2") { $0.cutGeV2 ?? .nan },
        .init("region_signal_fraction", unit: "1") { $0.windowSignalFraction },
        .init("signal_per_br", unit: "events") { $0.signalPerU2 },
        backgroundColumn,
        .init("background_uncertainty", unit: "events") { $0.backgroundUncertainty },
        .init("background_mc_uncertainty", unit: "events") { $0.backgroundMCUncertainty },
        .init("veto_pass_fraction", unit: "1") { $0.vetoPassFraction },
        .init("br_detection", unit: "B") { $0.u2Detection },
        .init("br_median_exclusion", unit: "B") { $0.u2MedianExclusion },
        .init("br_cls_expected", unit: "B") { $0.u2CLs.median },
        .init("br_cls_minus2sigma", unit: "B") { $0.u2CLs.minus2 },
        .init("br_cls_minus1sigma", unit: "B") { $0.u2CLs.minus1 },
        .init("br_cls_plus1sigma", unit: "B") { $0.u2CLs.plus1 },
        .init("br_cls_plus2sigma", unit: "B") { $0.u2CLs.plus2 },
        .init("g_mu_cls_expected", unit: "1") { $0.couplingCLsExpected },
    ]

    /// The point columns of documents of these channels: the HNL columns, the continuum columns,
    /// or (a file mixing both) the HNL columns followed by the continuum columns they lack.
    public static func pointColumns(for channels: [Channel]) -> [TableColumn<SensitivityPoint>] {
        let continuum = channels.contains { $0.isContinuum }, peak = channels.contains { !$0.isContinuum }
        if continuum && !peak { return continuumPointColumns }
        if !continuum { return pointColumns }
        let names = Set(pointColumns.map(\.name))
        return pointColumns + continuumPointColumns.filter { !names.contains($0.name) }
    }

    /// Signal events per |U|² in the region.
    public static let signalColumn = TableColumn<SensitivityPoint>("signal_per_U2", unit: "events") { $0.signalPerU2 }
    /// Expected background events in the region.
    public static let backgroundColumn = TableColumn<SensitivityPoint>("background", unit: "events") { $0.background }

    /// The columns of a variant's mass point, in order: the variant's label, then `pointColumns`.
    public static var columns: [String] { ["variant"] + pointColumns.map(\.name) }

    /// The CSV's last columns, after `columns`: the scenario document's name and its channel, so
    /// the rows of a file with several documents (one per channel, say) stay apart. Written for
    /// single-document files too, so the CSV has one format.
    public static let documentColumns = ["scenario", "channel"]

    /// The CSV's very last columns: the variant's confidence level and statistic
    /// (`analysis.confidence`, `analysis.statistic`), which may differ from variant to variant.
    /// The JSON carries them once per variant.
    public static let variantColumns = ["confidence", "statistic"]

    /// The CSV header: `columns`, `documentColumns`, then `variantColumns`.
    public static var csvColumns: [String] { columns + documentColumns + variantColumns }

    /// Columns whose empty value means "undefined here", not a numeric failure.
    static let undefinedAllowed: Set<String> = ["veto_pass_fraction"]

    /// Columns of one channel's window, empty in a combined curve's rows.
    static let undefinedInCombination: Set<String> = ["br_per_U2", "kaon_decays_eff", "signal_acceptance", "window_k", "window_signal_fraction",
                                                      "m2_miss_cut_GeV2", "region_signal_fraction"]

    /// Non-finite values in the projection, for stderr: one message per variant and set of
    /// affected mass points, naming the columns, the count and the first mass. Where no signal is
    /// expected at all those points (signal_per_U2 = 0, e.g. B = 0 at and beyond the endpoint)
    /// the message says so: no |U|² can be excluded there; where there is no background
    /// (b = δb = 0) it says that the s/√b formulas are undefined. Then one message per variant
    /// with |U|² > 1 (unphysical) in any column, with the columns and the mass range.
    public static func warnings(_ projection: DocumentProjection) -> [String] {
        var messages: [String] = []
        for curve in projection.curves {
            // Columns grouped by the masses where they are not finite, in column order.
            var groups: [(masses: [Double], names: [String])] = []
            for column in pointColumns(for: [projection.channel]) where !undefinedAllowed.contains(column.name) && column.name != "g_mu_cls_expected" && column.name != "br_per_g2"
                && !(curve.isCombination && undefinedInCombination.contains(column.name)) {
                let bad = curve.points.filter { !column.value($0).isFinite }
                guard !bad.isEmpty else { continue }
                let masses = bad.map(\.massGeV)
                if let g = groups.firstIndex(where: { $0.masses == masses }) { groups[g].names.append(column.name) } else { groups.append((masses, [column.name])) }
            }
            for group in groups {
                let affected = curve.points.filter { group.masses.contains($0.massGeV) }
                let noSignal = affected.allSatisfy { $0.signalPerU2 == 0 }
                let noBackground = affected.allSatisfy { $0.background == 0 && $0.backgroundUncertainty == 0 }
                    && Set(group.names).isSubset(of: ["u2_detection", "u2_median_exclusion"])
                let verb = group.names.count == 1 ? "is" : "are"
                let reason = noSignal ? " (no signal expected there, signal_per_U2 = 0: no |U|² can be excluded)"
                    : noBackground ? " (no background expected there, b = 0: the s/√b formulas are undefined; CLs is defined)" : ""
                messages.append("variant '\(curve.label)': \(group.names.joined(separator: ", ")) \(verb) not finite at \(group.masses.count) mass point(s), first at \(TableFormatting.format(group.masses[0] * 1000)) MeV"
                    + reason)
            }
            if !projection.channel.isContinuum, let unphysical = unphysicalWarning(curve) { messages.append(unphysical) }
        }
        return messages
    }

    /// "variant 'x': |U|² > 1 (unphysical) in … at n mass point(s) from A to B MeV …", or nil.
    static func unphysicalWarning(_ curve: SensitivityCurve) -> String? {
        var names: [String] = []
        var masses: [Double] = []
        for column in pointColumns where column.isCoupling {
            let above = curve.points.filter { let u2 = column.value($0); return u2.isFinite && u2 > 1 }
            guard !above.isEmpty else { continue }
            names.append(column.name)
            masses += above.map(\.massGeV)
        }
        guard let lowest = masses.min(), let highest = masses.max() else { return nil }
        let count = Set(masses).count
        return "variant '\(curve.label)': |U|² > 1 (unphysical: the mixing is at most 1) in \(names.joined(separator: ", ")) at \(count) mass point(s) from \(TableFormatting.format(lowest * 1000)) to \(TableFormatting.format(highest * 1000)) MeV; figures leave those points out"
    }

    /// The warnings of several documents, each prefixed with the document's name when there are
    /// several.
    public static func warnings(_ projections: [DocumentProjection]) -> [String] {
        guard projections.count > 1 else { return projections.flatMap { warnings($0) } }
        return projections.flatMap { projection in warnings(projection).map { "scenario '\(projection.name)': " + $0 } }
    }

    /// CSV with a header line.
    public static func csv(_ projection: DocumentProjection) -> String { csv([projection]) }

    /// One CSV for the documents of a file, in file order, with a header line.
    public static func csv(_ projections: [DocumentProjection]) -> String {
        let columns = pointColumns(for: projections.map(\.channel))
        var out = (["variant"] + columns.map(\.name) + documentColumns + variantColumns).joined(separator: ",") + "\n"
        for projection in projections {
            let document = [TableFormatting.csvField(projection.name), TableFormatting.csvField(projection.channel.name)]
            for curve in projection.curves {
                let variant = [TableFormatting.format(curve.confidence), curve.statistic.rawValue]
                for point in curve.points {
                    let numbers = columns.map { TableFormatting.csvNumber($0.value(point)) }
                    out += ([TableFormatting.csvField(curve.label)] + numbers + document + variant).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    /// JSON of one document: `{"scenario", "title", "channel", "confidence", "variants":
    /// [{"label", "kaon_decays_effective", "confidence", "statistic", "points": [...]}]}`, keys
    /// sorted; the document's `confidence` is the first variant's, each variant has its own.
    public static func json(_ projection: DocumentProjection) -> String {
        TableFormatting.json(DocumentJSON(projection))
    }

    /// JSON of the documents of a file: one document as `json(_:)`; several as
    /// `{"scenarios": [<one object per document, as json(_:)>]}`.
    public static func json(_ projections: [DocumentProjection]) -> String {
        guard projections.count != 1 else { return json(projections[0]) }
        return TableFormatting.json(["scenarios": projections.map(DocumentJSON.init)])
    }

    /// One document in JSON.
    struct DocumentJSON: Encodable {
        let scenario: String
        let title: String
        let channel: String
        let confidence: TableNumber
        let variants: [VariantJSON]

        init(_ projection: DocumentProjection) {
            scenario = projection.name
            title = projection.title
            channel = projection.channel.name
            confidence = TableNumber(projection.confidence)
            let columns = ProjectionTable.pointColumns(for: [projection.channel])
            variants = projection.curves.map { VariantJSON($0, columns: columns) }
        }
    }

    /// One variant in JSON: its label, N_K, analysis and points.
    struct VariantJSON: Encodable {
        let label: String
        let kaonDecaysEffective: TableNumber
        let confidence: TableNumber
        let statistic: String
        let backgroundComponents: [String]
        let points: [PointJSON]

        enum CodingKeys: String, CodingKey {
            case label, confidence, statistic, points
            case kaonDecaysEffective = "kaon_decays_effective"
            case backgroundComponents = "background_components"
        }

        init(_ curve: SensitivityCurve, columns: [TableColumn<SensitivityPoint>]) {
            label = curve.label
            kaonDecaysEffective = TableNumber(curve.kaonDecaysEffective)
            confidence = TableNumber(curve.confidence)
            statistic = curve.statistic.rawValue
            backgroundComponents = curve.backgroundComponents
            points = curve.points.map { PointJSON($0, columns: columns) }
        }
    }

    /// One mass point in JSON: every column, and `background_by_component` (b of each component,
    /// in the order of the variant's `background_components`).
    struct PointJSON: Encodable {
        let point: SensitivityPoint
        let columns: [TableColumn<SensitivityPoint>]

        init(_ point: SensitivityPoint, columns: [TableColumn<SensitivityPoint>]) {
            self.point = point
            self.columns = columns
        }

        func encode(to encoder: Encoder) throws {
            try ColumnObject(point, columns: columns).encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(point.backgroundByComponent.map(TableNumber.init), forKey: .backgroundByComponent)
        }

        enum Keys: String, CodingKey { case backgroundByComponent = "background_by_component" }
    }
}
