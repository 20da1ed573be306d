import Foundation
import Physics

/// K+ → l+ ν γ generated in (x, λ) with the closed-form density `LeptonicRadiativeDensity`:
/// inner bremsstrahlung alone (`fIB`), or IB with structure-dependent emission and the
/// interference (`full`, form factors `formFactors`).
///
/// Importance sampling: E*_γ ∝ 1/(E + E₀); at fixed x, λ half uniform, half following the
/// collinear peak 1/λ (strong for electrons) octave by octave (`OctaveDensity`). Weight = α/(2π) f/(1 − r)² · (dx/dE) /
/// (pdf(E) pdf(λ)), so Σw/N estimates Γ(K_l2γ, E*_γ > E_cut)/Γ(K_l2). The same draws serve
/// both emissions: the SD terms are polynomials in λ, which the uniform half covers with a
/// bounded weight, and the flat tail of the E*_γ density puts a third of the events above
/// 100 MeV where SD+ lives (docs/physics.md §5.4).
public struct LeptonicRadiativeGenerator: RadiativeEventGenerator {
    public let process: RadiativeProcess
    public let photonEnergyCutoffGeV: Double
    public let leptonMassGeV: Double
    public let energySampler: PhotonEnergySampler
    public let emission: RadiativeEmission
    public let formFactors: KaonPhotonFormFactors
    let r: Double
    let structureCoefficient: Double
    let interferenceCoefficient: Double

    public init(process: RadiativeProcess, photonEnergyCutoffGeV: Double, samplingScaleGeV: Double = 0.02,
                emission: RadiativeEmission = .innerBremsstrahlung, formFactors: KaonPhotonFormFactors = .measured) {
        precondition(!process.hasNeutralPion, "LeptonicRadiativeGenerator generates K_l2γ only")
        self.process = process
        self.photonEnergyCutoffGeV = photonEnergyCutoffGeV
        self.emission = emission
        self.formFactors = formFactors
        leptonMassGeV = process.flavour.massGeV
        let mK = PDG2020.kaonChargedMassGeV
        r = leptonMassGeV * leptonMassGeV / (mK * mK)
        structureCoefficient = LeptonicRadiativeDensity.structureCoefficient(r: r)
        interferenceCoefficient = LeptonicRadiativeDensity.interferenceCoefficient
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
        let density = emission == .innerBremsstrahlung
            ? LeptonicRadiativeDensity.fIB(x: x, lambda: lambda, r: r)
            : LeptonicRadiativeDensity.full(x: x, lambda: lambda, r: r, formFactors: formFactors,
                                            structureCoefficient: structureCoefficient,
                                            interferenceCoefficient: interferenceCoefficient)
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
