import Physics

/// The name of a scenario document: a short slug (`kpi0en`, `hike-ken`) that tells the documents
/// of one file apart and names their output files (`<name>.pdf`, rows of `reach project`). A
/// document names itself with the top-level key `name`; otherwise it is named after its channel.
extension ScenarioFile {
    /// The name written in the document, or the channel's default (`kpi0en`, `ken`, `kmun`,
    /// `kpi0mun`).
    public var documentName: String { name ?? Self.defaultName(for: channel) }

    /// The name of a document that does not write one: K+ -> (pi0) l+ N spelt `k[pi0]{e,mu}n`.
    public static func defaultName(for channel: Channel) -> String {
        switch channel {
        case .kaonToPi0ElectronN: return "kpi0en"
        case .kaonToElectronN: return "ken"
        case .kaonToMuonN: return "kmun"
        case .kaonToMuonNeutrinoX: return "kmunux"
        case .kaonToMuonThreeNeutrinos: return "kmunununu"
        case .kaonToPi0MuonN: return "kpi0mun"
        }
    }
}

/// `name: kpi0en-veto`: lower-case letters, digits and `-`, starting with a letter or digit, so
/// it is usable as a file name on every system and never mistaken for a command-line option.
enum DocumentNameDecoding {
    static let maximumLength = 40
    static let expected = "a short name of lower-case letters, digits and '-' (at most \(maximumLength) characters), like 'kpi0en' or 'hike-ken'"

    static func decode(_ node: SourceNode, log: DiagnosticLog) -> String? {
        guard let text = ValueDecoding.text(node, expected: expected, log: log) else { return nil }
        guard isValid(text) else {
            log.report(node, "'\(text.quotedForMessage)' is not a valid name", expected: expected)
            return nil
        }
        return text
    }

    static func isValid(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, scalars.count <= maximumLength, first != "-" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
