import Foundation
import Physics

/// Closed-form inner-bremsstrahlung density of K+ → l+ ν γ.
///
/// Bijnens, Ecker & Gasser, Nucl. Phys. B396 (1993) 81 (and "Radiative semileptonic kaon
/// decays", DAΦNE Physics Handbook, hep-ph/9411311, Sec. 3), with x = 2E*_γ/m_K,
/// y = 2E*_l/m_K, r = m_l²/m_K², λ = x + y − 1 − r = 2 p_l·k/m_K²:
///
///     dΓ_IB/dx dy = Γ(K → l ν) · α/(2π) · f_IB(x, y)/(1 − r)²
///     f_IB(x, y) = (1 − y + r)/(x² λ) · [x² + 2(1 − x)(1 − r) − 2x r (1 − r)/λ]
///
/// Physical region: 0 < x < 1 − r, r x/(1 − x) ≤ λ ≤ x. The missing mass is
/// m²_miss = (p_ν + k)² = m_K² (1 − y + r) = m_K² (x − λ).
/// Test: f_IB = |M_γ|²/(2 m_l²) with `RadiativeAmplitude.leptonic`.
public enum LeptonicRadiativeDensity {
    /// f_IB(x, y) given x and λ = x + y − 1 − r.
    @inlinable
    public static func fIB(x: Double, lambda: Double, r: Double) -> Double {
        (x - lambda) / (x * x * lambda) * (x * x + 2 * (1 - x) * (1 - r) - 2 * x * r * (1 - r) / lambda)
    }
}

/// K+ → l+ ν γ inner bremsstrahlung (structure-dependent terms omitted, see `RadiativeProcess`),
/// generated in (x, λ) with the closed-form density `LeptonicRadiativeDensity.fIB`.
///
/// Importance sampling: E*_γ ∝ 1/(E + E₀); at fixed x, λ half uniform, half following the
/// collinear peak 1/λ (strong for electrons) octave by octave (`OctaveDensity`). Weight = α/(2π) f_IB/(1 − r)² · (dx/dE) /
/// (pdf(E) pdf(λ)), so Σw/N estimates Γ(K_l2γ, E*_γ > E_cut)/Γ(K_l2).
public struct LeptonicRadiativeGenerator: RadiativeEventGenerator {
    public let process: RadiativeProcess
    public let photonEnergyCutoffGeV: Double
    public let leptonMassGeV: Double
    public let energySampler: PhotonEnergySampler
    let r: Double

    public init(process: RadiativeProcess, photonEnergyCutoffGeV: Double, samplingScaleGeV: Double = 0.02) {
        precondition(!process.hasNeutralPion, "LeptonicRadiativeGenerator generates K_l2γ only")
        self.process = process
        self.photonEnergyCutoffGeV = photonEnergyCutoffGeV
        leptonMassGeV = process.flavour.massGeV
        let mK = PDG2020.kaonChargedMassGeV
        r = leptonMassGeV * leptonMassGeV / (mK * mK)
        energySampler = PhotonEnergySampler(minimumGeV: photonEnergyCutoffGeV, maximumGeV: process.photonEnergyEndpointGeV,
                                            scaleGeV: samplingScaleGeV)
    }

    public func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent {
        let mK = PDG2020.kaonChargedMassGeV
        let (eGamma, inverseEnergyDensity) = energySampler.sample(rng.uniform())
        let x = 2 * eGamma / mK
        let lambdaMin = r * x / (1 - x), lambdaMax = x
        guard lambdaMax > lambdaMin else { return .empty }
        // λ/λ_min ∈ [1, (1 − x)/r] octave by octave (`OctaveDensity`); both candidates computed,
        // one selected (no unpredictable branch).
        let inverseLambdaMin = (1 - x) / (r * x)
        let collinear = OctaveDensity(range: lambdaMax * inverseLambdaMin)
        let u = rng.uniform()
        let uniform = BranchFree.indicator(rng.uniform() < 0.5)
        let lambda = BranchFree.blend(uniform, lambdaMin + (lambdaMax - lambdaMin) * u, lambdaMin * collinear.sample(u).value)
        let lambdaDensity = 0.5 / (lambdaMax - lambdaMin) + 0.5 * inverseLambdaMin / collinear.inverseDensity(lambda * inverseLambdaMin)
        let density = LeptonicRadiativeDensity.fIB(x: x, lambda: lambda, r: r)
        let weight = PDG2020.fineStructure / (2 * Double.pi * (1 - r) * (1 - r)) * density * (2 / mK)
            * inverseEnergyDensity / lambdaDensity
        // Lepton–photon angle in the kaon frame from 2 p_l·k = m_K² λ = 2 E_l E_γ (1 − β cos θ).
        let eLepton = 0.5 * mK * (lambda + 1 + r - x)
        let pLepton = ((eLepton - leptonMassGeV) * (eLepton + leptonMassGeV)).squareRoot()
        let cosine = max(-1, min(1, (eLepton - mK * mK * lambda / (2 * eGamma)) / pLepton))
        return RadiativeEvent(missingMassSquaredGeV2: mK * mK * (x - lambda), photonEnergyGeV: eGamma,
                              cosLeptonPhoton: cosine, weight: weight)
    }
}
