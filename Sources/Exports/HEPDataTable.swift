import Projection
import Yams

/// A HEPData data file (hepdata-validator's `data_schema.json`): independent variables (here
/// the mass), and dependent variables, each a header, qualifiers and one value per row.
/// Encoded with Yams in the order the properties are declared.
struct HEPDataTable: Encodable {
    var independentVariables: [Variable]
    var dependentVariables: [Variable]

    enum CodingKeys: String, CodingKey {
        case independentVariables = "independent_variables"
        case dependentVariables = "dependent_variables"
    }

    struct Header: Encodable {
        var name: String
        var units: String?
    }

    struct Qualifier: Encodable {
        var name: String
        var value: String
    }

    /// One column: its header, qualifiers (none for the independent variable) and values.
    struct Variable: Encodable {
        var header: Header
        var qualifiers: [Qualifier]?
        var values: [Value]
    }

    /// One value of a column. No errors: band edges are columns of their own (HEPData adds
    /// errors in quadrature, which a band is not).
    struct Value: Encodable {
        var value: Number
    }

    /// A number with the tables' 6 significant digits, or `-` where it is not finite (HEPData's
    /// mark for a missing value; e.g. |U|² = +∞ at the channel's endpoint). Written as a YAML 1.1
    /// float or integer, which HEPData's PyYAML reads as a number: `150`, `127.5`, `1.5e-08`, and
    /// `1.0e-08` rather than `1e-08` (without a dot PyYAML reads a string).
    struct Number: Encodable, YAMLEncodable {
        var number: Double

        var text: String? {
            guard number.isFinite else { return nil }
            let text = TableFormatting.format(number)
            guard let exponent = text.firstIndex(of: "e"), !text[..<exponent].contains(".") else { return text }
            return text[..<exponent] + ".0" + text[exponent...]
        }

        func box() -> Node {
            guard let text else { return Node("-", Tag(.str), .singleQuoted) }
            return Node(text, Tag(text.contains(".") || text.contains("e") ? .float : .int))
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text ?? "-")
        }
    }
}
