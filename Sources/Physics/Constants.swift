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
    /// μ+ mean life τ_μ = 2.1969811(22) × 10⁻⁶ s [s] (PDG 2020 μ listing; cτ_μ = 658.638 m).
    public static let muonLifetimeSeconds = 2.1969811e-6
    /// Speed of light in vacuum c [m/s] (exact in the SI; PDG 2020 table "Physical constants").
    public static let speedOfLightMetresPerSecond = 299_792_458.0
    /// ħ [GeV s].
    public static let reducedPlanckGeVSeconds = 6.582119569e-25
    /// Fine-structure constant α (Thomson limit), for radiative decays.
    public static let fineStructure = 1.0 / 137.035999084
    /// K+ decay constant f_K [GeV] (normalisation f_π ≈ 130 MeV): FLAG 2019 N_f = 2+1+1
    /// average, 155.7 MeV, as quoted by the PDG 2020 review "Leptonic decays of charged
    /// pseudoscalar mesons". Sets the size of the structure-dependent K_l2γ terms relative to
    /// inner bremsstrahlung (docs/physics.md §5.3).
    public static let kaonDecayConstantGeV = 0.1557
    /// sin²θ_W, MS-bar at M_Z: 0.23121 (PDG 2020 review "Electroweak model and constraints on new
    /// physics", Table 10.2). Sets the Z couplings of the muon and the kaon in K+ → μ+ ν ν ν̄
    /// (docs/physics.md §10.4).
    public static let weakMixingSineSquared = 0.23121

    /// cτ_μ [m]: the muon's mean decay length at βγ = 1.
    public static var muonDecayLengthMetres: Double { speedOfLightMetresPerSecond * muonLifetimeSeconds }

    /// Total K+ width Γ_K = ħ/τ [GeV].
    public static var kaonChargedWidthGeV: Double { reducedPlanckGeVSeconds / kaonChargedLifetimeSeconds }
}

/// Measured K+ → γ transition form factors of K+ → l+ ν γ (vector F_V, axial vector F_A,
/// dimensionless, PDG normalisation; docs/physics.md §5.3). Not PDG 2020 averages alone: each
/// combination comes from the measurement that determines it.
public enum KaonPhotonFormFactorData {
    /// F_V(0) + F_A = 0.125 ± 0.007 ± 0.001 at q² = (p_K − k)² = 0: KLOE, F. Ambrosino et al.,
    /// Eur. Phys. J. C 64 (2009) 627, arXiv:0907.3594 (PDG listing AMBROSINO 2009E), fitted
    /// together with `vectorSlope` to K+ → e+ ν γ with E*_γ in 10–250 MeV, p*_e > 200 MeV.
    public static let sumAtZeroTransfer = 0.125
    /// Slope λ of F_V(q²) = F_V(0)(1 + λ q²/m_K²) = F_V(0)(1 + λ(1 − x)): λ = 0.38 ± 0.20 ± 0.02,
    /// same KLOE fit (correlation −0.93 with the sum).
    public static let vectorSlope = 0.38
    /// F_V − F_A = 0.153 ± 0.033: the PDG average of F_A − F_V = −0.153 in K+ → μ+ ν γ (listing
    /// "K± → ℓ± ν γ form factors";
    /// OKA, KRAVTSOV 2019; ISTRA+, DUK 2011), the combination K_e2γ at KLOE's cuts cannot
    /// see. Chiral perturbation theory at O(p⁴) predicts 0.055 (Bijnens, Ecker, Gasser,
    /// Nucl. Phys. B 396 (1993) 81); the measurement is 3σ above it.
    public static let differenceAtZeroTransfer = 0.153
}
