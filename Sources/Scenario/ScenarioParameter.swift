import Foundation
import Physics
import Statistics

/// A numeric key of one projection (`exposure`, `detector`, `background`, `analysis`), named by
/// its path as written in a scenario file below `base` or a variant:
/// `detector.veto.hermetic_angle`, `exposure.streams[0].prescale`, `analysis.background_uncertainty`.
///
/// A parameter scan sets such a key to a list of values (`ScenarioOverride`); the path is checked
/// here against the schema of scenarios/README.md, so that a typo is reported with the keys that
/// exist at that level before any file is read.
public struct ScenarioParameter: Sendable, Equatable, CustomStringConvertible {
    /// One step of a path: a mapping key or a list element.
    public enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// What a value of the key is written as.
    public enum ValueKind: Sendable, Equatable {
        /// A plain number (counts, prescales, fractions).
        case number
        /// A number with a unit of this dimension (`50 mrad`, `1.7e-3 GeV^2`).
        case quantity(Quantity.Dimension)
        /// A window half-width in units of σ (`1.4 sigma`, or a plain `1.4`).
        case sigmas
    }

    /// The path as the user wrote it, normalised (`exposure.streams[0].prescale`).
    public let path: String
    public let components: [Component]
    public let kind: ValueKind

    public var description: String { path }

    /// Why a text is not the path of a numeric key.
    public struct PathError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses and checks `text` against the schema.
    public static func parse(_ text: String) -> Result<ScenarioParameter, PathError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = parseComponents(trimmed) else {
            return .failure(PathError(description: "'\(trimmed.quotedForMessage)' is not a key path; expected keys separated by dots and list elements as [0], like detector.veto.hermetic_angle or exposure.streams[0].prescale"))
        }
        if case .key(let first) = components[0], first == "base" || first == "variants" {
            return .failure(PathError(description: "'\(trimmed.quotedForMessage)': paths start inside one projection (\(ScenarioBodyDecoding.keys.joined(separator: ", "))), without '\(first)'; the value applies to the chosen variant, like detector.veto.hermetic_angle"))
        }
        var node = ParameterSchema.body
        var walked = ""
        // The mapping the last key was found in, for listing the keys beside it.
        var parent = (node: node, path: walked)
        for component in components {
            switch (component, node) {
            case (.key(let key), .mapping(let children)):
                guard let child = children.first(where: { $0.key == key })?.node else {
                    let level = walked.isEmpty ? "a projection" : walked
                    let names = children.filter { $0.node.hasNumericLeaf }.map { $0.key }
                    return .failure(PathError(description: "'\(trimmed.quotedForMessage)': unknown key '\(key.quotedForMessage)' in \(level)\(DidYouMean.hint(for: key, among: names)); expected one of \(ParameterSchema.numericPaths(below: node, at: walked).joined(separator: ", "))"))
                }
                parent = (node, walked)
                walked = walked.appendingField(key)
                node = child
            case (.index(let index), .list(let element)):
                walked = walked.appendingIndex(index)
                node = element
            case (.index, _):
                return .failure(PathError(description: "'\(trimmed.quotedForMessage)': \(walked) is not a list; expected \(walked).<key>, one of \(ParameterSchema.numericPaths(below: node, at: walked).joined(separator: ", "))"))
            case (.key, .list):
                return .failure(PathError(description: "'\(trimmed.quotedForMessage)': \(walked) is a list; expected an element index, like \(walked)[0]"))
            case (.key(let key), _):
                return .failure(PathError(description: "'\(trimmed.quotedForMessage)': \(walked) is a single value, it has no key '\(key.quotedForMessage)'; expected the path of a numeric key, like \(walked)"))
            }
        }
        switch node {
        case .leaf(let kind):
            return .success(ScenarioParameter(path: walked, components: components, kind: kind))
        case .text(let what):
            return .failure(PathError(description: "'\(trimmed.quotedForMessage)': \(walked) is \(what), not a number; expected one of \(ParameterSchema.numericPaths(below: parent.node, at: parent.path).joined(separator: ", "))"))
        case .mapping, .list:
            return .failure(PathError(description: "'\(trimmed.quotedForMessage)': \(walked.isEmpty ? "the path" : walked) holds several values; expected one of \(ParameterSchema.numericPaths(below: node, at: walked).joined(separator: ", "))"))
        }
    }

    /// A value of this key as a number in a unit, for tables and axes: `30 mrad` → (30, "mrad"),
    /// `150` → (150, ""), `1.4 sigma` → (1.4, "sigma"). With `unit`, a quantity is converted to
    /// that unit (so a scan written `30mrad, 0.1rad` is one axis). Nil when the text is not a
    /// number of this kind (`optimal` for a window); the decoder says why.
    public func numericValue(of text: String, in unit: String? = nil) -> (value: Double, unit: String)? {
        switch kind {
        case .number:
            return Quantity.parseNumber(text).map { ($0, "") }
        case .sigmas:
            guard case .fixed(let k)? = AnalysisDecoding.parseWindow(text) else { return nil }
            return (k, "sigma")
        case .quantity(let dimension):
            guard case .success(let quantity) = Quantity.parse(text, as: dimension) else { return nil }
            guard let unit, unit != quantity.unit,
                  case .success(let target) = Quantity.parse("1 " + unit, as: dimension) else {
                return (quantity.valueInWrittenUnit, quantity.unit)
            }
            return (quantity.canonicalValue / target.canonicalValue, target.unit)
        }
    }

    /// `a.b[0].c` → components; nil when it is not of that shape.
    private static func parseComponents(_ text: String) -> [Component]? {
        guard !text.isEmpty else { return nil }
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let nameEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let name = rest[..<nameEnd]
            guard !name.isEmpty, name.allSatisfy({ ($0.isLetter && $0.isASCII) || $0.isNumber || $0 == "_" }) else { return nil }
            components.append(.key(String(name)))
            rest = rest[nameEnd...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else { return nil }
                components.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
        }
        return components
    }
}

