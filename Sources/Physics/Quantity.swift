/// A physical quantity read from text such as `125 MeV`, `1.7e-3 GeV^2`, `50 mrad` or `135MeV`,
/// converted to the canonical unit of its dimension: GeV for masses and energies, GeV² for
/// squared masses, rad for angles. Used by scenario files and by command-line options.
public struct Quantity: Sendable, Equatable {
    /// The physical dimension of a quantity, with its canonical unit.
    public enum Dimension: String, Sendable, CaseIterable {
        case mass = "mass"
        case massSquared = "squared mass"
        case angle = "angle"
        /// A duration, canonical unit the second.
        case time = "time"
        /// A rate, canonical unit the hertz (per second).
        case frequency = "frequency"

        /// Units accepted for this dimension, as a user should write them.
        public var acceptedUnits: [String] {
            Quantity.units.filter { $0.dimension == self }.map(\.symbol)
        }
    }

    /// Value in the canonical unit of `dimension`.
    public var canonicalValue: Double
    public var dimension: Dimension
    /// The unit as written (normalised spelling, e.g. `GeV^2`).
    public var unit: String

    public init(canonicalValue: Double, dimension: Dimension, unit: String) {
        self.canonicalValue = canonicalValue
        self.dimension = dimension
        self.unit = unit
    }

    /// The value in the unit as written (e.g. 125 for `125 MeV`).
    public var valueInWrittenUnit: Double {
        canonicalValue / (Quantity.units.first { $0.symbol == unit }?.factor ?? 1)
    }

    /// Known units: symbol, dimension, factor to the canonical unit.
    static let units: [(symbol: String, dimension: Dimension, factor: Double)] = [
        ("keV", .mass, 1e-6), ("MeV", .mass, 1e-3), ("GeV", .mass, 1),
        ("keV^2", .massSquared, 1e-12), ("MeV^2", .massSquared, 1e-6), ("GeV^2", .massSquared, 1),
        ("urad", .angle, 1e-6), ("mrad", .angle, 1e-3), ("rad", .angle, 1),
        ("deg", .angle, Double.pi / 180),
        ("ms", .time, 1e-3), ("s", .time, 1), ("min", .time, 60), ("h", .time, 3600),
        ("Hz", .frequency, 1), ("kHz", .frequency, 1e3), ("MHz", .frequency, 1e6), ("GHz", .frequency, 1e9),
    ]

    /// Why a text is not a quantity of the wanted dimension; `description` completes
    /// "… ; expected …" messages.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// The text has no number at its start.
        case notANumber(String)
        /// A number without a unit where the dimension needs one.
        case missingUnit(String)
        /// A unit that is not known at all.
        case unknownUnit(String)
        /// A known unit of another dimension.
        case wrongDimension(unit: String, found: Dimension)

        public var description: String {
            switch self {
            case .notANumber(let text): return "'\(text)' is not a number with a unit"
            case .missingUnit(let text): return "'\(text)' has no unit"
            case .unknownUnit(let unit): return "unknown unit '\(unit)'"
            case .wrongDimension(let unit, let found): return "'\(unit)' is a unit of \(found.rawValue)"
            }
        }
    }

    /// Parses `text` as a quantity of `dimension`. Spaces between number and unit are optional;
    /// `GeV2`, `GeV²` and `GeV**2` read as `GeV^2`; `×10^` reads as `e`.
    public static func parse(_ text: String, as dimension: Dimension) -> Result<Quantity, ParseError> {
        let trimmed = text.trimmingWhitespace()
        let (numberText, unitText) = splitNumberAndUnit(trimmed)
        guard let value = Double(numberText), value.isFinite else { return .failure(.notANumber(trimmed)) }
        guard !unitText.isEmpty else { return .failure(.missingUnit(trimmed)) }
        let unit = normaliseUnit(unitText)
        guard let known = units.first(where: { $0.symbol == unit }) else { return .failure(.unknownUnit(unitText)) }
        guard known.dimension == dimension else { return .failure(.wrongDimension(unit: known.symbol, found: known.dimension)) }
        return .success(Quantity(canonicalValue: value * known.factor, dimension: dimension, unit: known.symbol))
    }

    /// Parses a plain number, accepting `4.5e12`, `4.5e+12` and `4.5×10^12`.
    public static func parseNumber(_ text: String) -> Double? {
        let (numberText, rest) = splitNumberAndUnit(text.trimmingWhitespace())
        guard rest.isEmpty, let value = Double(numberText), value.isFinite else { return nil }
        return value
    }

    /// Splits at the end of the leading number (with `×10^k` or `x10^k` rewritten to `ek`).
    /// The minus sign U+2212 (as PDFs and typeset documents write it) reads as '-'.
    public static func splitNumberAndUnit(_ text: String) -> (number: String, unit: String) {
        var chars = text.map { $0 == "\u{2212}" ? "-" : $0 }
        // Rewrite "×10^" / "x10^" / "*10^" directly after a mantissa into "e".
        for marker in ["×10^", "x10^", "*10^"] {
            let m = Array(marker)
            if let i = firstIndex(of: m, in: chars), i > 0, chars[i - 1].isNumber || chars[i - 1] == "." {
                chars.replaceSubrange(i..<(i + m.count), with: ["e"])
                break
            }
        }
        var end = 0
        var seenExponent = false
        while end < chars.count {
            let c = chars[end]
            if c.isNumber || c == "." || ((c == "+" || c == "-") && (end == 0 || chars[end - 1] == "e" || chars[end - 1] == "E")) {
                end += 1
            } else if (c == "e" || c == "E") && !seenExponent && end > 0 && end + 1 < chars.count
                        && (chars[end + 1].isNumber || chars[end + 1] == "+" || chars[end + 1] == "-") {
                seenExponent = true
                end += 1
            } else {
                break
            }
        }
        return (String(chars[0..<end]), String(chars[end...]).trimmingWhitespace())
    }

    private static func firstIndex(of needle: [Character], in haystack: [Character]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }

    private static func normaliseUnit(_ unit: String) -> String {
        var u = unit.filter { $0 != " " }
        for (spelled, canonical) in [("**2", "^2"), ("²", "^2"), ("μrad", "urad"), ("degree", "deg"), ("degrees", "deg")] {
            if u.hasSuffix(spelled) { u = String(u.dropLast(spelled.count)) + canonical }
        }
        if (u.hasSuffix("eV2")) { u = String(u.dropLast()) + "^2" }
        if u == "degs" { u = "deg" }
        return u
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
