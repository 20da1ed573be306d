/// The K+ → γ transition form factors of K+ → l+ ν γ: vector F_V(x) and axial vector F_A,
/// which multiply the structure-dependent emission (docs/physics.md §5.3).
///
/// Definitions as in the PDG review of π± → l± ν γ and K± → l± ν γ form factors and in
/// Bijnens, Ecker & Gasser, Nucl. Phys. B 396 (1993) 81 (their V and A): dimensionless, with
/// the kaon mass taken out. F_V varies with q² = (p_K − k)² = m_K²(1 − x), x = 2E*_γ/m_K, as
/// in KLOE's fit (Eur. Phys. J. C 64 (2009) 627):
///
///     F_V(x) = F_V(0) [1 + λ (1 − x)],    F_A constant.
///
/// The density needs only F_V ± F_A; the two constants at q² = 0 fix F_V(0) and F_A.
public struct KaonPhotonFormFactors: Sendable, Equatable {
    /// F_V at q² = 0.
    public var vectorAtZeroTransfer: Double
    /// F_A.
    public var axial: Double
    /// λ in F_V(x) = F_V(0)(1 + λ(1 − x)).
    public var vectorSlope: Double

    public init(vectorAtZeroTransfer: Double, axial: Double, vectorSlope: Double) {
        self.vectorAtZeroTransfer = vectorAtZeroTransfer
        self.axial = axial
        self.vectorSlope = vectorSlope
    }

    /// From the measured combinations at q² = 0: F_V(0) = (Σ + Δ)/2, F_A = (Σ − Δ)/2 with
    /// Σ = F_V(0) + F_A, Δ = F_V(0) − F_A.
    public init(sumAtZeroTransfer sum: Double, differenceAtZeroTransfer difference: Double, vectorSlope: Double) {
        self.init(vectorAtZeroTransfer: 0.5 * (sum + difference), axial: 0.5 * (sum - difference), vectorSlope: vectorSlope)
    }

    /// KLOE's F_V(0) + F_A = 0.125 and λ = 0.38, the PDG average F_V − F_A = 0.153
    /// (`KaonPhotonFormFactorData`): F_V(0) = 0.139, F_A = −0.014.
    public static let measured = KaonPhotonFormFactors(
        sumAtZeroTransfer: KaonPhotonFormFactorData.sumAtZeroTransfer,
        differenceAtZeroTransfer: KaonPhotonFormFactorData.differenceAtZeroTransfer,
        vectorSlope: KaonPhotonFormFactorData.vectorSlope)

    /// F_V = F_A = 0: no structure-dependent emission (inner bremsstrahlung alone).
    public static let none = KaonPhotonFormFactors(vectorAtZeroTransfer: 0, axial: 0, vectorSlope: 0)

    /// F_V(x).
    @inlinable
    public func vector(x: Double) -> Double { vectorAtZeroTransfer * (1 + vectorSlope * (1 - x)) }

    /// F_V(x) + F_A, the combination of the SD+ and INT+ terms.
    @inlinable
    public func sum(x: Double) -> Double { vector(x: x) + axial }

    /// F_V(x) − F_A, the combination of the SD− and INT− terms.
    @inlinable
    public func difference(x: Double) -> Double { vector(x: x) - axial }
}
