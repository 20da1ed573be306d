import Foundation
import Physics

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
        case .kaonToMuonN: self = .kmu2Gamma
        }
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

/// One weighted radiative event: what the detector model and the checks need.
public struct RadiativeEvent: Sendable, Equatable {
    /// m²_miss = (p_ν + k)² [GeV²], Lorentz invariant.
    public var missingMassSquaredGeV2: Double
    /// Photon energy in the kaon rest frame E*_γ [GeV].
    public var photonEnergyGeV: Double
    /// Cosine of the lepton–photon opening angle in the kaon rest frame.
    public var cosLeptonPhoton: Double
    /// Weight: the event's share of B(parent decay), i.e. Σw/N → Γ(E*_γ > cut)/Γ(parent).
    public var weight: Double

    public init(missingMassSquaredGeV2: Double, photonEnergyGeV: Double, cosLeptonPhoton: Double, weight: Double) {
        self.missingMassSquaredGeV2 = missingMassSquaredGeV2
        self.photonEnergyGeV = photonEnergyGeV
        self.cosLeptonPhoton = cosLeptonPhoton
        self.weight = weight
    }

    public static let empty = RadiativeEvent(missingMassSquaredGeV2: 0, photonEnergyGeV: 0, cosLeptonPhoton: 1, weight: 0)
}

/// What a `RadiativeSample` keeps of an event: m²_miss [GeV²], E*_γ [GeV] and the weight.
public struct RadiativePoint: Sendable, Equatable {
    public var missingMassSquaredGeV2: Double
    public var photonEnergyGeV: Double
    public var weight: Double

    @inlinable
    public init(missingMassSquaredGeV2: Double, photonEnergyGeV: Double, weight: Double) {
        self.missingMassSquaredGeV2 = missingMassSquaredGeV2
        self.photonEnergyGeV = photonEnergyGeV
        self.weight = weight
    }

    public static let empty = RadiativePoint(missingMassSquaredGeV2: 0, photonEnergyGeV: 0, weight: 0)
}

/// A weighted-event generator: a pure function of its random stream.
public protocol RadiativeEventGenerator: Sendable {
    var process: RadiativeProcess { get }
    /// The parts of the amplitude the weights follow (inner bremsstrahlung unless stated).
    var emission: RadiativeEmission { get }
    /// Lower photon-energy cut in the kaon frame [GeV]; softer photons belong to the peak at 0.
    var photonEnergyCutoffGeV: Double { get }
    func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent
    /// The next `points.count` events of the stream, exactly as as many calls of `next(using:)`
    /// give them, reduced to `RadiativePoint`s (the sample generator's hot loop).
    func fill(_ points: UnsafeMutableBufferPointer<RadiativePoint>, using rng: inout Xoshiro256StarStar)
}

extension RadiativeEventGenerator {
    public var emission: RadiativeEmission { .innerBremsstrahlung }

    public func fill(_ points: UnsafeMutableBufferPointer<RadiativePoint>, using rng: inout Xoshiro256StarStar) {
        for i in points.indices {
            let event = next(using: &rng)
            points[i] = RadiativePoint(missingMassSquaredGeV2: event.missingMassSquaredGeV2,
                                       photonEnergyGeV: event.photonEnergyGeV, weight: event.weight)
        }
    }
}

/// Photon-energy importance sampling shared by the generators: density ∝ 1/(E + E₀) on
/// [E_cut, E_max], i.e. Low's 1/E spectrum below E₀ and flat above it, so hard photons (the
/// only ones reaching m²_miss ≳ 0.01 GeV²) are not starved. One exp per draw.
public struct PhotonEnergySampler: Sendable {
    public let minimumGeV: Double
    public let maximumGeV: Double
    public let scaleGeV: Double
    @usableFromInline let logRange: Double

    public init(minimumGeV: Double, maximumGeV: Double, scaleGeV: Double) {
        precondition(minimumGeV > 0 && maximumGeV > minimumGeV && scaleGeV >= 0, "invalid photon-energy range")
        self.minimumGeV = minimumGeV
        self.maximumGeV = maximumGeV
        self.scaleGeV = scaleGeV
        logRange = Foundation.log((maximumGeV + scaleGeV) / (minimumGeV + scaleGeV))
    }

    /// (E, 1/pdf(E)) from a uniform u ∈ (0, 1): the inverse density is what weights need.
    @inlinable @inline(__always)
    public func sample(_ u: Double) -> (energyGeV: Double, inverseDensity: Double) {
        let shifted = (minimumGeV + scaleGeV) * Foundation.exp(u * logRange)
        return (min(shifted - scaleGeV, maximumGeV), shifted * logRange)
    }
}
