/// Which parts of the K+ → l+ ν γ amplitude a sample is generated with (docs/physics.md §5.3).
///
/// Inner bremsstrahlung is fixed by the non-radiative decay; structure-dependent emission adds
/// the K+ → γ transition form factors F_V, F_A (`KaonPhotonFormFactors.measured`) and its
/// interference with IB. Only K_l2γ has both; K_l3γ is generated with IB alone.
public enum RadiativeEmission: String, Sendable, CaseIterable, Hashable, Codable {
    /// Inner bremsstrahlung only (K_l3γ always; K_l2γ when a scenario asks for it).
    case innerBremsstrahlung = "inner-bremsstrahlung"
    /// Inner bremsstrahlung, structure-dependent SD± and the interference INT± (K_l2γ only; a
    /// scenario's default for K+ → l+ ν γ).
    case innerBremsstrahlungAndStructure = "inner-bremsstrahlung+structure"

    /// Whether `process` can be generated with this emission.
    public func isAvailable(for process: RadiativeProcess) -> Bool {
        self == .innerBremsstrahlung || !process.hasNeutralPion
    }
}
