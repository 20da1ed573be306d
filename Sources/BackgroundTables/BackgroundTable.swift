import Foundation
import Physics
import Quadrature

/// A user-supplied background spectrum dN/dm²_miss, e.g. from a full detector simulation,
/// used instead of the built-in generator (docs/physics.md §5.11).
///
/// File format (CSV, text parsed by `BackgroundTable.parse`):
///
///     # comment lines start with '#'; blank lines are ignored
///     m2_GeV2,dN_dm2_per_GeV2
///     0.010,3.1e-3
///     0.012,2.7e-3
///
/// - The header names the units: first column `m2_GeV2` or `m2_MeV2` (reconstructed m²_miss),
///   second `dN_dm2_per_GeV2` or `dN_dm2_per_MeV2` (events per unit m²_miss); `GeV^2`/`MeV^2`
///   spellings are accepted too.
/// - Rows: m²_miss strictly increasing in [−10, 10] GeV², densities in [0, 10³⁰] per GeV², at
///   least two rows.
/// - The table is the *reconstructed* spectrum after acceptance, resolution and veto: the
///   window count is its integral (linear interpolation between rows, zero outside the table).
/// - Normalisation: per kaon decay, or for a stated number of kaon decays (scaled to N_K).
public struct BackgroundTable: Sendable, Equatable {
    /// Reconstructed m²_miss at the rows [GeV²].
    public var m2GeV2: [Double]
    /// dN/dm²_miss at the rows [events per GeV²], in the table's own normalisation.
    public var densityPerGeV2: [Double]

    /// m²_miss beyond ±10 GeV² is far outside every channel's kinematic range (m_K² ≈ 0.24 GeV²).
    public static let m2RangeGeV2: ClosedRange<Double> = -10...10
    /// The largest density, per GeV²: a table for at most 10²⁰ kaon decays (the scenario's bound
    /// on N_K), each in a peak no narrower than the smallest resolution, 10⁻⁹ GeV², stays below
    /// 10²⁹; with the scale N_K / N_table ≤ 10²⁰ every window count is finite.
    public static let maximumDensityPerGeV2 = 1e30

    public init(m2GeV2: [Double], densityPerGeV2: [Double]) {
        self.m2GeV2 = m2GeV2
        self.densityPerGeV2 = densityPerGeV2
    }

    /// The table reflected about m²_miss = 0: density(m²) = this table's density at −m², for a
    /// table of the m²_miss ≤ 0 side (seed 000 Sec. 4 takes the positive tail of K+ → μ+ ν(γ) as
    /// the mirror image of the negative one).
    public func mirrored() -> BackgroundTable {
        BackgroundTable(m2GeV2: m2GeV2.reversed().map { -$0 }, densityPerGeV2: densityPerGeV2.reversed())
    }

