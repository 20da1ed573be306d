import Foundation
import Physics

/// The expected background above each cut of a cut-region search, as a collaboration estimates
/// it (seed 000 Sec. 6 and Fig. 7 left): N_exp(m0²) events with m²_miss > m0² and their
/// uncertainty δN_exp(m0²), for the variant's exposure. `background: {table: …, kind: above}`.
///
/// File format (CSV; `#` starts a comment line, blank lines are ignored):
///
///     m0_GeV2,n_exp,dn_exp
///     0.08,9120,1130
///     0.10,7549,928
///
/// - Columns by name, in any order: `m0_GeV2` (strictly increasing), `n_exp` and `dn_exp`
///   (events ≥ 0); at least one row. Between rows both are interpolated linearly in m0²;
///   outside the rows nothing is known (`value` is nil).
public struct CutTable: Sendable, Equatable {
    public var cutsGeV2: [Double]
    public var events: [Double]
    public var uncertainties: [Double]

    static let columns = ["m0_GeV2", "n_exp", "dn_exp"]

    static func error(source: String, line: Int?, column: Int?, message: String) -> BackgroundTableError {
        BackgroundTableError(source: source, line: line, column: column, message: message, kind: "cut table")
    }

    /// N_exp and δN_exp above `m0GeV2`, linear between rows; nil outside [first, last] row.
    public func value(atGeV2 m0: Double) -> (events: Double, uncertainty: Double)? {
        guard let first = cutsGeV2.first, let last = cutsGeV2.last, m0 >= first, m0 <= last else { return nil }
        guard let upper = cutsGeV2.firstIndex(where: { $0 >= m0 }) else { return nil }
        if cutsGeV2[upper] == m0 || upper == 0 { return (events[upper], uncertainties[upper]) }
        let lower = upper - 1
        let t = (m0 - cutsGeV2[lower]) / (cutsGeV2[upper] - cutsGeV2[lower])
        return (events[lower] + t * (events[upper] - events[lower]), uncertainties[lower] + t * (uncertainties[upper] - uncertainties[lower]))
    }

    /// The m0² range the rows cover [GeV²].
    public var rangeGeV2: ClosedRange<Double> { cutsGeV2[0]...cutsGeV2[cutsGeV2.count - 1] }

    public static func parse(_ text: String, source: String) throws(BackgroundTableError) -> CutTable {
        var header: [String: Int]?
        var table = CutTable(cutsGeV2: [], events: [], uncertainties: [])
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let columns = header else {
                var found: [String: Int] = [:]
                for (index, cell) in cells.enumerated() {
                    guard Self.columns.contains(cell), found[cell] == nil else {
                        throw error(source: source, line: number, column: index + 1,
                                    message: "column '\(cell)' \(found[cell] == nil ? "is unknown" : "given twice") (expected m0_GeV2, n_exp, dn_exp)")
                    }
                    found[cell] = index
                }
                for required in Self.columns where found[required] == nil {
                    throw error(source: source, line: number, column: nil, message: "no '\(required)' column (expected m0_GeV2, n_exp, dn_exp)")
                }
                header = found
                continue
            }
            guard cells.count == columns.count else {
                throw error(source: source, line: number, column: nil,
                            message: "expected \(columns.count) comma-separated values as in the header, found \(cells.count)")
            }
            func value(_ name: String, _ expected: String, _ isValid: (Double) -> Bool) throws(BackgroundTableError) -> Double {
                let column = columns[name]!
                guard let x = Quantity.parseNumber(cells[column]), x.isFinite, isValid(x) else {
                    throw error(source: source, line: number, column: column + 1, message: "\(name) = '\(cells[column])' (expected \(expected))")
                }
                return x
            }
            let m0 = try value("m0_GeV2", "a cut m0^2 in [0, 1] GeV^2", { $0 >= 0 && $0 <= 1 })
            if let previous = table.cutsGeV2.last, m0 <= previous {
                throw error(source: source, line: number, column: columns["m0_GeV2"]! + 1,
                            message: "m0_GeV2 = '\(cells[columns["m0_GeV2"]!])' does not increase (rows must be in strictly increasing m0^2)")
            }
            table.cutsGeV2.append(m0)
            table.events.append(try value("n_exp", "an expected number of events in [0, 1e15)", { $0 >= 0 && $0 < CountTable.maximumEvents }))
            table.uncertainties.append(try value("dn_exp", "an uncertainty in events in [0, 1e15)", { $0 >= 0 && $0 < CountTable.maximumEvents }))
        }
        guard header != nil else { throw error(source: source, line: nil, column: nil, message: "no header line (expected 'm0_GeV2,n_exp,dn_exp')") }
        guard !table.cutsGeV2.isEmpty else { throw error(source: source, line: nil, column: nil, message: "no data rows (expected at least one m0^2)") }
        return table
    }
}
