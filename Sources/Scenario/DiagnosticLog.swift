/// Collects every problem found while decoding one file, so that all of them are reported at
/// once. The same problem seen through several variants (a base value every variant inherits)
/// is reported once.
final class DiagnosticLog {
    let file: String
    private(set) var errors: [ScenarioError] = []
    private var seen: Set<String> = []
    /// Field paths of values set from outside the file (`ScenarioOverride`), with where they
    /// were given: problems with them name that place instead of a line of the file.
    private var externalOrigins: [String: String] = [:]

    init(file: String) { self.file = file }

    var isEmpty: Bool { errors.isEmpty }

    /// Records a problem at `position` in the field `path` (or, for a value set from outside
    /// the file, at the place it was given).
    func report(at position: SourcePosition?, path: String, _ message: String, expected: String) {
        if let origin = externalOrigin(of: path) {
            report(origin: origin, path: path, message, expected: expected)
            return
        }
        append(ScenarioError(file: file, line: position?.line, column: position?.column,
                             fieldPath: path, message: message, expected: expected))
    }

    /// Records a problem with a value given at `origin` (e.g. a command-line option).
    func report(origin: String, path: String, _ message: String, expected: String) {
        append(ScenarioError(file: origin, line: nil, column: nil, fieldPath: path, message: message, expected: expected))
    }

    /// Where the value at `path` was given, if it (or a mapping holding it, created by an
    /// override) was set from outside the file.
    private func externalOrigin(of path: String) -> String? {
        if let origin = externalOrigins[path] { return origin }
        return externalOrigins.first { path.hasPrefix($0.key + ".") || path.hasPrefix($0.key + "[") }?.value
    }

    /// Values at `path`, and below it, come from `origin`, not from the file.
    func registerExternal(path: String, origin: String) {
        externalOrigins[path] = origin
    }

    private func append(_ error: ScenarioError) {
        if seen.insert(error.description).inserted { errors.append(error) }
    }

    /// Records a problem with the value `node`, at its position and path.
    func report(_ node: SourceNode, _ message: String, expected: String) {
        report(at: node.position, path: node.path, message, expected: expected)
    }

    /// The problems in file order (stable for problems at the same place).
    var sortedErrors: [ScenarioError] {
        errors.enumerated().sorted { a, b in
            let pa = (a.element.line ?? 0, a.element.column ?? 0)
            let pb = (b.element.line ?? 0, b.element.column ?? 0)
            return pa != pb ? pa < pb : a.offset < b.offset
        }.map(\.element)
    }
}
