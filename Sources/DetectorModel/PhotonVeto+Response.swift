import Foundation
import Physics
import Quadrature

extension VetoInefficiency {
    /// Inefficiency at lab photon energy `energyGeV`: the constant, or the table interpolated
    /// linearly and held constant beyond its ends (tables are validated ascending by the
    /// scenario layer; an empty table counts as a perfect veto).
    public func value(atEnergyGeV energy: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .table(let energies, let values):
            return PiecewiseLinear.value(at: energy, xs: energies, ys: values)
        }
    }

    /// Mean inefficiency over lab energies uniformly distributed in [lo, hi] (exact for the
    /// piecewise-linear table).
    public func average(fromEnergyGeV lo: Double, toEnergyGeV hi: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .table(let energies, let values):
            guard hi > lo else { return value(atEnergyGeV: lo) }
            return PiecewiseLinear.integral(from: lo, to: hi, xs: energies, ys: values) / (hi - lo)
        }
    }
}

extension SignalAcceptance {
    /// ε_sig at HNL mass `massGeV`: the constant, or the table interpolated linearly in mass and
    /// held constant beyond its ends.
    public func value(atMassGeV mass: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .table(let masses, let acceptances):
            return PiecewiseLinear.value(at: mass, xs: masses, ys: acceptances)
        }
    }
}

extension PhotonVeto {
    /// NA62 as modelled in seed 001 Sec. III: hermetic to 50 mrad, inefficiency 10⁻³, photons
    /// beyond always missed.
    public static let seed001 = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(1e-3), beyond: .missed)

    /// P(miss | θ, E) for a photon at lab polar angle `angleRad` with lab energy `energyGeV`
    /// (seed 001 Sec. III; docs/physics.md §5.7): θ < θ_max → inefficiency(E); beyond, `missed` → 1,
    /// `partial` → 1 − (θ_max/θ)(1 − inefficiency(E)).
    public func missProbability(labAngleRad angle: Double, labEnergyGeV energy: Double) -> Double {
        let inefficiency = self.inefficiency.value(atEnergyGeV: energy)
        if angle < hermeticAngleRad { return inefficiency }
        switch beyond {
        case .missed: return 1
        case .partial: return 1 - hermeticAngleRad / angle * (1 - inefficiency)
        }
    }

    /// P(miss) averaged over the photon's direction for a photon of kaon-frame energy
    /// `photonEnergyGeV`. The K+ is spinless, so the orientation of the decay is isotropic and
    /// independent of m²_miss: ½∫ P(miss | θ(cos θ*), E(E*, cos θ*)) d cos θ*. The hermetic part
    /// is integrated exactly in lab energy; the partial-coverage part by Gauss–Legendre in
    /// ln(1 + cos θ*), where the lab angle opens up from θ_max to π.
    public func meanMissProbability(photonEnergyGeV energy: Double, beam: KaonBeam = .na62) -> Double {
        let edge = beam.cosThetaStar(labPolarAngleRad: hermeticAngleRad)
        let lowEnergy = beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: edge)
        let highEnergy = beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: 1)
        let hermetic = 0.5 * (1 - edge) * inefficiency.average(fromEnergyGeV: lowEnergy, toEnergyGeV: highEnergy)
        switch beyond {
        case .missed:
            return hermetic + 0.5 * (1 + edge)
        case .partial:
            let lower = Foundation.log(1e-12), upper = Foundation.log(1 + edge)
            let outside = PhotonVeto.angularRule.integrate(from: lower, to: upper, panels: 8) { u in
                let onePlusC = Foundation.exp(u)
                let c = onePlusC - 1
                let angle = beam.labPolarAngleRad(cosThetaStar: c)
                return onePlusC * missProbability(labAngleRad: angle, labEnergyGeV: beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: c))
            }
            return hermetic + 0.5 * outside
        }
    }

    static let angularRule = GaussLegendre(points: 16)
}
