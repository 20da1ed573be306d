import Foundation
import Physics

/// A search's counts per mass hypothesis, as a collaboration has them after unblinding (seed 000
/// Fig. 4 left and Sec. 5): the observed events N_obs, the expected background N_exp ± δN_exp,
/// and what turns signal events into the parameter — the acceptance A_N or a single-event
/// sensitivity. `reach limit --table` computes observed and expected limits from it.
///
/// File format (CSV; `#` starts a comment line, blank lines are ignored):
///
///     mass_MeV,n_obs,n_exp,dn_exp,acceptance
///     250,1932,1890.5,28.1,0.28
///
/// - Columns by name, in any order: `mass_MeV` or `mass_GeV`, `n_obs` (an integer ≥ 0), `n_exp`
///   and `dn_exp` (events ≥ 0); optionally one of `acceptance` (A_N in (0, 1]), `u2_ses`
///   (|U|²_SES > 0) or `br_ses` (B_SES > 0).
/// - Masses strictly increasing, at least one row.
public struct CountTable: Sendable, Equatable {
    /// How the table converts signal events into the parameter of interest.
    public enum Conversion: String, Sendable, Equatable {
        case acceptance, u2SES = "u2_ses", branchingSES = "br_ses"
    }

    public struct Row: Sendable, Equatable {
        public var massGeV: Double
        public var observed: Int
        public var expected: Double
        public var expectedUncertainty: Double
        /// A_N, |U|²_SES or B_SES, as `conversion` says.
        public var conversionValue: Double?
    }

    public var rows: [Row]
    public var conversion: Conversion?

    /// A malformed count table, named as such in the message.
    static func error(source: String, line: Int?, column: Int?, message: String) -> BackgroundTableError {
        BackgroundTableError(source: source, line: line, column: column, message: message, kind: "count table")
    }

    /// Events in a table are below 10¹⁵ (an observed count is an exact integer below that).
    public static let maximumEvents = 1e15

    public static func parse(_ text: String, source: String) throws(BackgroundTableError) -> CountTable {
        var columns: [String: Int]?
        var massScale = 1.0
        var conversion: Conversion?
        var rows: [Row] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let header = columns else {
                (columns, massScale, conversion) = try parseHeader(cells, source: source, line: number)
                continue
            }
            guard cells.count == header.count else {
                throw Self.error(source: source, line: number, column: nil, 
                                           message: "expected \(header.count) comma-separated values as in the header, found \(cells.count)")
            }
            func value(_ name: String, _ expected: String, _ isValid: (Double) -> Bool) throws(BackgroundTableError) -> Double {
                let column = header[name]!
                guard let x = Quantity.parseNumber(cells[column]), isValid(x) else {
                    throw Self.error(source: source, line: number, column: column + 1,
                                               message: "\(name) = '\(cells[column])' (expected \(expected))")
                }
                return x
            }
            let massName = header["mass_MeV"] != nil ? "mass_MeV" : "mass_GeV"
            let mass = try value(massName, "a mass > 0", { $0 > 0 && $0 * massScale < 10 }) * massScale
            if let previous = rows.last, mass <= previous.massGeV {
                throw Self.error(source: source, line: number, column: header[massName]! + 1,
                                           message: "\(massName) = '\(cells[header[massName]!])' does not increase (rows must be in strictly increasing mass)")
            }
            let observed = try value("n_obs", "an integer number of events in [0, 1e15)", { $0 >= 0 && $0 == $0.rounded() && $0 < maximumEvents })
            let expected = try value("n_exp", "an expected number of events in [0, 1e15)", { $0 >= 0 && $0 < maximumEvents })
            let uncertainty = try value("dn_exp", "an uncertainty in events in [0, 1e15)", { $0 >= 0 && $0 < maximumEvents })
            let converted: Double? = try conversion.map { conversion throws(BackgroundTableError) in
                switch conversion {
                case .acceptance: return try value("acceptance", "an acceptance in (0, 1]", { $0 > 0 && $0 <= 1 })
                case .u2SES, .branchingSES: return try value(conversion.rawValue, "a single-event sensitivity in (0, 1]", { $0 > 0 && $0 <= 1 })
                }
            }
            rows.append(Row(massGeV: mass, observed: Int(observed), expected: expected, expectedUncertainty: uncertainty, conversionValue: converted))
        }
        guard columns != nil else {
            throw Self.error(source: source, line: nil, column: nil, message: "no header line (expected e.g. 'mass_MeV,n_obs,n_exp,dn_exp,acceptance')")
        }
        guard !rows.isEmpty else {
            throw Self.error(source: source, line: nil, column: nil, message: "no data rows (expected at least one mass)")
        }
        return CountTable(rows: rows, conversion: conversion)
    }

    /// Column positions, the mass unit and the conversion column from the header.
    private static func parseHeader(_ cells: [String], source: String, line: Int) throws(BackgroundTableError) -> ([String: Int], Double, Conversion?) {
        let known = ["mass_MeV", "mass_GeV", "n_obs", "n_exp", "dn_exp", "acceptance", "u2_ses", "br_ses"]
        var columns: [String: Int] = [:]
        for (index, cell) in cells.enumerated() {
            guard known.contains(cell) else {
                throw Self.error(source: source, line: line, column: index + 1,
                                           message: "unknown column '\(cell)' (expected \(known.joined(separator: ", ")))")
            }
            guard columns[cell] == nil else {
                throw Self.error(source: source, line: line, column: index + 1, message: "column '\(cell)' given twice")
            }
            columns[cell] = index
        }
        let masses = ["mass_MeV", "mass_GeV"].filter { columns[$0] != nil }
        guard masses.count == 1 else {
            throw Self.error(source: source, line: line, column: nil, message: "expected one mass column, mass_MeV or mass_GeV")
        }
        for required in ["n_obs", "n_exp", "dn_exp"] where columns[required] == nil {
            throw Self.error(source: source, line: line, column: nil, message: "no '\(required)' column (expected mass, n_obs, n_exp, dn_exp)")
        }
        let conversions = Conversion.allCasesInOrder.filter { columns[$0.rawValue] != nil }
        guard conversions.count <= 1 else {
            throw Self.error(source: source, line: line, column: nil,
                                       message: "\(conversions.map(\.rawValue).joined(separator: " and ")) given together (expected at most one of acceptance, u2_ses, br_ses)")
        }
        return (columns, masses[0] == "mass_MeV" ? 1e-3 : 1, conversions.first)
    }
}

extension CountTable.Conversion {
    static let allCasesInOrder: [CountTable.Conversion] = [.acceptance, .u2SES, .branchingSES]
}
