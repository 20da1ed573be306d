/// Physical constants used throughout `reach`, all from one source:
/// **PDG 2020** — P.A. Zyla et al. (Particle Data Group), Prog. Theor. Exp. Phys. 2020, 083C01,
/// the edition used by both seed papers (NA62 2021, PLB 816 136259; Tastet et al. 2021).
///
/// Units: masses in GeV (names end in `GeV`), branching fractions dimensionless,
/// G_F in GeV⁻², lifetimes in seconds. Nothing else in the code base may hard-code one of these.
public enum PDG2020 {
    /// Name of the edition, printed in tables and figure footers.
    public static let edition = "PDG 2020 (Prog. Theor. Exp. Phys. 2020, 083C01)"

    // MARK: Masses [GeV]
    public static let kaonChargedMassGeV = 0.493677
    public static let pionNeutralMassGeV = 0.1349768
    public static let pionChargedMassGeV = 0.13957039
    public static let muonMassGeV = 0.1056583745
    public static let electronMassGeV = 0.00051099895

    // MARK: K+ branching fractions
    /// B(K+ → μ+ ν_μ).
    public static let branchingKaonToMuonNeutrino = 0.6356
    /// B(K+ → e+ ν_e).
    public static let branchingKaonToElectronNeutrino = 1.582e-5
    /// B(K+ → π0 e+ ν_e) (K_e3).
    public static let branchingKe3 = 0.0507
    /// B(K+ → π0 μ+ ν_μ) (K_μ3).
    public static let branchingKmu3 = 0.03352

    // MARK: π0 branching fractions
    /// B(π0 → γγ); the rest is almost all the Dalitz decay π0 → e+ e− γ (1.174 %).
    public static let branchingPi0ToTwoPhotons = 0.98823

    // MARK: Couplings and decay constants
    /// Fermi constant G_F [GeV⁻²].
    public static let fermiConstantPerGeV2 = 1.1663787e-5
    /// f₊(0)|V_us| from K_l3 decays (PDG 2020 review "V_ud, V_us, the Cabibbo angle").
    public static let formFactorTimesVus = 0.21654
    /// K+ mean life [s].
    public static let kaonChargedLifetimeSeconds = 1.2380e-8
    /// ħ [GeV s].
    public static let reducedPlanckGeVSeconds = 6.582119569e-25
    /// Fine-structure constant α (Thomson limit), for radiative decays.
    public static let fineStructure = 1.0 / 137.035999084

    /// Total K+ width Γ_K = ħ/τ [GeV].
    public static var kaonChargedWidthGeV: Double { reducedPlanckGeVSeconds / kaonChargedLifetimeSeconds }
}
