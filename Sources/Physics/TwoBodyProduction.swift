/// Two-body production K+ → l+ N, normalised to the measured K+ → l+ ν rate.
///
/// Seed 000 (NA62, PLB 816 (2021) 136259), Eq. (1); Shrock, Phys. Rev. D24 (1981) 1232:
///
///     B(K+ → l+ N) = B(K+ → l+ ν) · ρ_l(m_N) · |U_l|²
///     ρ_l(m_N) = [(x + y) − (x − y)²] / [x (1 − x)²] · λ^{1/2}(1, x, y)
///     x = (m_l/m_K)²,  y = (m_N/m_K)²
public enum TwoBodyProduction {
    /// Kinematic and helicity factor ρ_l(m_N) (seed 000 Eq. 1). ρ_l(0) = 1; zero at m_K − m_l.
    public static func rho(flavour: LeptonFlavour, massGeV: Double) -> Double {
        let mK = PDG2020.kaonChargedMassGeV
        let x = (flavour.massGeV / mK) * (flavour.massGeV / mK)
        let y = (massGeV / mK) * (massGeV / mK)
        let lambda = Kinematics.kallen(1, x, y)
        guard lambda > 0 else { return 0 }
        return ((x + y) - (x - y) * (x - y)) / (x * (1 - x) * (1 - x)) * lambda.squareRoot()
    }

    /// B(K+ → l+ N)/|U_l|² at HNL mass `massGeV`.
    public static func branchingFractionPerU2(flavour: LeptonFlavour, massGeV: Double) -> Double {
        let leptonic = flavour == .electron ? PDG2020.branchingKaonToElectronNeutrino : PDG2020.branchingKaonToMuonNeutrino
        return leptonic * rho(flavour: flavour, massGeV: massGeV)
    }
}
