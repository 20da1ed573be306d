import Foundation

/// `reach project` output: one row per document, variant and mass, as CSV or JSON, byte-identical
/// for the same input. Numbers carry 6 significant digits; a non-finite value is written empty
/// (CSV) or `null` (JSON) and reported in `warnings` — e.g. |U|² = +∞ at and beyond the channel's
/// endpoint, where B(K+ → … N) = 0, or `u2_detection` and `u2_median_exclusion` where there is no
/// background (b = δb = 0: the s/√b formulas say nothing; CLs is defined). `veto_pass_fraction`
/// is empty without a warning where it is undefined: a user table (given after the veto) or no
/// background before the veto (0/0). |U|² > 1 is written as computed and reported: a mixing
/// beyond 1 is unphysical (figures leave those points out).
public enum ProjectionTable {
    /// The columns of a variant's mass point, in order (the JSON point keys are the same, without
    /// `variant`).
    public static let columns = [
        "variant", "mass_MeV", "br_per_U2", "kaon_decays_eff", "signal_acceptance", "window_k",
        "window_signal_fraction", "signal_per_U2", "background", "background_uncertainty", "background_mc_uncertainty", "veto_pass_fraction",
        "u2_detection", "u2_median_exclusion", "u2_cls_expected", "u2_cls_minus2sigma", "u2_cls_minus1sigma",
        "u2_cls_plus1sigma", "u2_cls_plus2sigma",
    ]

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

    /// The |U|² columns (after `variant`, in `columns` order), checked for |U|² > 1.
    static let u2Columns: Set<String> = [
        "u2_detection", "u2_median_exclusion", "u2_cls_expected", "u2_cls_minus2sigma", "u2_cls_minus1sigma",
        "u2_cls_plus1sigma", "u2_cls_plus2sigma",
    ]

    /// The numeric columns of one point, in `columns` order after `variant`.
    static func values(_ p: SensitivityPoint) -> [Double] {
        [p.massGeV * 1000, p.branchingFractionPerU2, p.kaonDecaysEffective, p.signalAcceptance, p.windowK,
         p.windowSignalFraction, p.signalPerU2, p.background, p.backgroundUncertainty, p.backgroundMCUncertainty, p.vetoPassFraction,
         p.u2Detection, p.u2MedianExclusion, p.u2CLs.median, p.u2CLs.minus2, p.u2CLs.minus1,
         p.u2CLs.plus1, p.u2CLs.plus2]
    }

    /// Columns whose empty value means "undefined here", not a numeric failure.
    static let undefinedAllowed: Set<String> = ["veto_pass_fraction"]

    /// Non-finite values in the projection, for stderr: one message per variant and set of
    /// affected mass points, naming the columns, the count and the first mass. Where no signal is
    /// expected at all those points (signal_per_U2 = 0, e.g. B = 0 at and beyond the endpoint)
    /// the message says so: no |U|² can be excluded there; where there is no background
    /// (b = δb = 0) it says that the s/√b formulas are undefined. Then one message per variant
    /// with |U|² > 1 (unphysical) in any column, with the columns and the mass range.
    public static func warnings(_ projection: Projection) -> [String] {
        var messages: [String] = []
        for curve in projection.curves {
            // Columns grouped by the masses where they are not finite, in column order.
            var groups: [(masses: [Double], names: [String])] = []
            for (index, name) in columns.dropFirst().enumerated() where !undefinedAllowed.contains(name) {
                let bad = curve.points.filter { !values($0)[index].isFinite }
                guard !bad.isEmpty else { continue }
                let masses = bad.map(\.massGeV)
                if let g = groups.firstIndex(where: { $0.masses == masses }) { groups[g].names.append(name) } else { groups.append((masses, [name])) }
            }
            for group in groups {
                let affected = curve.points.filter { group.masses.contains($0.massGeV) }
                let noSignal = affected.allSatisfy { $0.signalPerU2 == 0 }
                let noBackground = affected.allSatisfy { $0.background == 0 && $0.backgroundUncertainty == 0 }
                    && Set(group.names).isSubset(of: ["u2_detection", "u2_median_exclusion"])
                let verb = group.names.count == 1 ? "is" : "are"
                let reason = noSignal ? " (no signal expected there, signal_per_U2 = 0: no |U|² can be excluded)"
                    : noBackground ? " (no background expected there, b = 0: the s/√b formulas are undefined; CLs is defined)" : ""
                messages.append("variant '\(curve.label)': \(group.names.joined(separator: ", ")) \(verb) not finite at \(group.masses.count) mass point(s), first at \(format(group.masses[0] * 1000)) MeV"
                    + reason)
            }
            if let unphysical = unphysicalWarning(curve) { messages.append(unphysical) }
        }
        return messages
    }

