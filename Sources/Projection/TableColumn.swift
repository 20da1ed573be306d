import Foundation

/// One numeric column of an output table, declared once so that the CSV header, the CSV row,
/// the JSON key and the checks on the values cannot drift apart: its name (as written in both
/// formats), its unit, and how a row gives its value.
public struct TableColumn<Row>: Sendable {
    public let name: String
    /// `MeV`, `GeV^2`, `events`, `|U|^2`, or `1` for a pure number.
    public let unit: String
    let value: @Sendable (Row) -> Double

    public init(_ name: String, unit: String, _ value: @escaping @Sendable (Row) -> Double) {
        self.name = name
        self.unit = unit
        self.value = value
    }

    /// A |U|² column (checked for unphysical values above 1).
    var isCoupling: Bool { unit == "|U|^2" }
}

/// A table's number in JSON: 6 significant digits as in the CSV (`TableFormatting.format`),
/// `null` where it is not finite.
struct TableNumber: Encodable {
    let value: Double

    init(_ value: Double) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite, let rounded = Double(TableFormatting.format(value)) {
            try container.encode(rounded)
        } else {
            try container.encodeNil()
        }
    }
}

/// An object whose keys are column names, in JSON.
struct ColumnObject: Encodable {
    let fields: [(name: String, value: TableNumber)]

    init<Row>(_ row: Row, columns: [TableColumn<Row>]) {
        fields = columns.map { ($0.name, TableNumber($0.value(row))) }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in fields { try container.encode(field.value, forKey: Key(stringValue: field.name)) }
    }
}

/// The number and text formats shared by every table of the tool: deterministic, locale-free.
public enum TableFormatting {
    /// 6 significant digits, `%g` style (`0.0135`, `1.5e+08`), locale-independent.
    public static func format(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.6g", locale: nil, value)
    }

    /// A CSV number: empty where it is not finite.
    static func csvNumber(_ value: Double) -> String { value.isFinite ? format(value) : "" }

    /// A CSV text field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// JSON of `value` through Foundation's encoder: keys sorted, two-space indentation,
    /// a final line break — the same bytes for the same value.
    public static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
