import ArgumentParser
import Physics

/// What a quantity option measures: its dimension, the noun of its messages, an example, and
/// whether zero is allowed (`--from 0MeV`) or only positive values (`--step`, `--bin-width`).
protocol QuantityKind {
    static var dimension: Quantity.Dimension { get }
    static var noun: String { get }
    static var example: String { get }
}

enum MassKind: QuantityKind {
    static let dimension = Quantity.Dimension.mass
    static let noun = "a mass"
    static let example = "135MeV"
}

enum SquaredMassKind: QuantityKind {
    static let dimension = Quantity.Dimension.massSquared
    static let noun = "a squared mass"
    static let example = "5e-4 GeV^2"
}

/// A quantity with a unit on the command line (`--mass 135MeV`), parsed once when the command
/// line is read. A malformed value is kept with its problem so that `validate()` reports it in
/// the tool's words (option, text, what was expected) rather than the parser's generic line.
struct QuantityArgument<Kind: QuantityKind>: ExpressibleByArgument {
    /// As the user wrote it.
    let text: String
    private let parsed: Result<Double, Quantity.ParseError>

    init?(argument: String) {
        text = argument
        parsed = Quantity.parse(argument, as: Kind.dimension).map(\.canonicalValue)
    }

    var defaultValueDescription: String { text }

    /// The value in the canonical unit (GeV, GeV²), or a usage error naming `option`.
    func value(option: String) throws -> Double {
        switch parsed {
        case .success(let value): return value
        case .failure(let error):
            let units = Kind.dimension.acceptedUnits.joined(separator: ", ")
            throw ValidationError("\(option): \(error); expected \(Kind.noun) with a unit (\(units)), e.g. \(Kind.example)")
        }
    }

    /// The value, which must be positive.
    func positiveValue(option: String) throws -> Double {
        let value = try value(option: option)
        guard value > 0 else { throw ValidationError("\(option) \(text): expected a positive \(Kind.dimension.rawValue), e.g. \(Kind.example)") }
        return value
    }

    /// The value, which must not be negative.
    func nonNegativeValue(option: String) throws -> Double {
        let value = try value(option: option)
        guard value >= 0 else { throw ValidationError("\(option) \(text): a negative \(Kind.dimension.rawValue); expected \(Kind.noun) ≥ 0") }
        return value
    }
}

typealias MassArgument = QuantityArgument<MassKind>
typealias SquaredMassArgument = QuantityArgument<SquaredMassKind>
