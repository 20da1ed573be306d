import Foundation
import Physics

/// The NA62 kaon beam: K+ of fixed momentum along the beam (z) axis (seed 000 Sec. 1:
/// 75 GeV/c, 1 % rms spread and 0.11 mrad divergence neglected here).
///
/// Photon kinematics in the lab follow from the kaon-frame energy E* and polar angle θ* to the
/// beam by the boost: E = γE*(1 + β cos θ*), tan θ = sin θ*/(γ(cos θ* + β)), and inversely
/// cos θ* = (cos θ − β)/(1 − β cos θ) (aberration of light). The lab angle of a photon depends
/// only on θ*, not on its energy.
public struct KaonBeam: Sendable, Equatable {
    public let momentumGeV: Double
    /// Lorentz factor γ_K = E_K/m_K (≈ 151.9 at 75 GeV/c).
    public let gamma: Double
    /// Velocity β_K.
    public let beta: Double
    /// 1 − β_K, computed without cancellation as m²/(E(E + p)).
    public let oneMinusBeta: Double

    public init(momentumGeV: Double) {
        let m = PDG2020.kaonChargedMassGeV
        let energy = (momentumGeV * momentumGeV + m * m).squareRoot()
        self.momentumGeV = momentumGeV
        gamma = energy / m
        beta = momentumGeV / energy
        oneMinusBeta = m * m / (energy * (energy + momentumGeV))
    }

    /// NA62: 75 GeV/c (seed 000 Sec. 1; seed 001 Sec. I.C).
    public static let na62 = KaonBeam(momentumGeV: 75)

    /// Lab polar angle θ [rad] of a photon emitted at cos θ* in the kaon frame.
    @inlinable
    public func labPolarAngleRad(cosThetaStar c: Double) -> Double {
        let sine = ((1 - c) * (1 + c)).squareRoot()
        return atan2(sine, gamma * (c + beta))
    }

    /// Lab energy [GeV] of a photon with kaon-frame energy `energyGeV` at cos θ*.
    @inlinable
    public func labEnergyGeV(photonEnergyGeV energy: Double, cosThetaStar c: Double) -> Double {
        gamma * energy * (1 + beta * c)
    }

    /// cos θ* of the photons seen at lab angle `angleRad`: (cos θ − β)/(1 − β cos θ), written
    /// with 1 − β and 1 − cos θ = 2 sin²(θ/2) so that it is exact at small angles.
    @inlinable
    public func cosThetaStar(labPolarAngleRad angle: Double) -> Double {
        let s = sin(0.5 * angle)
        let oneMinusCos = 2 * s * s
        return (oneMinusBeta - oneMinusCos) / (oneMinusBeta + beta * oneMinusCos)
    }

    /// Fraction of isotropically emitted photons (kaon frame) found beyond lab angle `angleRad`:
    /// (1 + cos θ*)/2. For 50 mrad: θ* ≈ 165°, 1.70 % (docs/physics.md §5.6).
    @inlinable
    public func fractionBeyond(labPolarAngleRad angle: Double) -> Double {
        0.5 * (1 + cosThetaStar(labPolarAngleRad: angle))
    }
}