    /// "variant 'x': |U|² > 1 (unphysical) in … at n mass point(s) from A to B MeV …", or nil.
    static func unphysicalWarning(_ curve: SensitivityCurve) -> String? {
        var names: [String] = []
        var masses: [Double] = []
        for (index, name) in columns.dropFirst().enumerated() where u2Columns.contains(name) {
            let above = curve.points.filter { let u2 = values($0)[index]; return u2.isFinite && u2 > 1 }
            guard !above.isEmpty else { continue }
            names.append(name)
            masses += above.map(\.massGeV)
        }
        guard let lowest = masses.min(), let highest = masses.max() else { return nil }
        let count = Set(masses).count
        return "variant '\(curve.label)': |U|² > 1 (unphysical: the mixing is at most 1) in \(names.joined(separator: ", ")) at \(count) mass point(s) from \(format(lowest * 1000)) to \(format(highest * 1000)) MeV; figures leave those points out"
    }

    /// The warnings of several documents, each prefixed with the document's name when there are
    /// several.
    public static func warnings(_ projections: [Projection]) -> [String] {
        guard projections.count > 1 else { return projections.flatMap { warnings($0) } }
        return projections.flatMap { projection in warnings(projection).map { "scenario '\(projection.name)': " + $0 } }
    }

    /// CSV with a header line.
    public static func csv(_ projection: Projection) -> String { csv([projection]) }

    /// One CSV for the documents of a file, in file order, with a header line.
    public static func csv(_ projections: [Projection]) -> String {
        var out = csvColumns.joined(separator: ",") + "\n"
        for projection in projections {
            let document = "," + csvField(projection.name) + "," + csvField(projection.channel.name)
            for curve in projection.curves {
                let label = csvField(curve.label)
                let variant = "," + format(curve.confidence) + "," + curve.statistic.rawValue
                for point in curve.points {
                    out += label + "," + values(point).map { $0.isFinite ? format($0) : "" }.joined(separator: ",") + document + variant + "\n"
                }
            }
        }
        return out
    }

    /// JSON of one document: `{"scenario", "title", "channel", "confidence", "variants":
    /// [{"label", "kaon_decays_effective", "confidence", "statistic", "points": [...]}]}`; the
    /// document's `confidence` is the first variant's, each variant has its own.
    public static func json(_ projection: Projection) -> String {
        jsonObject(projection, indent: "") + "\n"
    }

    /// JSON of the documents of a file: one document as `json(_:)`; several as
    /// `{"scenarios": [<one object per document, as json(_:)>]}`.
    public static func json(_ projections: [Projection]) -> String {
        guard projections.count != 1 else { return json(projections[0]) }
        return "{\n  \"scenarios\": [\n" + projections.map { "    " + jsonObject($0, indent: "    ") }.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    /// One document's object; lines after the first start with `indent`.
    private static func jsonObject(_ projection: Projection, indent: String) -> String {
        var out = "{\n"
        out += "  \"scenario\": \(jsonString(projection.name)),\n"
        out += "  \"title\": \(jsonString(projection.title)),\n"
        out += "  \"channel\": \(jsonString(projection.channel.name)),\n"
        out += "  \"confidence\": \(format(projection.confidence)),\n"
        out += "  \"variants\": ["
        out += projection.curves.map { curve in
            var v = "\n    {\n"
            v += "      \"label\": \(jsonString(curve.label)),\n"
            v += "      \"kaon_decays_effective\": \(jsonNumber(curve.kaonDecaysEffective)),\n"
            v += "      \"confidence\": \(jsonNumber(curve.confidence)),\n"
            v += "      \"statistic\": \(jsonString(curve.statistic.rawValue)),\n"
            v += "      \"points\": ["
            v += curve.points.map { point in
                let fields = zip(columns.dropFirst(), values(point)).map { "\"\($0)\": \(jsonNumber($1))" }
                return "\n        {" + fields.joined(separator: ", ") + "}"
            }.joined(separator: ",")
            v += "\n      ]\n    }"
            return v
        }.joined(separator: ",")
        out += "\n  ]\n}"
        return out.replacingOccurrences(of: "\n", with: "\n" + indent)
    }

    /// 6 significant digits, `%g` style (`0.0135`, `1.5e+08`), locale-independent.
    public static func format(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.6g", locale: nil, value)
    }

    static func jsonNumber(_ value: Double) -> String { value.isFinite ? format(value) : "null" }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