/// The numeric keys of one projection, mirroring the section decoders (their `keys` lists are
/// the authority on which keys exist; a test checks the two agree).
enum ParameterSchema {
    indirect enum Node: Sendable {
        case mapping([(key: String, node: Node)])
        case list(Node)
        case leaf(ScenarioParameter.ValueKind)
        /// A key whose value is not a number: what it is instead.
        case text(String)

        var hasNumericLeaf: Bool {
            switch self {
            case .leaf: return true
            case .text: return false
            case .list(let element): return element.hasNumericLeaf
            case .mapping(let children): return children.contains { $0.node.hasNumericLeaf }
            }
        }
    }

    static let body = Node.mapping([
        ("exposure", .mapping([
            ("streams", .list(.mapping([
                ("name", .text("a name")),
                ("kaon_decays", .leaf(.number)),
                ("running", .mapping([
                    ("spills", .leaf(.number)),
                    ("days", .leaf(.number)),
                    ("spills_per_day", .leaf(.number)),
                    ("protons_per_spill", .leaf(.number)),
                    ("kaon_decays_per_proton", .leaf(.number)),
                    ("kaon_decay_rate", .leaf(.quantity(.frequency))),
                    ("spill_length", .leaf(.quantity(.time))),
                ])),
                ("effective_kaon_decays", .leaf(.number)),
                ("prescale", .leaf(.number)),
                ("trigger_efficiency", .leaf(.number)),
            ]))),
        ])),
        ("detector", .mapping([
            ("resolution", .leaf(.quantity(.massSquared))),
            ("resolution_tail", .mapping([
                ("fraction", .leaf(.number)),
                ("scale", .leaf(.quantity(.massSquared))),
                ("shape", .text("a list of points")),
            ])),
            ("veto", .mapping([
                ("hermetic_angle", .leaf(.quantity(.angle))),
                ("inefficiency", .leaf(.number)),
                ("regions", .list(.mapping([
                    ("name", .text("a name")),
                    ("from", .leaf(.quantity(.angle))),
                    ("to", .leaf(.quantity(.angle))),
                    ("inefficiency", .leaf(.number)),
                ]))),
                ("beyond", .text("a choice (missed, partial)")),
            ])),
            ("signal_acceptance", .leaf(.number)),
            ("background_acceptance", .leaf(.number)),
            ("visible_decay_fraction", .leaf(.number)),
        ])),
        ("background", .mapping([
            ("model", .text("a choice (radiative)")),
            ("process", .text("a choice of decay")),
            ("table", .text("a file name")),
            ("normalisation", .mapping([("kaon_decays", .leaf(.number))])),
            ("kind", .text("a choice (spectrum, above)")),
            ("label", .text("a name")),
            ("uncertainty", .leaf(.number)),
            ("group", .text("a name")),
            ("emission", .text("a choice (inner-bremsstrahlung, inner-bremsstrahlung+structure)")),
            ("rejection", .leaf(.number)),
            ("mirror", .text("a choice (true, false)")),
        ])),
        ("analysis", .mapping([
            ("window", .leaf(.sigmas)),
            ("region", .mapping([
                ("m2_miss_above", .leaf(.quantity(.massSquared))),
                ("step", .leaf(.quantity(.massSquared))),
            ])),
            ("statistic", .text("a choice (\(Statistic.allCases.map(\.rawValue).joined(separator: ", ")))")),
            ("confidence", .leaf(.number)),
            ("background_uncertainty", .leaf(.number)),
            ("background_prior", .text("a choice (\(BackgroundUncertaintyModel.allCases.map(\.rawValue).joined(separator: ", ")))")),
            ("sideband_range", .mapping([("from", .leaf(.quantity(.mass))), ("to", .leaf(.quantity(.mass)))])),
            ("shape", .mapping([
                ("range", .leaf(.sigmas)),
                ("bin_width", .leaf(.sigmas)),
                ("normalisation", .text("a choice (constrained, free)")),
            ])),
        ])),
        ("signal", .mapping([
            ("mediator", .text("a choice (\(Mediator.allCases.map(\.rawValue).joined(separator: ", ")))")),
        ])),
    ])

    /// Every numeric key path below `node` (lists shown with element [0]).
    static func numericPaths(below node: Node, at path: String) -> [String] {
        switch node {
        case .leaf: return [path]
        case .text: return []
        case .list(let element): return numericPaths(below: element, at: path.appendingIndex(0))
        case .mapping(let children): return children.flatMap { numericPaths(below: $0.node, at: path.appendingField($0.key)) }
        }
    }

    /// The keys of the mapping at a path of keys (lists stepped through), for checks.
    static func keys(at path: [String]) -> [String]? {
        var node = body
        for key in path {
            if case .list(let element) = node { node = element }
            guard case .mapping(let children) = node, let child = children.first(where: { $0.key == key }) else { return nil }
            node = child.node
        }
        if case .list(let element) = node { node = element }
        guard case .mapping(let children) = node else { return nil }
        return children.map { $0.key }
    }
}
