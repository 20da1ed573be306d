/// A pyhf workspace, JSON schema 1.0.0 (pyhf `schemas/1.0.0/workspace.json`): channels of
/// samples with their modifiers, the observations, and the measurements naming the parameter
/// of interest. Only what a single-bin counting experiment needs is modelled.
struct PyhfWorkspace: Encodable {
    var channels: [Channel]
    var observations: [Observation]
    var measurements: [Measurement]
    var version = "1.0.0"

    struct Channel: Encodable {
        var name: String
        var samples: [Sample]
    }

    struct Sample: Encodable {
        var name: String
        var data: [Double]
        var modifiers: [Modifier]
    }

    /// A modifier: `normfactor` (free normalisation, no data), `normsys` (hi/lo factors,
    /// exponential interpolation: a log-normal constraint) or `histosys` (hi/lo templates,
    /// linear interpolation: a Gaussian constraint).
    struct Modifier: Encodable {
        var name: String
        var type: String
        var data: ModifierData?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(type, forKey: .type)
            // normfactor's data is null (pyhf's own writer); the schema requires the key.
            if let data { try container.encode(data, forKey: .data) } else { try container.encodeNil(forKey: .data) }
        }

        enum CodingKeys: String, CodingKey { case name, type, data }
    }

    enum ModifierData: Encodable {
        case factors(hi: Double, lo: Double)
        case templates(hi: [Double], lo: [Double])

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .factors(let hi, let lo):
                try container.encode(hi, forKey: .hi)
                try container.encode(lo, forKey: .lo)
            case .templates(let hi, let lo):
                try container.encode(hi, forKey: .hiData)
                try container.encode(lo, forKey: .loData)
            }
        }

        enum CodingKeys: String, CodingKey {
            case hi, lo
            case hiData = "hi_data"
            case loData = "lo_data"
        }
    }

    struct Observation: Encodable {
        var name: String
        var data: [Double]
    }

    struct Measurement: Encodable {
        var name: String
        var config: Config
    }

    struct Config: Encodable {
        var poi: String
        var parameters: [Parameter]
    }

    struct Parameter: Encodable {
        var name: String
        var bounds: [[Double]]
        var inits: [Double]
    }
}
