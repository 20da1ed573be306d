import Physics

/// What the section decoders share: the error log, the channel (for kinematic ranges and the
/// reference flavour), and how to resolve and check files named in the scenario.
struct DecodingContext {
    let log: DiagnosticLog
    /// Nil when the channel itself is wrong; checks that need it are skipped.
    let channel: Channel?
    /// Folder against which relative paths in the file resolve.
    let baseDirectory: String
    let files: NamedFiles
    let knownReferenceIDs: [LeptonFlavour: Set<String>]

    /// A file named at `node`: resolved to a path, and reported if it cannot be read as `kind`.
    func readableFile(_ node: SourceNode, as kind: NamedFiles.Kind, expected: String) -> String? {
        guard let written = ValueDecoding.text(node, expected: expected, log: log) else { return nil }
        let resolved = FilePaths.resolve(written, against: baseDirectory)
        if let problem = files.problem(resolved, kind) {
            log.report(node, "file '\(resolved.escapedForMessage(maxLength: 500))' \(problem.what)", expected: problem.expected ?? expected)
            return nil
        }
        return resolved
    }
}
