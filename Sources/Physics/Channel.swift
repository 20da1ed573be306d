/// A heavy-neutral-lepton production channel in K+ decays, named as users write it
/// (`K+ -> pi0 e+ N`). It knows its lepton flavour, its kinematic endpoint and its
/// production branching fraction per unit |U_l|².
public enum Channel: String, Sendable, CaseIterable, Codable {
    case kaonToElectronN = "K+ -> e+ N"
    case kaonToMuonN = "K+ -> mu+ N"
    case kaonToPi0ElectronN = "K+ -> pi0 e+ N"
    case kaonToPi0MuonN = "K+ -> pi0 mu+ N"

    /// The process as users write it in scenario files and on the command line.
    public var name: String { rawValue }

    /// Parses a user-written process name; whitespace is collapsed and `→` accepted for `->`.
    public init?(name: String) {
        let normalised = name
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .map { $0 == "→" ? "->" : String($0) }
            .joined(separator: " ")
        self.init(rawValue: normalised)
    }

    /// Flavour of the charged lepton, hence of the mixing element |U_l|² constrained.
    public var flavour: LeptonFlavour {
        switch self {
        case .kaonToElectronN, .kaonToPi0ElectronN: return .electron
        case .kaonToMuonN, .kaonToPi0MuonN: return .muon
        }
    }

    /// Whether a π0 accompanies the lepton (three-body semileptonic production).
    public var hasNeutralPion: Bool {
        self == .kaonToPi0ElectronN || self == .kaonToPi0MuonN
    }

    /// Largest kinematically allowed HNL mass [GeV]: m_K − m_l, or m_K − m_π0 − m_l.
    public var endpointGeV: Double {
        PDG2020.kaonChargedMassGeV - flavour.massGeV - (hasNeutralPion ? PDG2020.pionNeutralMassGeV : 0)
    }

    /// Production branching fraction B(K+ → … N) per unit |U_l|² at HNL mass `massGeV`;
    /// zero at and beyond the endpoint.
    public func branchingFractionPerU2(massGeV: Double) -> Double {
        guard massGeV >= 0, massGeV < endpointGeV else { return 0 }
        if hasNeutralPion {
            return SemileptonicProduction.branchingFractionPerU2(flavour: flavour, massGeV: massGeV)
        } else {
            return TwoBodyProduction.branchingFractionPerU2(flavour: flavour, massGeV: massGeV)
        }
    }
}
