/// Reads one YAML mapping of the schema: rejects unknown keys (with a suggestion), hands out the
/// values of known keys, and reports missing required keys at the mapping that lacks them.
struct MappingReader {
    let node: SourceNode
    let entries: [SourceEntry]
    let allowedKeys: [String]
    let log: DiagnosticLog
    /// Keys that a misspelt key was taken for: not reported missing again.
    private(set) var suggestedKeys: Set<String> = []

    /// Nil (after reporting) when `node` is not a mapping. `expected` describes the mapping
    /// for the wrong-type message.
    init?(_ node: SourceNode, allowedKeys: [String], expected: String, log: DiagnosticLog) {
        guard let entries = node.entries else {
            log.report(node, node.foundDescription, expected: expected)
            return nil
        }
        self.node = node
        self.entries = entries
        self.allowedKeys = allowedKeys
        self.log = log
        var suggested: Set<String> = []
        for entry in entries where !allowedKeys.contains(entry.key) {
            if let suggestion = DidYouMean.suggestion(for: entry.key, among: allowedKeys) { suggested.insert(suggestion) }
            log.report(at: entry.keyPosition, path: entry.value.path,
                       "unknown key",
                       expected: "one of " + allowedKeys.joined(separator: ", ") + DidYouMean.hint(for: entry.key, among: allowedKeys))
        }
        suggestedKeys = suggested
    }

    /// The entry for `key`, if written.
    func entry(_ key: String) -> SourceEntry? { entries.first { $0.key == key } }

    /// The value of `key`, if written.
    func optional(_ key: String) -> SourceNode? { entry(key)?.value }

    /// The value of `key`; reports it missing (at this mapping) when it is not written.
    func required(_ key: String, expected: String) -> SourceNode? {
        if let value = optional(key) { return value }
        reportMissing(key, expected: expected)
        return nil
    }

    /// Reports `key` missing from this mapping, unless a misspelling of it was already reported.
    func reportMissing(_ key: String, expected: String) {
        guard !suggestedKeys.contains(key) else { return }
        log.report(at: node.position, path: node.path.appendingField(key), "missing", expected: expected)
    }
}
