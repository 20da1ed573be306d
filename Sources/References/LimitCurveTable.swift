/// Reader for limit-curve tables: CSV with a header naming the mass unit,
/// `mass_MeV,U2` (the bundled format) or `mass_GeV,U2`, then one point per line.
/// Masses must increase strictly and |U|² be positive (linear, not log₁₀).
public enum LimitCurveTable {
    /// A problem in a table, with its 1-based line.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Parses `text`; returns masses in MeV and |U|².
    public static func parse(_ text: String) -> Result<(massesMeV: [Double], u2: [Double]), Error> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while let last = lines.last, last.allSatisfy({ $0 == " " }) { lines.removeLast() }
        guard let header = lines.first else { return .failure(Error(line: 1, message: "empty table; expected a header 'mass_MeV,U2'")) }
        let columns = header.split(separator: ",").map { $0.filter { $0 != " " } }
        let massFactorToMeV: Double
        switch columns.first {
        case "mass_MeV": massFactorToMeV = 1
        case "mass_GeV": massFactorToMeV = 1000
        default:
            return .failure(Error(line: 1, message: "header '\(header)' does not name the mass unit; expected 'mass_MeV,U2' or 'mass_GeV,U2'"))
        }
        guard columns.count == 2 else {
            return .failure(Error(line: 1, message: "header '\(header)' has \(columns.count) columns; expected 2 columns, 'mass_MeV,U2' or 'mass_GeV,U2'"))
        }
        guard columns[1] == "U2" else {
            return .failure(Error(line: 1, message: "header '\(header)' has no U2 column; expected 'mass_MeV,U2' or 'mass_GeV,U2'"))
        }
        var masses: [Double] = []
        var values: [Double] = []
        for (index, line) in lines.enumerated().dropFirst() {
            let number = index + 1
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " }) { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
            guard fields.count == 2 else {
                return .failure(Error(line: number, message: "'\(line)' has \(fields.count) values; expected 2, 'mass,U2'"))
            }
            guard let mass = Double(fields[0]), let u2 = Double(fields[1]), mass.isFinite, u2.isFinite else {
                return .failure(Error(line: number, message: "'\(line)' is not two numbers; expected 'mass,U2'"))
            }
            guard mass >= 0 else { return .failure(Error(line: number, message: "mass \(fields[0]) is negative; expected a mass ≥ 0")) }
            guard u2 > 0 else { return .failure(Error(line: number, message: "U2 \(fields[1]) is not positive; expected |U|² > 0 (linear, not log10)")) }
            let massMeV = mass * massFactorToMeV
            guard massMeV.isFinite else { return .failure(Error(line: number, message: "mass \(fields[0]) overflows in MeV; expected a finite mass")) }
            if let previous = masses.last, massMeV <= previous {
                return .failure(Error(line: number, message: "mass \(fields[0]) does not increase; expected masses in strictly increasing order"))
            }
            masses.append(massMeV)
            values.append(u2)
        }
        guard masses.count >= 2 else {
            return .failure(Error(line: lines.count, message: "\(masses.count) point(s); expected at least 2 points"))
        }
        return .success((masses, values))
    }
}
