import Foundation
import Physics
import DetectorModel

/// One K+ → μ+ ν, μ+ → e+ ν ν̄ event: the m²_miss computed from the K+ and the positron, and the
/// muon's lab momentum (which sets its chance to decay in the decay volume).
public struct MuonDecayEvent: Sendable, Equatable {
    /// (p_K − p_e)² [GeV²], ideal momenta.
    public var missingMassSquaredGeV2: Double
    /// |p_μ| in the lab [GeV].
    public var muonMomentumGeV: Double
    /// Positron energy in the kaon rest frame [GeV].
    public var positronKaonFrameEnergyGeV: Double

    public init(missingMassSquaredGeV2: Double, muonMomentumGeV: Double, positronKaonFrameEnergyGeV: Double) {
        self.missingMassSquaredGeV2 = missingMassSquaredGeV2
        self.muonMomentumGeV = muonMomentumGeV
        self.positronKaonFrameEnergyGeV = positronKaonFrameEnergyGeV
    }
}

/// K+ → μ+ ν_μ with the μ+ decaying to e+ ν_e ν̄_μ, the positron taken as the K+ → e+ N
/// candidate (docs/physics.md §5.15).
///
/// **K+ → μ+ ν.** Two-body: in the kaon frame p*_μ = (m_K² − m_μ²)/(2m_K) = 235.5 MeV,
/// E*_μ = (m_K² + m_μ²)/(2m_K) (PDG 2020 review "Kinematics", two-body decays); the K+ is
/// spinless, so cos θ*_μ to the beam is uniform.
///
/// **Polarisation.** The ν_μ is left-handed (helicity −1/2) and the K+ has spin 0, so along the
/// decay axis the μ+ spin cancels the neutrino's: the neutrino spin points along its momentum's
/// opposite, −p̂_ν = +p̂_μ, so the μ+ spin points along −p̂_μ. The μ+ has helicity −1 in the kaon
/// frame, fully polarised, P_μ = −1 along its flight (massless ν). The decay volume has no magnetic
/// field, so the spin does not precess before the decay.
///
/// **μ+ decay.** In the muon rest frame, reached from the kaon frame by the boost along p̂*_μ,
/// (x, cos α) follow `MichelSpectrum` with P = −1 about α, the angle to p̂*_μ. The positron is
/// given E = max(xm_μ/2, m_e) and p = √(E² − m_e²) (the rate at m_e → 0, the kinematics with
/// the positron's mass). In the kaon frame E*_e = γ_μ(E + β_μ p cos α), γ_μ = E*_μ/m_μ,
/// β_μ = p*_μ/E*_μ, and m²_miss = (p_K − p_e)² = m_K² + m_e² − 2m_K E*_e is Lorentz invariant:
/// the lab boost is needed only for the muon's momentum, |p_μ| = √(E_μ² − m_μ²),
/// E_μ = γ_K(E*_μ + β_K p*_μ cos θ*_μ) (`KaonBeam`).
///
/// **Range.** m²_miss is the mass² of the three neutrinos, p_ν + (p_μ − p_e): a lightlike plus a
/// timelike future vector, so m²_miss ≥ 0; and E*_e ≥ m_e gives m²_miss ≤ (m_K − m_e)².
public struct MuonDecayInFlightGenerator: Sendable {
    public let beam: KaonBeam
    public let kaonMassGeV: Double
    public let muonMassGeV: Double
    public let electronMassGeV: Double
    /// p*_μ and E*_μ in the kaon frame [GeV].
    public let muonKaonFrameMomentumGeV: Double
    public let muonKaonFrameEnergyGeV: Double
    /// True m²_miss range [GeV²]: [0, (m_K − m_e)²].
    public let missingMassSquaredRangeGeV2: ClosedRange<Double>
    /// The μ+ polarisation along its kaon-frame flight direction: −1 (helicity −1).
    public static let polarisationAlongFlight = -1.0

