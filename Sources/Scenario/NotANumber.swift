import Foundation
import Physics

/// What is wrong with text written where a plain number belongs, in the words of the mistake:
/// a percentage, a yes/no value, a number followed by a word, a unit on a dimensionless value.
enum NotANumber {
    /// The YAML 1.1 spellings of booleans.
    static let booleans: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n"]

    /// The message for `text` in the field at `field` (its last key names the quantity).
    static func diagnosis(of text: String, field: String) -> String {
        let quoted = "'\(text.quotedForMessage)'"
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if booleans.contains(trimmed.lowercased()) {
            return "\(quoted) is a yes/no value (a boolean), but this value is a number"
        }
        if trimmed.hasSuffix("%"), let percent = Quantity.parseNumber(String(trimmed.dropLast())) {
            return "\(quoted) is a percentage: write fractions as numbers: \(fraction(percent / 100))"
        }
        if Quantity.Dimension.allCases.contains(where: { (try? Quantity.parse(text, as: $0).get()) != nil }) {
            return "\(quoted) has a unit, but this value is a plain number"
        }
        let (number, rest) = Quantity.splitNumberAndUnit(trimmed)
        if !rest.isEmpty, let value = Double(number), value.isFinite {
            return "\(quoted): write \(noun(of: field)) as a plain number: \(number)"
        }
        return "\(quoted) is not a finite number"
    }

    /// 0.1 as "0.10", 0.005 as "0.005": two decimals when they are exact.
    static func fraction(_ value: Double) -> String {
        let twoDecimals = String(format: "%.2f", value)
        return Double(twoDecimals) == value ? twoDecimals : NumberText.plain(value)
    }

    /// `base.exposure.streams[0].kaon_decays` → "kaon decays".
    static func noun(of field: String) -> String {
        var last = field.split(separator: ".").last.map(String.init) ?? field
        if let bracket = last.firstIndex(of: "[") { last = String(last[..<bracket]) }
        return last.isEmpty ? "the value" : last.replacingOccurrences(of: "_", with: " ")
    }
}
