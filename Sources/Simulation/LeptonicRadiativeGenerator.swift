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
    /// α/(2π(1 − r)²) and 2/m_K, the constant factors of every weight.
    let weightPrefactor: Double
    let twoOverKaonMass: Double

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
        weightPrefactor = PDG2020.fineStructure / (2 * Double.pi * (1 - r) * (1 - r))
        twoOverKaonMass = 2 / mK
        energySampler = PhotonEnergySampler(minimumGeV: photonEnergyCutoffGeV, maximumGeV: process.photonEnergyEndpointGeV,
                                            scaleGeV: samplingScaleGeV)
    }

    /// Stage 1 of an event: the photon energy with its inverse density, x = 2E*_γ/m_K, the
    /// λ range r x/(1 − x) ≤ λ ≤ x, and the two uniforms of λ (drawn only inside phase space,
    /// so that the stream is consumed as event-by-event generation consumes it).
    struct EnergyPoint {
        var photonEnergyGeV: Double
        var inverseEnergyDensity: Double
        var x: Double
        var lambdaMin: Double
        var lambdaMax: Double
        var lambdaDraw: Double
        var lambdaChoice: Double
        var isPhysical: Bool { lambdaMax > lambdaMin }
    }

    @inline(__always)
    func energyPoint(_ rng: inout Xoshiro256StarStar) -> EnergyPoint {
        let (eGamma, inverseEnergyDensity) = energySampler.sample(rng.uniform())
        let x = 2 * eGamma / PDG2020.kaonChargedMassGeV
        var point = EnergyPoint(photonEnergyGeV: eGamma, inverseEnergyDensity: inverseEnergyDensity, x: x,
                                lambdaMin: r * x / (1 - x), lambdaMax: x, lambdaDraw: 0, lambdaChoice: 0)
        if point.isPhysical {
            point.lambdaDraw = rng.uniform()
            point.lambdaChoice = rng.uniform()
        }
        return point
    }

    /// Stage 2: λ — half uniform, half λ/λ_min ∈ [1, (1 − x)/r] octave by octave
    /// (`OctaveDensity`); both candidates computed, one selected (no unpredictable branch) — and
    /// the weight; with λ (for the lepton angle) when `next` asks.
    @inline(__always)
    func weighted(_ k: EnergyPoint) -> (point: RadiativePoint, lambda: Double) {
        let x = k.x, lambdaMin = k.lambdaMin, lambdaMax = k.lambdaMax
        let inverseLambdaMin = (1 - x) / (r * x)
        let collinear = OctaveDensity(range: lambdaMax * inverseLambdaMin)
        let u = k.lambdaDraw
        let uniform = BranchFree.indicator(k.lambdaChoice < 0.5)
        let lambda = BranchFree.blend(uniform, lambdaMin + (lambdaMax - lambdaMin) * u, lambdaMin * collinear.sample(u).value)
        let lambdaDensity = 0.5 / (lambdaMax - lambdaMin) + 0.5 * inverseLambdaMin / collinear.inverseDensity(lambda * inverseLambdaMin)
        let density = emission == .innerBremsstrahlung
            ? LeptonicRadiativeDensity.fIB(x: x, lambda: lambda, r: r)
            : LeptonicRadiativeDensity.full(x: x, lambda: lambda, r: r, formFactors: formFactors,
                                            structureCoefficient: structureCoefficient,
                                            interferenceCoefficient: interferenceCoefficient)
        let weight = weightPrefactor * density * twoOverKaonMass * k.inverseEnergyDensity / lambdaDensity
        let mK = PDG2020.kaonChargedMassGeV
        return (RadiativePoint(missingMassSquaredGeV2: mK * mK * (x - lambda), photonEnergyGeV: k.photonEnergyGeV, weight: weight), lambda)
    }

    public func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent {
        let k = energyPoint(&rng)
        guard k.isPhysical else { return .empty }
        let (point, lambda) = weighted(k)
        // Lepton–photon angle in the kaon frame from 2 p_l·k = m_K² λ = 2 E_l E_γ (1 − β cos θ).
        let mK = PDG2020.kaonChargedMassGeV, eGamma = k.photonEnergyGeV
        let eLepton = 0.5 * mK * (lambda + 1 + r - k.x)
        let pLepton = ((eLepton - leptonMassGeV) * (eLepton + leptonMassGeV)).squareRoot()
        let cosine = max(-1, min(1, (eLepton - mK * mK * lambda / (2 * eGamma)) / pLepton))
        return RadiativeEvent(missingMassSquaredGeV2: point.missingMassSquaredGeV2, photonEnergyGeV: eGamma,
                              cosLeptonPhoton: cosine, weight: point.weight)
    }

    /// The next `points.count` events as `next(using:)` gives them, without the lepton angle:
    /// stage by stage over blocks of 64 events (the exp of each photon energy overlaps the
    /// divisions of the others).
    public func fill(_ points: UnsafeMutableBufferPointer<RadiativePoint>, using rng: inout Xoshiro256StarStar) {
        let block = 64
        withUnsafeTemporaryAllocation(of: EnergyPoint.self, capacity: block) { energies in
            var start = 0
            while start < points.count {
                let count = min(block, points.count - start)
                for i in 0..<count { energies.initializeElement(at: i, to: energyPoint(&rng)) }
                for i in 0..<count { points[start + i] = energies[i].isPhysical ? weighted(energies[i]).point : .empty }
                start += count
            }
        }
    }
}
