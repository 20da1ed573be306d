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
    /// ε_sig at HNL mass (or true missing mass) `massGeV`: the constant, or the table
    /// interpolated linearly in mass (or in m²_miss = massGeV²) and held constant beyond its ends.
    public func value(atMassGeV mass: Double) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .table(let masses, let acceptances):
            return PiecewiseLinear.value(at: mass, xs: masses, ys: acceptances)
        case .missingMassSquaredTable(let m2s, let acceptances):
            return PiecewiseLinear.value(at: mass * mass, xs: m2s, ys: acceptances)
        }
    }
}

extension PhotonVeto {
    /// NA62 as modelled in seed 001 Sec. III: hermetic to 50 mrad, inefficiency 10⁻³, photons
    /// beyond always missed.
    public static let seed001 = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(1e-3), beyond: .missed)

    /// P(miss | θ, E) for a photon at lab polar angle `angleRad` with lab energy `energyGeV`
    /// (seed 001 Sec. III; docs/physics.md §5.7): inside a region → its inefficiency(E); between
    /// regions → 1; beyond θ_max, `missed` → 1, `partial` → 1 − (θ_max/θ)(1 − inefficiency(E))
    /// with the outermost region's inefficiency.
    public func missProbability(labAngleRad angle: Double, labEnergyGeV energy: Double) -> Double {
        let outer = regions[regions.count - 1]
        if angle >= outer.toAngleRad {
            switch beyond {
            case .missed: return 1
            case .partial: return 1 - outer.toAngleRad / angle * (1 - outer.inefficiency.value(atEnergyGeV: energy))
            }
        }
        for region in regions where angle < region.toAngleRad {
            return angle >= region.fromAngleRad ? region.inefficiency.value(atEnergyGeV: energy) : 1
        }
        return 1
    }

    /// P(miss) averaged over the photon's direction for a photon of kaon-frame energy
    /// `photonEnergyGeV`. The K+ is spinless, so the orientation of the decay is isotropic and
    /// independent of m²_miss: ½∫ P(miss | θ(cos θ*), E(E*, cos θ*)) d cos θ*. Each region (and
    /// each gap between regions, always missed) is a band of cos θ* in which the lab energy
    /// E = γE*(1 + β cos θ*) is uniform, so its part is integrated exactly; the partial-coverage
    /// part beyond θ_max by Gauss–Legendre in ln(1 + cos θ*), where the lab angle opens up from
    /// θ_max to π.
    public func meanMissProbability(photonEnergyGeV energy: Double, beam: KaonBeam = .na62) -> Double {
        var covered = 0.0
        var previousEdge = 1.0  // cos θ* at θ = 0
        for region in regions {
            let upper = region.fromAngleRad > 0 ? beam.cosThetaStar(labPolarAngleRad: region.fromAngleRad) : 1
            let lower = beam.cosThetaStar(labPolarAngleRad: region.toAngleRad)
            covered += 0.5 * (previousEdge - upper)  // the gap below this region
            let highEnergy = beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: upper)
            let lowEnergy = beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: lower)
            covered += 0.5 * (upper - lower) * region.inefficiency.average(fromEnergyGeV: lowEnergy, toEnergyGeV: highEnergy)
            previousEdge = lower
        }
        let edge = previousEdge
        switch beyond {
        case .missed:
            return covered + 0.5 * (1 + edge)
        case .partial:
            let lower = Foundation.log(1e-12), upper = Foundation.log(1 + edge)
            let outside = PhotonVeto.angularRule.integrate(from: lower, to: upper, panels: 8) { u in
                let onePlusC = Foundation.exp(u)
                let c = onePlusC - 1
                let angle = beam.labPolarAngleRad(cosThetaStar: c)
                return onePlusC * missProbability(labAngleRad: angle, labEnergyGeV: beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: c))
            }
            return covered + 0.5 * outside
        }
    }

    static let angularRule = GaussLegendre(points: 16)
}