    /// Parses the CSV text of a background table; `source` names the file in error messages.
    public static func parse(_ text: String, source: String) throws(BackgroundTableError) -> BackgroundTable {
        var m2Scale: Double?
        var densityScale = 1.0
        var m2: [Double] = []
        var density: [Double] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            let number = offset + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let scale = m2Scale else {
                (m2Scale, densityScale) = try parseHeader(cells, source: source, line: number)
                continue
            }
            guard cells.count == 2 else {
                throw BackgroundTableError(source: source, line: number, column: nil,
                                           message: "expected 2 comma-separated values (m²_miss, dN/dm²_miss), found \(cells.count)")
            }
            guard let x = Quantity.parseNumber(cells[0]) else {
                throw BackgroundTableError(source: source, line: number, column: 1, message: "'\(cells[0])' is not a number (expected m²_miss)")
            }
            guard let y = Quantity.parseNumber(cells[1]) else {
                throw BackgroundTableError(source: source, line: number, column: 2, message: "'\(cells[1])' is not a number (expected dN/dm²_miss)")
            }
            guard y >= 0 else {
                throw BackgroundTableError(source: source, line: number, column: 2, message: "dN/dm²_miss = \(cells[1]) is negative (expected ≥ 0)")
            }
            // Finite in the file but possibly not after the unit conversion (×10⁶ per MeV²).
            let m2Value = x * scale, densityValue = y * densityScale
            guard densityValue <= maximumDensityPerGeV2 else {
                throw BackgroundTableError(source: source, line: number, column: 2,
                                           message: "dN/dm²_miss = \(cells[1]) is above 1e30 per GeV² (expected a density in [0, 1e30] per GeV², 1e24 per MeV²)")
            }
            guard m2RangeGeV2.contains(m2Value) else {
                throw BackgroundTableError(source: source, line: number, column: 1,
                                           message: "m²_miss = \(cells[0]) is outside [-10, 10] GeV² (expected m²_miss in [-10, 10] GeV², [-1e7, 1e7] MeV²)")
            }
            if let previous = m2.last, m2Value <= previous {
                throw BackgroundTableError(source: source, line: number, column: 1,
                                           message: "m²_miss = \(cells[0]) does not increase (previous row has a value ≥ it; rows must be strictly increasing)")
            }
            m2.append(m2Value)
            density.append(densityValue)
        }
        guard m2Scale != nil else {
            throw BackgroundTableError(source: source, line: nil, column: nil,
                                       message: "no header line (expected e.g. 'm2_GeV2,dN_dm2_per_GeV2')")
        }
        guard m2.count >= 2 else {
            throw BackgroundTableError(source: source, line: nil, column: nil,
                                       message: "\(m2.count) data row(s) (expected at least 2)")
        }
        return BackgroundTable(m2GeV2: m2, densityPerGeV2: density)
    }

    /// Unit factors (to GeV², to per GeV²) from the header cells.
    private static func parseHeader(_ cells: [String], source: String, line: Int) throws(BackgroundTableError) -> (Double, Double) {
        guard cells.count == 2 else {
            throw BackgroundTableError(source: source, line: line, column: nil,
                                       message: "header has \(cells.count) column(s) (expected 2: 'm2_GeV2,dN_dm2_per_GeV2' or the MeV² forms)")
        }
        func unit(_ cell: String) -> Double? {
            let compact = cell.lowercased().replacingOccurrences(of: "^", with: "")
            if compact.hasSuffix("gev2") { return 1 }
            if compact.hasSuffix("mev2") { return 1e-6 }
            return nil
        }
        guard cells[0].lowercased().hasPrefix("m2"), let m2Unit = unit(cells[0]) else {
            throw BackgroundTableError(source: source, line: line, column: 1,
                                       message: "header '\(cells[0])' (expected 'm2_GeV2' or 'm2_MeV2')")
        }
        guard cells[1].lowercased().hasPrefix("dn"), let perUnit = unit(cells[1]) else {
            throw BackgroundTableError(source: source, line: line, column: 2,
                                       message: "header '\(cells[1])' (expected 'dN_dm2_per_GeV2' or 'dN_dm2_per_MeV2')")
        }
        // A density per MeV² is 10⁶ times larger per GeV².
        return (m2Unit, 1 / perUnit)
    }

    /// ∫ dN/dm² over [lo, hi] [events in the table's normalisation]; zero outside the table.
    public func integral(fromGeV2 lo: Double, toGeV2 hi: Double) -> Double {
        guard let first = m2GeV2.first, let last = m2GeV2.last else { return 0 }
        let a = max(lo, first), b = min(hi, last)
        guard b > a else { return 0 }
        return PiecewiseLinear.integral(from: a, to: b, xs: m2GeV2, ys: densityPerGeV2)
    }

    /// CSV text of a spectrum in this format (GeV² units), e.g. to hand a generated background
    /// to another tool or back to `reach`.
    public static func csv(m2GeV2: [Double], densityPerGeV2: [Double], comment: String? = nil) -> String {
        var text = ""
        if let comment {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) { text += "# \(line)\n" }
        }
        text += "m2_GeV2,dN_dm2_per_GeV2\n"
        for (x, y) in zip(m2GeV2, densityPerGeV2) { text += "\(x),\(y)\n" }
        return text
    }
}

/// A malformed table: what is wrong and where (file, line, column).
public struct BackgroundTableError: Error, Equatable, CustomStringConvertible {
    public var source: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What the file should have been: "background table", "count table".
    public var kind: String

    public init(source: String, line: Int?, column: Int?, message: String, kind: String = "background table") {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        self.kind = kind
    }

    public var description: String {
        var place = source
        if let line { place += ":\(line)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(kind): \(message)"
    }
}
