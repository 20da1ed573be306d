/// A position in the scenario text, 1-based as libyaml reports it.
struct SourcePosition: Sendable, Hashable, Comparable {
    var line: Int
    var column: Int

    static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A YAML value together with where it was written: its position in the text and its field path
/// in the document (`variants[1].detector.resolution`). Variants are built by merging these trees,
/// so a value keeps the place it came from and errors point at what the user actually wrote.
struct SourceNode: Sendable {
    enum Content: Sendable {
        /// An empty value (`key:`, `~`, `null`).
        case null
        /// Scalar text as written (quotes removed).
        case scalar(String)
        case mapping([SourceEntry])
        case sequence([SourceNode])
    }

    var content: Content
    var position: SourcePosition
    /// Field path where the value was written, e.g. `base.exposure.streams[0]`.
    var path: String

    /// What is wrong with this value where something else was expected: "no value",
    /// "found a list", "found '12'".
    var foundDescription: String {
        switch content {
        case .null: return "no value"
        default: return "found " + kindDescription
        }
    }

    /// What kind of value this is, as a user would call it.
    var kindDescription: String {
        switch content {
        case .null: return "no value"
        case .scalar(let text): return "'\(text.quotedForMessage)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    var entries: [SourceEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    var elements: [SourceNode]? {
        if case .sequence(let elements) = content { return elements }
        return nil
    }

    var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }
}

/// One `key: value` pair of a mapping.
struct SourceEntry: Sendable {
    var key: String
    var keyPosition: SourcePosition
    var value: SourceNode
}

/// Field-path arithmetic: `base` + `exposure` → `base.exposure`, + 0 → `base.exposure[0]`.
extension String {
    func appendingField(_ key: String) -> String { isEmpty ? key : self + "." + key }
    func appendingIndex(_ index: Int) -> String { self + "[\(index)]" }

    /// The text made safe for a one-line message: control characters escaped, cut after 60
    /// characters (a value can be a whole line of garbage).
    var quotedForMessage: String { escapedForMessage(maxLength: 60) }

    /// Control characters escaped, cut after `maxLength` characters.
    func escapedForMessage(maxLength: Int) -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        if out.count > maxLength { out = String(out.prefix(maxLength - 3)) + "..." }
        return out
    }
}
