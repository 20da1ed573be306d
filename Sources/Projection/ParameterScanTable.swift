/// `reach scan` output: one row per value of the parameter, as CSV or JSON, in the number format
/// of `ProjectionTable` (6 significant digits; non-finite values empty or `null`).
public enum ParameterScanTable {
    /// Column names, in order; the JSON point keys are the same.
    public static let columns = [
        "value", "unit", "u2_detection", "u2_median_exclusion", "u2_cls_expected",
        "u2_cls_minus2sigma", "u2_cls_minus1sigma", "u2_cls_plus1sigma", "u2_cls_plus2sigma",
        "background", "signal_per_U2",
    ]

    /// The numeric columns after `value` and `unit`.
    static func limits(_ p: SensitivityPoint) -> [Double] {
        [p.u2Detection, p.u2MedianExclusion, p.u2CLs.median, p.u2CLs.minus2, p.u2CLs.minus1, p.u2CLs.plus1, p.u2CLs.plus2,
         p.background, p.signalPerU2]
    }

    /// CSV with a header line.
    public static func csv(_ scan: ParameterScan) -> String {
        var out = columns.joined(separator: ",") + "\n"
        for point in scan.points {
            let numbers = limits(point.sensitivity).map { $0.isFinite ? ProjectionTable.format($0) : "" }
            out += ([ProjectionTable.format(point.value), ProjectionTable.csvField(point.unit)] + numbers).joined(separator: ",") + "\n"
        }
        return out
    }

    /// JSON: `{"parameter", "mass_MeV", "variant", "channel", "points": [{"value", "unit", …}]}`.
    public static func json(_ scan: ParameterScan) -> String {
        var out = "{\n"
        out += "  \"parameter\": \(ProjectionTable.jsonString(scan.parameter.path)),\n"
        out += "  \"mass_MeV\": \(ProjectionTable.jsonNumber(scan.massGeV * 1000)),\n"
        out += "  \"variant\": \(ProjectionTable.jsonString(scan.variant)),\n"
        out += "  \"channel\": \(ProjectionTable.jsonString(scan.channel.name)),\n"
        out += "  \"confidence\": \(ProjectionTable.jsonNumber(scan.confidence)),\n"
        out += "  \"points\": ["
        out += scan.points.map { point in
            let numbers = zip(columns.dropFirst(2), limits(point.sensitivity)).map { "\"\($0)\": \(ProjectionTable.jsonNumber($1))" }
            let fields = ["\"value\": \(ProjectionTable.jsonNumber(point.value))", "\"unit\": \(ProjectionTable.jsonString(point.unit))"] + numbers
            return "\n    {" + fields.joined(separator: ", ") + "}"
        }.joined(separator: ",")
        out += "\n  ]\n}\n"
        return out
    }

    /// Non-finite limits, one message per column, for stderr.
    public static func warnings(_ scan: ParameterScan) -> [String] {
        zip(columns.dropFirst(2), 0...).compactMap { name, index in
            let bad = scan.points.filter { !limits($0.sensitivity)[index].isFinite }
            guard let first = bad.first else { return nil }
            return "\(name) is not finite at \(bad.count) value(s), first at \(scan.parameter.path) = \(first.text)"
        }
    }
}
