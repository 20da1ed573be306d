/// Reader for the table `reach limit --table` writes (`mass_MeV, n_obs, n_exp, dn_exp`, then per
/// quantity `_observed`, `_expected` and the ±1σ/±2σ edges), drawn on a figure as a published
/// result is: the observed limit with the expected median and its bands. Its header identifies
/// it; the figure reads the columns of its y axis, |U|² (`u2_*`) or B (`br_*`), which the tool
/// leaves empty where it was given no conversion — such a table is refused, not drawn empty.
public enum ObservedLimitTable {
    /// The quantity read, by its column prefix.
    public enum Parameter: String, Sendable, Equatable {
        case u2
        case branchingFraction = "br"

        /// How a value of the quantity is described in a message.
        var expectedValue: String {
            switch self {
            case .u2: return "|U|² > 0 (linear, not log10)"
            case .branchingFraction: return "a branching fraction > 0"
            }
        }
    }

    /// The observed limit and the expected one (median, ±1σ, ±2σ) against mass.
    public struct Limits: Sendable, Equatable {
        /// Strictly increasing, positive.
        public var massesMeV: [Double]
        public var observed: [Double]
        public var expected: [Double]
        public var minus2: [Double]
        public var minus1: [Double]
        public var plus1: [Double]
        public var plus2: [Double]

        public init(massesMeV: [Double], observed: [Double], expected: [Double], minus2: [Double], minus1: [Double], plus1: [Double], plus2: [Double]) {
            self.massesMeV = massesMeV
            self.observed = observed
            self.expected = expected
            self.minus2 = minus2
            self.minus1 = minus1
            self.plus1 = plus1
            self.plus2 = plus2
        }
    }

    /// A problem in a table: its 1-based line and, for a value, its 1-based column.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var column: Int?
        public var message: String
        /// "line 3" or "line 3, column 23".
        public var location: String { column.map { "line \(line), column \($0)" } ?? "line \(line)" }
        public var description: String { "\(location): \(message)" }
    }

    /// The columns every `reach limit --table` CSV has, which identify it.
    public static let identifyingColumns = ["mass_MeV", "n_obs", "n_exp", "dn_exp"]

    /// The six columns of `parameter`, in the order of `Limits`' fields.
    public static func columns(_ parameter: Parameter) -> [String] {
        ["observed", "expected", "expected_minus2sigma", "expected_minus1sigma", "expected_plus1sigma", "expected_plus2sigma"]
            .map { "\(parameter.rawValue)_\($0)" }
    }

    /// Parses `text` (lines starting with '#' and blank lines are skipped).
    public static func parse(_ text: String, parameter: Parameter) -> Result<Limits, Error> {
        // "\r\n" is one Character in Swift, so a split on "\n" alone would not cut it.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        func isSkipped(_ line: Substring) -> Bool { line.hasPrefix("#") || line.allSatisfy { $0 == " " } }
        guard let headerIndex = lines.firstIndex(where: { !isSkipped($0) }) else {
            return .failure(Error(line: 1, message: "no header; expected the CSV of `reach limit --table`, header '\(identifyingColumns.joined(separator: ",")),…'"))
        }
        let header = lines[headerIndex]
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
        guard Array(names.prefix(identifyingColumns.count)) == identifyingColumns else {
            return .failure(Error(line: headerIndex + 1, message: "header '\(header.prefix(200))' is not that of `reach limit --table`; expected '\(identifyingColumns.joined(separator: ",")),…'"))
        }
        var indices: [Int] = []
        for name in columns(parameter) {
            guard let index = names.firstIndex(of: name) else {
                return .failure(Error(line: headerIndex + 1, message: "header has no column \(name); expected the \(parameter.rawValue)_* columns `reach limit --table` writes"))
            }
            indices.append(index)
        }
        var masses: [Double] = []
        var values = Array(repeating: [Double](), count: indices.count)
        for (offset, line) in lines.enumerated().dropFirst(headerIndex + 1) where !isSkipped(line) {
            let number = offset + 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
            guard fields.count == names.count else {
                return .failure(Error(line: number, message: "\(fields.count) values; expected \(names.count), one per header column"))
            }
            guard let mass = Double(fields[0]), mass.isFinite, mass > 0 else {
                return .failure(Error(line: number, column: 1, message: "mass_MeV '\(fields[0].prefix(40))' is not a positive finite number; expected a mass in MeV > 0"))
            }
            if let previous = masses.last, mass <= previous {
                return .failure(Error(line: number, column: 1, message: "mass_MeV \(fields[0]) does not increase; expected masses in strictly increasing order"))
            }
            masses.append(mass)
            for (k, index) in indices.enumerated() {
                let name = names[index], field = fields[index]
                func failure(_ what: String) -> Result<Limits, Error> {
                    .failure(Error(line: number, column: index + 1, message: "\(name) \(what)"))
                }
                if field.isEmpty {
                    return failure("is empty; expected \(parameter.expectedValue) (`reach limit --table` leaves it empty without a conversion: an acceptance column with --kaon-decays, u2_ses or br_ses\(parameter == .u2 ? ", and --channel" : ""))")
                }
                guard let value = Double(field), value.isFinite else {
                    return failure("'\(field.prefix(40))' is not a finite number; expected \(parameter.expectedValue)")
                }
                guard value > 0 else { return failure("\(field) is not positive; expected \(parameter.expectedValue)") }
                values[k].append(value)
            }
            // −2σ ≤ −1σ ≤ median ≤ +1σ ≤ +2σ: the band edges in the order of `columns`.
            let row = values.map { $0[$0.count - 1] }
            for (below, above) in [(2, 3), (3, 1), (1, 4), (4, 5)] where row[above] < row[below] {
                return .failure(Error(line: number, column: indices[above] + 1,
                                      message: "\(names[indices[above]]) \(fields[indices[above]]) is below \(names[indices[below]]) \(fields[indices[below]]); expected −2σ ≤ −1σ ≤ median ≤ +1σ ≤ +2σ"))
            }
        }
        guard masses.count >= 2 else {
            let last = lines.lastIndex { !isSkipped($0) } ?? headerIndex
            return .failure(Error(line: last + 1, message: "\(masses.count) row(s); expected at least 2 masses"))
        }
        return .success(Limits(massesMeV: masses, observed: values[0], expected: values[1], minus2: values[2],
                               minus1: values[3], plus1: values[4], plus2: values[5]))
    }
}
