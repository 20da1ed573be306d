/// One problem in a scenario file, located where the user wrote the offending value:
/// `file.yaml:LINE:COL: field.path: what is wrong; expected what`.
///
/// Positions are 1-based (line, column in Unicode scalars, as libyaml counts them). Problems
/// with the file as a whole (missing, unreadable) have no position; problems with the document
/// as a whole (YAML syntax) have no field path.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it; for a value set from outside the file (a parameter
    /// scan), where it was given instead (e.g. `--values`), without line and column.
    public var file: String
    public var line: Int?
    public var column: Int?
    /// Where in the document: `base.exposure.streams[0].prescale`, `variants[1].label`; empty for
    /// the document or the file itself.
    public var fieldPath: String
    /// What is wrong, naming the offending value.
    public var message: String
    /// What would have been accepted.
    public var expected: String

    public init(file: String, line: Int?, column: Int?, fieldPath: String, message: String, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.fieldPath = fieldPath
        self.message = message
        self.expected = expected
    }

    /// The one-line form `file:LINE:COL: path: message; expected what`.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !fieldPath.isEmpty { text += fieldPath + ": " }
        text += message
        if !expected.isEmpty { text += "; expected " + expected }
        return text
    }
}

/// All the problems found in one scenario file, in the order they appear in it.
public struct ScenarioErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) { self.errors = errors }

    /// One line per problem, ready for stderr.
    public var lines: [String] { errors.map(\.description) }

    public var description: String { lines.joined(separator: "\n") }
}
