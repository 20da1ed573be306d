import Physics

/// `reach scan` output: one row per value of the parameter, as CSV or JSON, in the number format
/// of every table (`TableFormatting`: 6 significant digits; non-finite values empty or `null`).
public enum ParameterScanTable {
    /// The numeric columns after `value` and `unit`, in order; the JSON point keys are the same.
    public static let limitColumns: [TableColumn<SensitivityPoint>] =
        ProjectionTable.limitColumns + [ProjectionTable.backgroundColumn, ProjectionTable.signalColumn]

    /// Column names, in order.
    public static var columns: [String] { ["value", "unit"] + limitColumns.map(\.name) }

    /// The limit columns of a scan of `channel`: the `br_*` ones (and the signal per unit B) for
    /// a continuum channel, whose parameter of interest is a branching fraction.
    public static func limitColumns(for channel: Channel) -> [TableColumn<SensitivityPoint>] {
        guard channel.isContinuum else { return limitColumns }
        let names = ["br_detection", "br_median_exclusion", "br_cls_expected", "br_cls_minus2sigma", "br_cls_minus1sigma",
                     "br_cls_plus1sigma", "br_cls_plus2sigma", "background", "signal_per_br"]
        return names.compactMap { name in ProjectionTable.continuumPointColumns.first { $0.name == name } }
    }

    /// CSV with a header line.
    public static func csv(_ scan: ParameterScan) -> String {
        let limitColumns = limitColumns(for: scan.channel)
        var out = (["value", "unit"] + limitColumns.map(\.name)).joined(separator: ",") + "\n"
        for point in scan.points {
            let numbers = limitColumns.map { TableFormatting.csvNumber($0.value(point.sensitivity)) }
            out += ([TableFormatting.format(point.value), TableFormatting.csvField(point.unit)] + numbers).joined(separator: ",") + "\n"
        }
        return out
    }

    /// JSON: `{"parameter", "mass_MeV", "variant", "channel", "confidence", "points": [{"value",
    /// "unit", and one key per limit column}]}`, keys sorted.
    public static func json(_ scan: ParameterScan) -> String {
        TableFormatting.json(ScanJSON(scan))
    }

    struct ScanJSON: Encodable {
        let parameter: String
        let massMeV: TableNumber
        let variant: String
        let channel: String
        let confidence: TableNumber
        let points: [PointJSON]

        enum CodingKeys: String, CodingKey {
            case parameter, variant, channel, confidence, points
            case massMeV = "mass_MeV"
        }

        init(_ scan: ParameterScan) {
            parameter = scan.parameter.path
            massMeV = TableNumber(scan.massGeV * 1000)
            variant = scan.variant
            channel = scan.channel.name
            confidence = TableNumber(scan.confidence)
            let columns = ParameterScanTable.limitColumns(for: scan.channel)
            points = scan.points.map { PointJSON($0, columns: columns) }
        }
    }

    /// One value of the parameter: the value, its unit and every limit column.
    struct PointJSON: Encodable {
        let point: ParameterScan.Point
        let columns: [TableColumn<SensitivityPoint>]

        init(_ point: ParameterScan.Point, columns: [TableColumn<SensitivityPoint>]) {
            self.point = point
            self.columns = columns
        }

        func encode(to encoder: Encoder) throws {
            try ColumnObject(point.sensitivity, columns: columns).encode(to: encoder)
            var container = encoder.container(keyedBy: ValueKeys.self)
            try container.encode(TableNumber(point.value), forKey: .value)
            try container.encode(point.unit, forKey: .unit)
        }

        enum ValueKeys: String, CodingKey { case value, unit }
    }

    /// Non-finite limits, one message per column, for stderr.
    public static func warnings(_ scan: ParameterScan) -> [String] {
        limitColumns(for: scan.channel).compactMap { column in
            let bad = scan.points.filter { !column.value($0.sensitivity).isFinite }
            guard let first = bad.first else { return nil }
            return "\(column.name) is not finite at \(bad.count) value(s), first at \(scan.parameter.path) = \(first.text)"
        }
    }
}
