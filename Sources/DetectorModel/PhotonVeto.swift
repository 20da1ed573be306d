/// Photon-veto response: the probability that a radiative photon escapes detection,
/// which is what lets K+ → π0 e+ ν γ (or K+ → μ+ ν γ) fake a heavy-lepton signal.
///
/// Model of seed 001 (Tastet et al. 2021) Sec. III: hermetic coverage up to the polar angle
/// θ_max with inefficiency ε (10⁻³ nominal); beyond θ_max the photon is either always missed
/// (the paper's conservative choice) or covered with probability ≈ θ_max/θ_γ.
public struct PhotonVeto: Sendable, Equatable {
    /// What happens to photons at θ_γ ≥ θ_max.
    public enum Beyond: String, Sendable, Equatable, CaseIterable {
        /// Always missed (seed 001's conservative assumption).
        case missed
        /// Partial geometric coverage θ_max/θ_γ, with the same inefficiency where covered.
        case partial
    }

    /// Edge of the hermetic coverage, lab polar angle to the beam axis [rad].
    public var hermeticAngleRad: Double
    /// Detection inefficiency inside the coverage.
    public var inefficiency: VetoInefficiency
    public var beyond: Beyond

    public init(hermeticAngleRad: Double, inefficiency: VetoInefficiency, beyond: Beyond) {
        self.hermeticAngleRad = hermeticAngleRad
        self.inefficiency = inefficiency
        self.beyond = beyond
    }
}

/// Photon-detection inefficiency of the veto: one number, or a table of lab photon energy
/// [GeV] → inefficiency, interpolated linearly and held constant beyond its ends.
public enum VetoInefficiency: Sendable, Equatable {
    case constant(Double)
    case table(energiesGeV: [Double], inefficiencies: [Double])
}

/// Signal acceptance ε_sig: one number, or a table of HNL mass [GeV] → acceptance,
/// interpolated linearly and held constant beyond its ends.
public enum SignalAcceptance: Sendable, Equatable {
    case constant(Double)
    case table(massesGeV: [Double], acceptances: [Double])
}
