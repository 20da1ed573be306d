import Physics

/// `channel: K+ -> pi0 e+ N`: one of the production channels `Channel` knows.
enum ChannelDecoding {
    static let expected = "one of " + Channel.allCases.map(\.name).joined(separator: ", ")

    static func decode(_ node: SourceNode, log: DiagnosticLog) -> Channel? {
        guard let text = ValueDecoding.text(node, expected: expected, log: log) else { return nil }
        if let channel = Channel(name: text) { return channel }
        log.report(node, "unknown channel '\(text.quotedForMessage)'",
                   expected: expected + DidYouMean.hint(for: text, among: Channel.allCases.map(\.name)))
        return nil
    }
}