    public init(beam: KaonBeam = .na62) {
        self.beam = beam
        let mK = PDG2020.kaonChargedMassGeV, mMu = PDG2020.muonMassGeV, mE = PDG2020.electronMassGeV
        kaonMassGeV = mK
        muonMassGeV = mMu
        electronMassGeV = mE
        muonKaonFrameMomentumGeV = (mK - mMu) * (mK + mMu) / (2 * mK)
        muonKaonFrameEnergyGeV = (mK * mK + mMu * mMu) / (2 * mK)
        missingMassSquaredRangeGeV2 = 0...((mK - mE) * (mK - mE))
    }

    /// One event's random numbers: the muon direction cos θ*_μ, then the Michel (x, cos α).
    struct Draws {
        var cosMuon: Double
        var x: Double
        var cosAlpha: Double
    }

    /// The draws of one event from uniform numbers in [0, 1) (the Michel rejection loop is the
    /// only branch on random values).
    @inline(__always)
    static func draw(_ rng: inout Xoshiro256StarStar) -> Draws {
        let cosMuon = 2 * rng.uniform() - 1
        let michel = MichelSpectrum.draw(polarisation: polarisationAlongFlight) { rng.uniform() }
        return Draws(cosMuon: cosMuon, x: michel.x, cosAlpha: michel.cosTheta)
    }

    /// One event from uniform numbers in [0, 1): the muon direction, then the Michel draw.
    public func next(using rng: inout Xoshiro256StarStar) -> MuonDecayEvent {
        let d = Self.draw(&rng)
        return event(cosMuon: d.cosMuon, x: d.x, cosAlpha: d.cosAlpha)
    }

    /// Fills `buffer` with consecutive events from `rng`, as as many calls of `next(using:)`
    /// give them (the sample's and the benchmark's loop): the draws of the block first, then
    /// the kinematics, so that the rejection loop's mispredicted exits do not discard the
    /// square roots and divisions of the events before them.
    public func fill(_ buffer: UnsafeMutableBufferPointer<MuonDecayEvent>, using rng: inout Xoshiro256StarStar) {
        withUnsafeTemporaryAllocation(of: Draws.self, capacity: buffer.count) { draws in
            for i in buffer.indices { draws.initializeElement(at: i, to: Self.draw(&rng)) }
            for i in buffer.indices { buffer[i] = event(cosMuon: draws[i].cosMuon, x: draws[i].x, cosAlpha: draws[i].cosAlpha) }
        }
    }

    /// The event of muon direction cos θ*_μ (kaon frame, to the beam) and positron (x, cos α)
    /// in the muon frame (α to the muon's kaon-frame flight direction).
    @inline(__always)
    public func event(cosMuon: Double, x: Double, cosAlpha: Double) -> MuonDecayEvent {
        let eStar = muonKaonFrameEnergyGeV, pStar = muonKaonFrameMomentumGeV
        let labEnergy = beam.gamma * (eStar + beam.beta * pStar * cosMuon)
        let labMomentum = ((labEnergy - muonMassGeV) * (labEnergy + muonMassGeV)).squareRoot()
        let energy = max(0.5 * x * muonMassGeV, electronMassGeV)
        let momentum = ((energy - electronMassGeV) * (energy + electronMassGeV)).squareRoot()
        // γ_μ E + γ_μ β_μ p cos α with γ_μ = E*/m_μ, γ_μ β_μ = p*/m_μ.
        let kaonFrameEnergy = (eStar * energy + pStar * momentum * cosAlpha) / muonMassGeV
        let m2 = kaonMassGeV * kaonMassGeV + electronMassGeV * electronMassGeV - 2 * kaonMassGeV * kaonFrameEnergy
        return MuonDecayEvent(missingMassSquaredGeV2: min(max(m2, missingMassSquaredRangeGeV2.lowerBound), missingMassSquaredRangeGeV2.upperBound),
                              muonMomentumGeV: labMomentum, positronKaonFrameEnergyGeV: kaonFrameEnergy)
    }
}
