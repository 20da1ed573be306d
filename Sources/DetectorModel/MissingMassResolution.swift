import Quadrature

/// σ of the reconstructed m²_miss [GeV²]: one number, or a table of σ against the missing mass
/// m_miss = √m²_miss, interpolated linearly in m_miss and constant beyond its ends
/// (docs/physics.md §5.8; the mass dependence of §5.8.1 follows seed 000 Fig. 3, left, where
/// the resolution improves towards the kinematic endpoint).
public enum MissingMassResolution: Sendable, Equatable {
    /// The same σ [GeV²] at every m²_miss.
    case constant(Double)
    /// σ [GeV²] at strictly increasing missing masses [GeV] (at least two points).
    case table(massesGeV: [Double], sigmasGeV2: [Double])

    /// σ [GeV²] for an event at missing mass `massGeV` [GeV].
    public func sigmaGeV2(atMissingMassGeV massGeV: Double) -> Double {
        switch self {
        case .constant(let sigma): return sigma
        case .table(let masses, let sigmas): return PiecewiseLinear.value(at: massGeV, xs: masses, ys: sigmas)
        }
    }

    /// σ [GeV²] for an event at m²_miss = `m2GeV2`; m²_miss ≤ 0 (the smeared peak of the
    /// two-body decay to a massless neutrino and below) takes the σ at m_miss = 0.
    public func sigmaGeV2(atMissingMassSquaredGeV2 m2GeV2: Double) -> Double {
        switch self {
        case .constant(let sigma): return sigma
        case .table: return sigmaGeV2(atMissingMassGeV: max(m2GeV2, 0).squareRoot())
        }
    }

    /// The largest σ [GeV²] anywhere (the reach of the smearing, the range of a spectrum).
    public var largestGeV2: Double {
        switch self {
        case .constant(let sigma): return sigma
        case .table(_, let sigmas): return sigmas.max() ?? 0
        }
    }

    /// The one σ when the resolution is constant, else nil.
    public var constantGeV2: Double? {
        if case .constant(let sigma) = self { return sigma }
        return nil
    }
}
