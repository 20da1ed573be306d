import Foundation

/// The table `reach limit --table` writes: per mass, the inputs, then the observed and expected
/// (median, ±1σ, ±2σ) limits in signal events, and in B and |U|² where the single-event
/// sensitivities are known (columns left empty where they are not).
public enum CountTableLimitTable {
    typealias Point = CountTableLimits.Point

    /// Five columns for one quantity: observed, expected median and the band edges.
    static func limitColumns(_ prefix: String, unit: String, scale: @escaping @Sendable (Point) -> Double?) -> [TableColumn<Point>] {
        func scaled(_ events: @escaping @Sendable (Point) -> Double) -> @Sendable (Point) -> Double {
            { point in scale(point).map { events(point) * $0 } ?? .nan }
        }
        return [
            TableColumn("\(prefix)_observed", unit: unit, scaled(\.observedEvents)),
            TableColumn("\(prefix)_expected", unit: unit, scaled(\.expectedEvents.median)),
            TableColumn("\(prefix)_expected_minus2sigma", unit: unit, scaled(\.expectedEvents.minus2)),
            TableColumn("\(prefix)_expected_minus1sigma", unit: unit, scaled(\.expectedEvents.minus1)),
            TableColumn("\(prefix)_expected_plus1sigma", unit: unit, scaled(\.expectedEvents.plus1)),
            TableColumn("\(prefix)_expected_plus2sigma", unit: unit, scaled(\.expectedEvents.plus2)),
        ]
    }

    static let columns: [TableColumn<Point>] = [
        TableColumn("mass_MeV", unit: "MeV") { $0.row.massGeV * 1000 },
        TableColumn("n_obs", unit: "events") { Double($0.row.observed) },
        TableColumn("n_exp", unit: "events") { $0.row.expected },
        TableColumn("dn_exp", unit: "events") { $0.row.expectedUncertainty },
    ] + limitColumns("ns", unit: "events") { _ in 1 }
      + limitColumns("br", unit: "1") { $0.branchingSES }
      + limitColumns("u2", unit: "|U|^2") { $0.u2SES }

    /// Column names, in order.
    public static var names: [String] { columns.map(\.name) }

    public static func csv(_ points: [CountTableLimits.Point]) -> String {
        var text = columns.map(\.name).joined(separator: ",") + "\n"
        for point in points {
            text += columns.map { TableFormatting.csvNumber($0.value(point)) }.joined(separator: ",") + "\n"
        }
        return text
    }

    public static func json(_ points: [CountTableLimits.Point], confidence: Double) -> String {
        struct Document: Encodable {
            let confidence: Double
            let points: [ColumnObject]
        }
        return TableFormatting.json(Document(confidence: confidence, points: points.map { ColumnObject($0, columns: columns) }))
    }
}
