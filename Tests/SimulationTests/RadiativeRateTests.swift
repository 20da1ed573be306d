import XCTest
import Physics
@testable import Simulation

/// Rates and spectra of the generators against measured and analytic facts.
final class RadiativeRateTests: XCTestCase {
    /// Weighted sum and its MC uncertainty over `events` draws, restricted by `accept`.
    func estimate<G: RadiativeEventGenerator>(_ generator: G, events: Int, seed: UInt64,
                                                accept: (RadiativeEvent) -> Bool = { _ in true }) -> (value: Double, error: Double) {
        var rng = Xoshiro256StarStar(seed: seed)
        var sum = 0.0, squares = 0.0
        for _ in 0..<events {
            let event = generator.next(using: &rng)
            if accept(event) {
                sum += event.weight
                squares += event.weight * event.weight
            }
        }
        let n = Double(events)
        let mean = sum / n
        return (mean, ((squares / n - mean * mean) / n).squareRoot())
    }

    /// OKA (arXiv:2010.07983): R = B(K_e3γ; E*_γ > 30 MeV, θ*_eγ > 20°)/B(K_e3) = (0.587 ± 0.018) %.
    /// Tree-level IB is expected at 0.61–0.65 % (docs/physics.md §8); the eikonal model gives ≈ 0.28 %.
    func testRatioToKe3MatchesOKAWithinTenPercent() {
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: 0.030)
        let cosCut = cos(20 * Double.pi / 180)
        let r = estimate(generator, events: 300_000, seed: 11) { $0.cosLeptonPhoton < cosCut }
        XCTAssertLessThan(r.error / r.value, 0.01)
        XCTAssertEqual(r.value, 0.00587, accuracy: 0.1 * 0.00587)
        XCTAssertGreaterThan(r.value, 0.0061 - 3 * r.error)
        XCTAssertLessThan(r.value, 0.0065 + 3 * r.error)
    }

    /// Γ(K_μ3)/Γ(K_e3) from the same form factors ≈ 0.661 (PDG: 0.03352/0.0507): the Born
    /// Dalitz integrals normalise the radiative rates, so they must be right.
    func testBornIntegralsGiveKmu3OverKe3() {
        let electron = SemileptonicRadiativeGenerator(process: .ke3Gamma, photonEnergyCutoffGeV: 1e-3)
        let muon = SemileptonicRadiativeGenerator(process: .kmu3Gamma, photonEnergyCutoffGeV: 1e-3)
        XCTAssertEqual(muon.bornIntegral / electron.bornIntegral, PDG2020.branchingKmu3 / PDG2020.branchingKe3, accuracy: 0.01)
    }

    /// Low's theorem integrated over photon directions: E dR/dE → (α/π)⟨(1/β) ln((1+β)/(1−β)) − 2⟩
    /// over the Born Dalitz plot, so R(E₁ < E*_γ < E₂) = that × ln(E₂/E₁) for soft photons.
    func testSoftPhotonSpectrumFollowsLow() {
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: 1e-4, samplingScaleGeV: 0)
        let eikonal = generator.bornDalitzIntegral { lepton, _, born in
            let beta = lepton.momentum / lepton.t
            return born * (log((1 + beta) / (1 - beta)) / beta - 2)
        } / generator.bornIntegral
        let lowFactor = PDG2020.fineStructure / Double.pi * eikonal
        let first = estimate(generator, events: 400_000, seed: 12) { $0.photonEnergyGeV < 2e-4 }
        let second = estimate(generator, events: 400_000, seed: 13) { $0.photonEnergyGeV >= 2e-4 && $0.photonEnergyGeV < 4e-4 }
        // Equal shares per octave (1/E spectrum), each equal to Low's prediction.
        XCTAssertEqual(first.value, lowFactor * log(2), accuracy: 4 * first.error + 0.01 * first.value)
        XCTAssertEqual(second.value, lowFactor * log(2), accuracy: 4 * second.error + 0.01 * second.value)
        XCTAssertEqual(first.value / second.value, 1, accuracy: 0.03)
    }

    /// The same for K_l2γ, where the lepton is monochromatic: β = (1 − r)/(1 + r).
    func testLeptonicSoftLimitNormalisation() {
        for process in [RadiativeProcess.kmu2Gamma, .ke2Gamma] {
            let generator = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: 1e-4, samplingScaleGeV: 0)
            let mK = PDG2020.kaonChargedMassGeV, m = process.flavour.massGeV
            let r = m * m / (mK * mK)
            let beta = (1 - r) / (1 + r)
            let expected = PDG2020.fineStructure / Double.pi * (log((1 + beta) / (1 - beta)) / beta - 2) * log(4)
            let soft = estimate(generator, events: 200_000, seed: 14) { $0.photonEnergyGeV < 4e-4 }
            XCTAssertEqual(soft.value / expected, 1, accuracy: 4 * soft.error / expected + 0.01, "\(process)")
        }
    }

    /// m²_miss = (p_ν + k)² never exceeds (m_K − m_π0 − m_l)² (K_l3γ) or (m_K − m_l)² (K_l2γ),
    /// and the spectrum reaches close to it.
    func testMissingMassStopsAtKinematicEndpoint() {
        let generators: [any RadiativeEventGenerator] = [
            SemileptonicRadiativeGenerator(process: .ke3Gamma, photonEnergyCutoffGeV: 1e-3),
            SemileptonicRadiativeGenerator(process: .kmu3Gamma, photonEnergyCutoffGeV: 1e-3),
            LeptonicRadiativeGenerator(process: .kmu2Gamma, photonEnergyCutoffGeV: 1e-3),
        ]
        let mK = PDG2020.kaonChargedMassGeV
        let endpoints = [pow(mK - PDG2020.pionNeutralMassGeV - PDG2020.electronMassGeV, 2),
                         pow(mK - PDG2020.pionNeutralMassGeV - PDG2020.muonMassGeV, 2),
                         pow(mK - PDG2020.muonMassGeV, 2)]
        for (generator, endpoint) in zip(generators, endpoints) {
            XCTAssertEqual(generator.process.missingMassSquaredEndpointGeV2, endpoint, accuracy: 1e-15)
            var rng = Xoshiro256StarStar(seed: 15)
            var largest = 0.0
            for _ in 0..<100_000 {
                let event = generator.next(using: &rng)
                guard event.weight > 0 else { continue }
                XCTAssertLessThanOrEqual(event.missingMassSquaredGeV2, endpoint * (1 + 1e-12))
                XCTAssertGreaterThanOrEqual(event.missingMassSquaredGeV2, 0)
                largest = max(largest, event.missingMassSquaredGeV2)
            }
            XCTAssertGreaterThan(largest, 0.9 * endpoint, "\(generator.process)")
        }
    }

    /// Photons softer than the cut-off join the peak at m²_miss = 0. Before the veto, the
    /// spectrum above 0.006 GeV² does not depend on the cut-off (0.5 vs 2 MeV) beyond MC errors;
    /// after the veto it does not from 90 MeV (0.008 GeV²) on. Closer to the peak the cut-off
    /// acts as the veto's energy threshold: sub-cut-off photons are never vetoed.
    func testPhotonEnergyCutoffDoesNotMoveTheSpectrum() {
        let soft = RadiativeSample.generate(process: .ke3Gamma, events: 600_000, seed: 16, photonEnergyCutoffGeV: 0.5e-3)
        let hard = RadiativeSample.generate(process: .ke3Gamma, events: 600_000, seed: 17, photonEnergyCutoffGeV: 2e-3)
        XCTAssertGreaterThan(soft.radiativeFraction, hard.radiativeFraction + 0.02)
        let models = [soft, hard].map { BackgroundModel(sample: $0, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10) }
        let spectra = models.map { $0.spectrum(binWidthGeV2: 0.002, rangeGeV2: 0.006...0.100) }
        for (a, b) in zip(spectra[0], spectra[1]) {
            let before = (a.uncertaintyBeforeVeto * a.uncertaintyBeforeVeto + b.uncertaintyBeforeVeto * b.uncertaintyBeforeVeto).squareRoot()
            XCTAssertEqual(a.beforeVeto, b.beforeVeto, accuracy: 4 * before, "before veto at \(a.m2GeV2) GeV²")
            guard a.m2GeV2 > 0.008 else { continue }
            let after = (a.uncertaintyAfterVeto * a.uncertaintyAfterVeto + b.uncertaintyAfterVeto * b.uncertaintyAfterVeto).squareRoot()
            XCTAssertEqual(a.afterVeto, b.afterVeto, accuracy: 4 * after, "after veto at \(a.m2GeV2) GeV²")
        }
    }

    /// The same seed gives identical samples; another seed agrees within MC uncertainties; the
    /// parallel chunked run equals a sequential run over the same chunk seeds.
    func testDeterministicForSeedAndConsistentAcrossSeeds() {
        let events = 3 * RadiativeSample.chunkSize / 2
        let a = RadiativeSample.generate(process: .ke3Gamma, events: events, seed: 42)
        let b = RadiativeSample.generate(process: .ke3Gamma, events: events, seed: 42)
        let c = RadiativeSample.generate(process: .ke3Gamma, events: events, seed: 43)
        XCTAssertEqual(a.weights, b.weights)
        XCTAssertEqual(a.squaredWeights, b.squaredWeights)
        XCTAssertNotEqual(a.weights, c.weights)
        let error = (pow(a.radiativeFractionUncertainty, 2) + pow(c.radiativeFractionUncertainty, 2)).squareRoot()
        XCTAssertEqual(a.radiativeFraction, c.radiativeFraction, accuracy: 4 * error)

        let generator = SemileptonicRadiativeGenerator(process: .ke3Gamma, photonEnergyCutoffGeV: a.photonEnergyCutoffGeV)
        var sequential = 0.0
        for chunk in 0..<2 {
            var rng = Xoshiro256StarStar(seed: Xoshiro256StarStar.chunkSeed(master: 42, chunk: chunk))
            for _ in 0..<min(RadiativeSample.chunkSize, events - chunk * RadiativeSample.chunkSize) {
                sequential += generator.next(using: &rng).weight
            }
        }
        XCTAssertEqual(sequential / Double(events), a.radiativeFraction, accuracy: 1e-12 * a.radiativeFraction)
    }

    func testChannelsMapToTheirRadiativeBackgrounds() {
        XCTAssertEqual(RadiativeProcess(backgroundFor: .kaonToPi0ElectronN), .ke3Gamma)
        XCTAssertEqual(RadiativeProcess(backgroundFor: .kaonToPi0MuonN), .kmu3Gamma)
        XCTAssertEqual(RadiativeProcess(backgroundFor: .kaonToMuonN), .kmu2Gamma)
        XCTAssertEqual(RadiativeProcess(backgroundFor: .kaonToElectronN), .ke2Gamma)
    }
}
