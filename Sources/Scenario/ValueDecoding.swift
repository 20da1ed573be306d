import Physics
import Statistics

/// An allowed interval for a decoded number (in canonical units for quantities).
struct ValueRange: Sendable {
    var lower: Double?
    var lowerInclusive = true
    var upper: Double?
    var upperInclusive = true

    func contains(_ x: Double) -> Bool {
        if let lower, lowerInclusive ? x < lower : x <= lower { return false }
        if let upper, upperInclusive ? x > upper : x >= upper { return false }
        return true
    }

    static let any = ValueRange()
    /// [0, 1]: efficiencies, inefficiencies, acceptances.
    static let fraction = ValueRange(lower: 0, upper: 1)
    /// (0, 1]
    static let positiveFraction = ValueRange(lower: 0, lowerInclusive: false, upper: 1)
    /// (0.5, 0.9999]: confidence levels where the statistics mean something (`ConfidenceLevel`).
    static let confidenceLevel = ValueRange(lower: ConfidenceLevel.exclusiveLowerBound, lowerInclusive: false, upper: ConfidenceLevel.upperBound)
    /// > 0
    static let positive = ValueRange(lower: 0, lowerInclusive: false)
    /// ≥ 0
    static let nonNegative = ValueRange(lower: 0)
}

/// Readers for scalar values: plain numbers, quantities with units, names and choices. Each
/// reports what is wrong at the node's position and returns nil, so decoding goes on and finds
/// the next problem too. `expected` is the whole "expected …" text for the field.
enum ValueDecoding {
    /// A plain (dimensionless) number: `4.5e12`, `4.5e+12`, `4.5×10^12`, `0.1`.
    static func number(_ node: SourceNode, range: ValueRange, expected: String, log: DiagnosticLog) -> Double? {
        guard let text = scalarText(node, expected: expected, log: log) else { return nil }
        guard let value = Quantity.parseNumber(text) else {
            log.report(node, NotANumber.diagnosis(of: text, field: node.path), expected: expected)
            return nil
        }
        guard range.contains(value) else {
            log.report(node, "'\(text.quotedForMessage)' is out of range", expected: expected)
            return nil
        }
        return value
    }

    /// A quantity with a unit of `dimension`, converted to its canonical unit (GeV, GeV^2, rad).
    static func quantity(_ node: SourceNode, _ dimension: Quantity.Dimension, range: ValueRange, expected: String, log: DiagnosticLog) -> Double? {
        guard let text = scalarText(node, expected: expected, log: log) else { return nil }
        switch Quantity.parse(text, as: dimension) {
        case .failure(let problem):
            let units = dimension.acceptedUnits.joined(separator: ", ")
            log.report(node, problem.description.quotedForMessage, expected: "\(expected) (units: \(units))")
            return nil
        case .success(let quantity):
            guard range.contains(quantity.canonicalValue) else {
                log.report(node, "'\(text.quotedForMessage)' is out of range", expected: expected)
                return nil
            }
            return quantity.canonicalValue
        }
    }

    /// Non-empty text (a name, a label, a path) of one line without control characters: it is
    /// drawn on figures, written into tables and used in file names, where a NUL, a tab or a
    /// line break would cut, shift or split it.
    static func text(_ node: SourceNode, expected: String, log: DiagnosticLog) -> String? {
        guard let text = scalarText(node, expected: expected, log: log) else { return nil }
        guard !text.allSatisfy({ $0.isWhitespace }) else {
            log.report(node, "empty text", expected: expected)
            return nil
        }
        if let control = text.unicodeScalars.first(where: isControl) {
            log.report(node, "'\(text.quotedForMessage)' contains the control character \(controlCharacterName(control.value))",
                       expected: expected + ", on one line without control characters")
            return nil
        }
        return text
    }

    /// Unicode control characters (C0, DEL, C1) and the line and paragraph separators.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    private static let controlNames: [UInt32: String] = [0x0: "NUL", 0x9: "tab", 0xA: "line feed", 0xD: "carriage return", 0x7F: "DEL"]

    /// A character named by its code point, `U+0007`, with the usual name where it has one
    /// (`U+0009 (tab)`).
    static func controlCharacterName(_ value: UInt32) -> String {
        let code = String(value, radix: 16, uppercase: true)
        let name = controlNames[value].map { " (\($0))" } ?? ""
        return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + name
    }

    /// One of a fixed set of words; suggests the closest on a typo.
    static func choice<T>(_ node: SourceNode, _ options: [(name: String, value: T)], expected: String, log: DiagnosticLog) -> T? {
        guard let text = scalarText(node, expected: expected, log: log) else { return nil }
        if let match = options.first(where: { $0.name == text }) { return match.value }
        let names = options.map(\.name)
        log.report(node, "unknown value '\(text.quotedForMessage)'",
                   expected: "one of " + names.joined(separator: ", ") + DidYouMean.hint(for: text, among: names))
        return nil
    }

    /// The cases of a string enum as choices, in declaration order.
    static func cases<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> [(name: String, value: T)] where T.RawValue == String {
        T.allCases.map { ($0.rawValue, $0) }
    }

    /// The scalar text of `node`; reports a missing value, a list or a mapping.
    static func scalarText(_ node: SourceNode, expected: String, log: DiagnosticLog) -> String? {
        switch node.content {
        case .scalar(let text): return text
        case .null: log.report(node, "no value", expected: expected)
        case .mapping, .sequence: log.report(node, node.foundDescription, expected: expected)
        }
        return nil
    }

    /// The elements of a list; reports anything else.
    static func list(_ node: SourceNode, expected: String, log: DiagnosticLog) -> [SourceNode]? {
        guard let elements = node.elements else {
            log.report(node, node.foundDescription, expected: expected)
            return nil
        }
        return elements
    }
}
