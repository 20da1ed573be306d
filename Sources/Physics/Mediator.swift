/// The invisible mediator X of K+ → μ+ ν X (Krnjaic, Marques-Tavares, Redigolo, Tobioka,
/// PRL 124 (2020) 041802, arXiv:1902.07715; seed 000 ref. [7]), named as users write it
/// (`mediator: scalar`). X is radiated by the lepton line of K+ → μ+ ν_μ; the models differ in
/// which leptons it couples to and with which Lorentz structure (docs/physics.md §10.1):
///
/// - `scalar`: the muon-philic scalar, L ⊃ g_μ S μ̄μ, emitted by the muon only.
/// - `vector`: the gauged L_μ − L_τ boson of the PRL, L ⊃ g_μ Z'_α (μ̄γ^α μ + ν̄_μ γ^α P_L ν_μ),
///   emitted by the muon and the muon neutrino; the current is conserved, so its longitudinal
///   mode decouples (k_α M^α = 0).
/// - `muon-vector`: a vector coupled to the muon alone, L ⊃ g_μ V_α μ̄γ^α μ. Its current is not
///   conserved by the weak vertex (μ ↔ ν_μ), so the longitudinal mode adds |k·M|²/m_X² and the
///   rate grows as 1/m_X² at small m_X: it differs from `vector`, and is offered for comparison.
public enum Mediator: String, Sendable, CaseIterable, Codable {
    case scalar
    case vector
    case muonVector = "muon-vector"

    /// What tables and figure legends call it.
    public var description: String {
        switch self {
        case .scalar: return "scalar"
        case .vector: return "vector (L_μ − L_τ)"
        case .muonVector: return "vector (muon only)"
        }
    }
}
