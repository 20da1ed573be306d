import Foundation

/// The positron spectrum of polarised μ+ → e+ ν_e ν̄_μ at tree level in the V−A theory, with
/// m_e → 0 in the rate (docs/physics.md §5.15).
///
/// PDG 2020 review "Muon decay parameters" (W. Fetscher, H.-J. Gerber), Eq. (2): with x = E_e/W,
/// W = m_μ/2 (m_e → 0, x₀ = 0), and the Standard-Model Michel parameters ρ = 3/4, η = 0, ξ = 1,
/// δ = 3/4, F_IS(x) = x(1 − x) + (2/9)ρ(4x² − 3x) = x(3 − 2x)/6 and
/// F_AS(x) = (ξ/3) x[1 − x + (2/3)δ(4x − 3)] = x(2x − 1)/6, so
///
///     d²Γ/dx dcos θ ∝ x² [(3 − 2x) + P_μ ξ cos θ (2x − 1)]      (μ+),
///
/// θ the angle between the positron momentum and the muon polarisation vector in the muon rest
/// frame. The sign is that of μ+: at x = 1 the positron goes along the spin (1 + cos θ); for μ−
/// the asymmetry term changes sign. Normalised here to 1 on x ∈ [0, 1], cos θ ∈ [−1, 1]:
/// ∫x²(3 − 2x)dx = 1/2 and ∫dcos θ = 2. Integrated over x the angular distribution is
/// (1 + (ξ P_μ/3) cos θ)/2, and the unpolarised mean is ⟨x⟩ = 7/10.
public enum MichelSpectrum {
    /// ξ of the V−A theory.
    public static let xi = 1.0

    /// The normalised density in (x, cos θ) for polarisation `polarisation` along the axis θ is
    /// measured from: x²[(3 − 2x) + P ξ cos θ (2x − 1)], zero outside the square.
    @inlinable
    public static func density(x: Double, cosTheta c: Double, polarisation: Double) -> Double {
        guard x >= 0, x <= 1, c >= -1, c <= 1 else { return 0 }
        return x * x * ((3 - 2 * x) + polarisation * xi * c * (2 * x - 1))
    }

    /// The largest density on the square, reached at x = 1, cos θ = sign(P): 1 + |P|ξ ≤ 2.
    public static let densityBound = 2.0

    /// One (x, cos θ) draw by rejection from uniform numbers in [0, 1) (`uniform`), exact for any
    /// |P| ≤ 1; on average 4 trials.
    @inlinable
    public static func draw(polarisation: Double, uniform: () -> Double) -> (x: Double, cosTheta: Double) {
        while true {
            let x = uniform(), c = 2 * uniform() - 1
            if uniform() * densityBound < density(x: x, cosTheta: c, polarisation: polarisation) { return (x, c) }
        }
    }
}

/// The chance that a particle of mass m, momentum p and mean life τ decays within a flight path
/// L, by the exponential decay law: P = 1 − exp(−L m/(p c τ)), the mean decay length being
/// βγ cτ = (p/m) cτ (PDG 2020 review "Kinematics").
public enum DecayInFlight {
    /// Mean decay length βγcτ [m] of a muon of lab momentum `momentumGeV`.
    @inlinable
    public static func muonDecayLengthMetres(momentumGeV p: Double) -> Double {
        p / PDG2020.muonMassGeV * PDG2020.muonDecayLengthMetres
    }

    /// P(decay within `pathMetres`) of a muon of lab momentum `momentumGeV`: −expm1(−L/λ).
    @inlinable
    public static func muonProbability(momentumGeV p: Double, pathMetres: Double) -> Double {
        -expm1(-pathMetres / muonDecayLengthMetres(momentumGeV: p))
    }

    /// A decay distance [m] drawn from the exponential law, λ = mean decay length, u ∈ [0, 1):
    /// −λ ln(1 − u).
    @inlinable
    public static func distanceMetres(decayLengthMetres lambda: Double, uniform u: Double) -> Double {
        -lambda * log1p(-u)
    }
}
