import Foundation

/// The radiative K+ decay whose escaping photon fakes a heavy-lepton signal in each channel:
/// the photon carries off missing mass, m²_miss = (p_ν + k)² > 0 (seed 001 Sec. III;
/// docs/physics.md §5.1).
///
/// K_l3γ is generated with inner bremsstrahlung only. K+ → l+ ν γ is generated with IB alone
/// (the projection's default) or with the structure-dependent (SD) emission and its
/// interference as well (`RadiativeEmission`): for K_e2γ the helicity-unsuppressed SD terms
/// exceed IB, so the IB-only K+ → e+ N background is a lower estimate (docs/physics.md §5.3).
public enum RadiativeProcess: String, Sendable, CaseIterable, Hashable, Codable {
    /// K+ → π0 e+ ν γ, background to K+ → π0 e+ N.
    case ke3Gamma = "K+ -> pi0 e+ nu gamma"
    /// K+ → π0 μ+ ν γ, background to K+ → π0 μ+ N.
    case kmu3Gamma = "K+ -> pi0 mu+ nu gamma"
    /// K+ → e+ ν γ, background to K+ → e+ N.
    case ke2Gamma = "K+ -> e+ nu gamma"
    /// K+ → μ+ ν γ, background to K+ → μ+ N (seed 000 Table 1).
    case kmu2Gamma = "K+ -> mu+ nu gamma"

    /// The radiative background of a production channel.
    public init(backgroundFor channel: Channel) {
        switch channel {
        case .kaonToPi0ElectronN: self = .ke3Gamma
        case .kaonToPi0MuonN: self = .kmu3Gamma
        case .kaonToElectronN: self = .ke2Gamma
        case .kaonToMuonN, .kaonToMuonNeutrinoX, .kaonToMuonThreeNeutrinos: self = .kmu2Gamma
        }
    }

    /// Whether it reconstructs as `channel`'s final state: the same charged lepton, and a π0
    /// exactly when the channel has one (the m²_miss of both is computed from the same particles).
    public func isBackground(to channel: Channel) -> Bool {
        flavour == channel.flavour && hasNeutralPion == RadiativeProcess(backgroundFor: channel).hasNeutralPion
    }

    public var flavour: LeptonFlavour {
        switch self {
        case .ke3Gamma, .ke2Gamma: return .electron
        case .kmu3Gamma, .kmu2Gamma: return .muon
        }
    }

    /// Whether a π0 accompanies the lepton (K_l3γ) or not (K_l2γ).
    public var hasNeutralPion: Bool { self == .ke3Gamma || self == .kmu3Gamma }

    /// Measured branching fraction of the non-radiative parent decay, radiation included
    /// (PDG 2020): generated weights are fractions of it.
    public var parentBranchingFraction: Double {
        switch self {
        case .ke3Gamma: return PDG2020.branchingKe3
        case .kmu3Gamma: return PDG2020.branchingKmu3
        case .ke2Gamma: return PDG2020.branchingKaonToElectronNeutrino
        case .kmu2Gamma: return PDG2020.branchingKaonToMuonNeutrino
        }
    }

    /// Largest m²_miss = (p_ν + k)² [GeV²]: (m_K − m_π0 − m_l)² or (m_K − m_l)².
    public var missingMassSquaredEndpointGeV2: Double {
        let endpoint = PDG2020.kaonChargedMassGeV - flavour.massGeV - (hasNeutralPion ? PDG2020.pionNeutralMassGeV : 0)
        return endpoint * endpoint
    }

    /// Largest photon energy in the kaon rest frame [GeV]: (m_K² − m_rest²)/(2 m_K), with m_rest
    /// the mass of everything else at rest together.
    public var photonEnergyEndpointGeV: Double {
        let mK = PDG2020.kaonChargedMassGeV
        let rest = flavour.massGeV + (hasNeutralPion ? PDG2020.pionNeutralMassGeV : 0)
        return (mK * mK - rest * rest) / (2 * mK)
    }
}

/// A built-in background process a scenario names in `background: [{process: …}]`: a
/// radiative decay whose photon escapes (`RadiativeProcess`, docs/physics.md §5.1–§5.5), or a
/// K_l3 decay whose π0 → γγ photons both escape (docs/physics.md §5.13), or K+ → μ+ ν with the
/// muon decaying in flight to a positron (docs/physics.md §5.15).
public enum BackgroundProcess: String, Sendable, CaseIterable, Hashable {
    /// Whether a component of this process may state a `rejection` factor: the vertex and
    /// track-quality criteria it stands for act on the muon-decay kink only.
    public var acceptsRejection: Bool { self == .kmu2MuonDecay }

    case ke3Gamma = "K+ -> pi0 e+ nu gamma"
    case kmu3Gamma = "K+ -> pi0 mu+ nu gamma"
    case ke2Gamma = "K+ -> e+ nu gamma"
    case kmu2Gamma = "K+ -> mu+ nu gamma"
    /// K+ → π0 e+ ν with both photons undetected, background to K+ → e+ N.
    case ke3 = "K+ -> pi0 e+ nu"
    /// K+ → π0 μ+ ν with both photons undetected, background to K+ → μ+ N (seed 000 Table 1).
    case kmu3 = "K+ -> pi0 mu+ nu"
    /// K+ → μ+ ν with μ+ → e+ ν ν̄ in the decay volume, the positron taken for the K+ → e+ N
    /// candidate; background to K+ → e+ N only.
    case kmu2MuonDecay = "K+ -> mu+ nu, mu+ -> e+ nu nubar"

    public init(_ radiative: RadiativeProcess) {
        switch radiative {
        case .ke3Gamma: self = .ke3Gamma
        case .kmu3Gamma: self = .kmu3Gamma
        case .ke2Gamma: self = .ke2Gamma
        case .kmu2Gamma: self = .kmu2Gamma
        }
    }

    /// The radiative decay, for the radiative processes.
    public var radiative: RadiativeProcess? { RadiativeProcess(rawValue: rawValue) }

    /// The lepton of a K_l3 decay with its π0 undetected, for those processes.
    public var undetectedPionFlavour: LeptonFlavour? {
        switch self {
        case .ke3: return .electron
        case .kmu3: return .muon
        default: return nil
        }
    }

    /// Whether its reconstructed final state is `channel`'s: for a radiative decay the same
    /// lepton and π0 content; a K_l3 decay with both photons lost looks like K+ → l+ + missing
    /// mass, so it fakes the two-body channel of its lepton only; a muon decaying to a positron
    /// fakes K+ → e+ N only (no π0, a positron).
    public func isBackground(to channel: Channel) -> Bool {
        if let radiative { return radiative.isBackground(to: channel) }
        if self == .kmu2MuonDecay { return channel == .kaonToElectronN }
        return undetectedPionFlavour == channel.flavour && !RadiativeProcess(backgroundFor: channel).hasNeutralPion
    }
}
