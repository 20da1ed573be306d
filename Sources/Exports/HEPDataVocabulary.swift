import Physics

/// The keywords of a HEPData table, from HEPData's own vocabularies (hepdata-submission
/// `keywords/part.yaml` for particles, `keywords/observables.html` for observables).
///
/// HEPData has no heavy neutral lepton, and `N` in its particle list is the neutron: the HNL
/// (and the invisible mediator X) is written `NEUTRAL`, "unspecified neutral particle", and named
/// in the table's phrases and description instead.
enum HEPDataVocabulary {
    /// The observable of an upper limit: `CLS`, "confidence limits".
    static let observable = "CLS"

    /// The decay in HEPData's reaction syntax: `K+ --> PI0 E+ NEUTRAL`.
    static func reaction(_ channel: Channel) -> String {
        switch channel {
        case .kaonToElectronN: return "K+ --> E+ NEUTRAL"
        case .kaonToMuonN: return "K+ --> MU+ NEUTRAL"
        case .kaonToPi0ElectronN: return "K+ --> PI0 E+ NEUTRAL"
        case .kaonToPi0MuonN: return "K+ --> PI0 MU+ NEUTRAL"
        case .kaonToMuonNeutrinoX: return "K+ --> MU+ NUMU NEUTRAL"
        case .kaonToMuonThreeNeutrinos: return "K+ --> MU+ NUMU NU NUBAR"
        }
    }

    /// Free-text phrases for HEPData's search.
    static func phrases(_ channel: Channel) -> [String] {
        let signal = channel.isContinuum ? ["Invisible mediator", "Branching fraction"] : ["Heavy Neutral Lepton", "Mixing"]
        return signal + ["Kaon decay", "Missing mass", "Projection", "Expected limit"]
    }
}
