/// Collects every problem found while decoding one file, so that all of them are reported at
/// once. The same problem seen through several variants (a base value every variant inherits)
/// is reported once.
final class DiagnosticLog {
    let file: String
    private(set) var errors: [ScenarioError] = []
    private var seen: Set<String> = []

    init(file: String) { self.file = file }

    var isEmpty: Bool { errors.isEmpty }

    /// Records a problem at `position` in the field `path`.
    func report(at position: SourcePosition?, path: String, _ message: String, expected: String) {
        let error = ScenarioError(file: file, line: position?.line, column: position?.column,
                                  fieldPath: path, message: message, expected: expected)
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
