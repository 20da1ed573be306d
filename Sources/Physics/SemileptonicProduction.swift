/// Three-body production K+ → π0 l+ N (to be implemented: seed 001 Sec. II, PHYSICS.md §1).
public enum SemileptonicProduction {
    /// B(K+ → π0 l+ N)/|U_l|² at HNL mass `massGeV`.
    public static func branchingFractionPerU2(flavour: LeptonFlavour, massGeV: Double) -> Double {
        preconditionFailure("K+ -> pi0 l+ N production is not implemented yet")
    }
}
