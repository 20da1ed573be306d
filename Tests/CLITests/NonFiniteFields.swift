import Foundation

/// Values of a result that are not finite numbers (`nan`, `inf`, `-Infinity`, any case): a
/// result must never hold one. Text columns and quoted strings are skipped, since a label may
/// be any word.
enum NonFiniteFields {
    private static let words: Set<String> = ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"]

    /// Columns of the tables that hold text, not numbers.
    private static let textColumns: Set<String> = ["variant", "scenario", "channel", "statistic", "parameter", "value"]

    private static func isNonFinite(_ field: some StringProtocol) -> Bool {
        words.contains(field.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// `column: field` for every non-finite cell of a CSV table (`#` lines are comments).
    static func inCSV(_ text: String) -> [String] {
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { cells(of: String($0)) }
        guard let header = rows.first else { return [] }
        var found: [String] = []
        for row in rows.dropFirst() {
            for (index, cell) in row.enumerated() where isNonFinite(cell) {
                let column = index < header.count ? header[index] : "column \(index + 1)"
                if !textColumns.contains(column) { found.append("\(column): \(cell)") }
            }
        }
        return found
    }

    /// Every non-finite bare value of a JSON text.
    static func inJSON(_ text: String) -> [String] {
        let unquoted = text.replacingOccurrences(of: #""(\\.|[^"\\])*""#, with: "\"\"", options: .regularExpression)
        return unquoted.components(separatedBy: CharacterSet(charactersIn: ",:[]{} \n\t\r")).filter(isNonFinite)
    }

    /// Every non-finite word of a text report (words split at spaces and `=,:;()`).
    static func inText(_ text: String) -> [String] {
        text.components(separatedBy: CharacterSet(charactersIn: " \n\t=,:;()")).filter(isNonFinite)
    }

    /// The cells of one CSV line; a double-quoted cell may hold commas and doubled quotes.
    private static func cells(of line: String) -> [String] {
        var cells: [String] = [], current = "", quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\"" where quoted:
                quoted = false
            case "\"" where current.isEmpty:
                quoted = true
            case "," where !quoted:
                cells.append(current)
                current = ""
            default:
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }
}
