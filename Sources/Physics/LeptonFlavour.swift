/// The charged-lepton flavour a heavy neutral lepton mixes with in a production channel;
/// it decides which mixing element |U_l|² a limit constrains.
public enum LeptonFlavour: String, Sendable, CaseIterable, Codable {
    case electron
    case muon

    /// Charged-lepton mass [GeV] (PDG 2020).
    public var massGeV: Double {
        switch self {
        case .electron: return PDG2020.electronMassGeV
        case .muon: return PDG2020.muonMassGeV
        }
    }

    /// Mixing-element label as physicists write it, in Pango markup: |U<sub>e</sub>|².
    public var mixingMarkup: String { self == .electron ? "|<i>U</i><sub><i>e</i></sub>|²" : "|<i>U</i><sub>μ</sub>|²" }
}
