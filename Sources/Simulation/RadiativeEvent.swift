import Foundation
import Physics

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

    /// The same over `Lanes` (one draw, or several side by side), in the same operations.
    @inline(__always)
    func sample<L: Lanes>(lanes u: L) -> (energyGeV: L, inverseDensity: L) {
        let shifted = (minimumGeV + scaleGeV) * (u * logRange).exponential()
        return (L.minimum(shifted - scaleGeV, L(broadcast: maximumGeV)), shifted * logRange)
    }
}
