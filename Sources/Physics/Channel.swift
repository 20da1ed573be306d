/// A signal process in K+ decays, named as users write it (`K+ -> pi0 e+ N`): heavy-neutral-lepton
/// production, a peak at m_N² whose parameter of interest is |U_l|², or a continuum search
/// (`K+ -> mu+ nu X`, seed 000 Sec. 6), a spectrum in m²_miss whose parameter of interest is a
/// branching fraction. It knows its lepton flavour, its kinematic endpoint and, for an HNL, its
/// production branching fraction per unit |U_l|².
public enum Channel: String, Sendable, CaseIterable, Codable {
    case kaonToElectronN = "K+ -> e+ N"
    case kaonToMuonN = "K+ -> mu+ N"
    case kaonToPi0ElectronN = "K+ -> pi0 e+ N"
    case kaonToPi0MuonN = "K+ -> pi0 mu+ N"
    /// K+ → μ+ ν X, X an invisible scalar or vector mediator (`Mediator`) of mass m_X.
    case kaonToMuonNeutrinoX = "K+ -> mu+ nu X"
    /// K+ → μ+ ν ν ν̄ with the Standard-Model spectrum (`MuonThreeNeutrinoRate`): one
    /// hypothesis, no mass to scan.
    case kaonToMuonThreeNeutrinos = "K+ -> mu+ nu nu nubar"

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
        case .kaonToMuonN, .kaonToPi0MuonN, .kaonToMuonNeutrinoX, .kaonToMuonThreeNeutrinos: return .muon
        }
    }

    /// Whether the signal is a continuum in m²_miss tested above a cut, with a branching fraction
    /// as parameter of interest (seed 000 Sec. 6), rather than an HNL peak in a window.
    public var isContinuum: Bool { self == .kaonToMuonNeutrinoX || self == .kaonToMuonThreeNeutrinos }

    /// Whether the signal has a mass to scan (m_N, m_X); K+ → μ+ ν ν ν̄ has none.
    public var hasMass: Bool { self != .kaonToMuonThreeNeutrinos }

    /// The normalised true m²_miss spectrum of a continuum channel at `massGeV` (ignored without
    /// a mass); nil for a peak or a mass outside the kinematic range.
    public func continuumSpectrum(mediator: Mediator, massGeV: Double) -> MissingMassSpectrum? {
        switch self {
        case .kaonToMuonNeutrinoX: return MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: massGeV).spectrum()
        case .kaonToMuonThreeNeutrinos: return MuonThreeNeutrinoRate.spectrum
        default: return nil
        }
    }

    /// Whether a π0 accompanies the lepton (three-body semileptonic production).
    public var hasNeutralPion: Bool {
        self == .kaonToPi0ElectronN || self == .kaonToPi0MuonN
    }

    /// Largest kinematically allowed HNL (or mediator) mass [GeV]: m_K − m_l, or m_K − m_π0 − m_l.
    public var endpointGeV: Double {
        PDG2020.kaonChargedMassGeV - flavour.massGeV - (hasNeutralPion ? PDG2020.pionNeutralMassGeV : 0)
    }

    /// Production branching fraction B(K+ → … N) per unit |U_l|² at HNL mass `massGeV`;
    /// zero at and beyond the endpoint, and for a continuum channel (no |U|²).
    public func branchingFractionPerU2(massGeV: Double) -> Double {
        guard !isContinuum, massGeV >= 0, massGeV < endpointGeV else { return 0 }
        if hasNeutralPion {
            return SemileptonicProduction.branchingFractionPerU2(flavour: flavour, massGeV: massGeV)
        } else {
            return TwoBodyProduction.branchingFractionPerU2(flavour: flavour, massGeV: massGeV)
        }
    }
}
