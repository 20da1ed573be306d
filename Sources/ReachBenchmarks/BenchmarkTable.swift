import Foundation

/// One line of the `make bench` table: a quantity, what was measured, its target and whether
/// the target is met (nil: not measured).
struct BenchmarkRow {
    var quantity: String
    var measured: String
    var target: String
    var met: Bool?
}

/// Plain-text table with aligned columns (widths counted in characters, so µ and ≥ align).
enum BenchmarkTable {
    static let header = ["quantity", "measured", "target", "met?"]

    static func render(_ rows: [BenchmarkRow]) -> String {
        let cells = [header] + rows.map { [$0.quantity, $0.measured, $0.target, $0.met.map { $0 ? "yes" : "NO" } ?? "-"] }
        let widths = (0..<header.count).map { column in cells.map { $0[column].count }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ")
                .trimmingCharacters(in: .whitespaces)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")
        return ([line(header), rule] + cells.dropFirst().map(line)).joined(separator: "\n")
    }
}

/// Seconds as text with a unit that suits them.
func formatSeconds(_ seconds: Double) -> String {
    if seconds < 1e-3 { return String(format: "%.0f µs", seconds * 1e6) }
    if seconds < 0.1 { return String(format: "%.1f ms", seconds * 1e3) }
    return String(format: "%.3f s", seconds)
}
