import Foundation

/// `reach project` output: one row per document, variant and mass, as CSV or JSON, byte-identical
/// for the same input. Numbers carry 6 significant digits; a non-finite value is written empty
/// (CSV) or `null` (JSON) and reported in `warnings`.
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

    /// The CSV header: `columns` then `documentColumns`.
    public static var csvColumns: [String] { columns + documentColumns }

    /// The numeric columns of one point, in `columns` order after `variant`.
    static func values(_ p: SensitivityPoint) -> [Double] {
        [p.massGeV * 1000, p.branchingFractionPerU2, p.kaonDecaysEffective, p.signalAcceptance, p.windowK,
         p.windowSignalFraction, p.signalPerU2, p.background, p.backgroundUncertainty, p.backgroundMCUncertainty, p.vetoPassFraction,
         p.u2Detection, p.u2MedianExclusion, p.u2CLs.median, p.u2CLs.minus2, p.u2CLs.minus1,
         p.u2CLs.plus1, p.u2CLs.plus2]
    }

    /// Non-finite values in the projection, one message per (variant, column), for stderr.
    public static func warnings(_ projection: Projection) -> [String] {
        var messages: [String] = []
        for curve in projection.curves {
            for (index, name) in columns.dropFirst().enumerated() {
                let bad = curve.points.filter { !values($0)[index].isFinite }
                if let first = bad.first {
                    messages.append("variant '\(curve.label)': \(name) is not finite at \(bad.count) mass point(s), first at \(format(first.massGeV * 1000)) MeV")
                }
            }
        }
        return messages
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
                for point in curve.points {
                    out += label + "," + values(point).map { $0.isFinite ? format($0) : "" }.joined(separator: ",") + document + "\n"
                }
            }
        }
        return out
    }

    /// JSON of one document: `{"scenario", "title", "channel", "confidence", "variants":
    /// [{"label", "kaon_decays_effective", "points": [...]}]}`.
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
