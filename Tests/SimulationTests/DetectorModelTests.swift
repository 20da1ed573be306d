import XCTest
import Physics
@testable import Simulation
import DetectorModel

/// The veto model of seed 001 Sec. III, the NA62 boost, and the background in the windows.
final class DetectorModelTests: XCTestCase {
    /// One K_e3γ sample shared by the tests (the cache generates it once).
    static var sample: RadiativeSample {
        RadiativeSampleCache.shared.sample(process: .ke3Gamma, events: 1 << 20, seed: 2021)
    }

    func model(veto: PhotonVeto = .seed001, kaonDecays: Double = 3e10) -> BackgroundModel {
        BackgroundModel(sample: Self.sample, veto: veto, resolutionGeV2: 1.7e-3, kaonDecays: kaonDecays)
    }

    /// Windows m_N² ± 1.4σ for m_N from `from` to `to` MeV.
    func windows(_ model: BackgroundModel, from: Int = 100, to: Int = 300, step: Int = 10) -> [BackgroundEstimate] {
        stride(from: from, through: to, by: step).map { mass in
            let m = Double(mass) / 1000
            return model.window(centreGeV2: m * m, halfWidthGeV2: 1.4 * 1.7e-3)
        }
    }

    func testBeamLorentzFactor() {
        XCTAssertEqual(KaonBeam.na62.gamma, 151.9, accuracy: 0.05)
        XCTAssertEqual(KaonBeam.na62.oneMinusBeta, 1 - KaonBeam.na62.beta, accuracy: 1e-12)
    }

    /// θ_γ = 50 mrad in the lab ↔ θ* ≈ 165° in the kaon frame; 1.70 % of photons lie beyond.
    func testFiftyMilliradianConeHolds98Point3PercentOfPhotons() {
        let beam = KaonBeam.na62
        let edge = beam.cosThetaStar(labPolarAngleRad: 0.05)
        XCTAssertEqual(acos(edge) * 180 / Double.pi, 165, accuracy: 0.5)
        XCTAssertEqual(beam.fractionBeyond(labPolarAngleRad: 0.05), 0.0170, accuracy: 0.0002)
        // Independently: isotropic directions pushed through the boost (tan θ = sin θ*/γ(cos θ* + β)).
        let n = 200_000
        var beyond = 0
        for i in 0..<n {
            let c = -1 + 2 * (Double(i) + 0.5) / Double(n)
            if beam.labPolarAngleRad(cosThetaStar: c) > 0.05 { beyond += 1 }
        }
        XCTAssertEqual(Double(beyond) / Double(n), 0.0170, accuracy: 0.0002)
        XCTAssertEqual(beam.labPolarAngleRad(cosThetaStar: edge), 0.05, accuracy: 1e-9)
    }

    func testMissProbabilityFollowsTheVetoModel() {
        let table = VetoInefficiency.table(energiesGeV: [0.1, 1.0], inefficiencies: [1e-2, 1e-3])
        XCTAssertEqual(table.value(atEnergyGeV: 0.01), 1e-2)
        XCTAssertEqual(table.value(atEnergyGeV: 0.55), 5.5e-3, accuracy: 1e-15)
        XCTAssertEqual(table.value(atEnergyGeV: 5), 1e-3)
        let missed = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: table, beyond: .missed)
        XCTAssertEqual(missed.missProbability(labAngleRad: 0.01, labEnergyGeV: 0.55), 5.5e-3, accuracy: 1e-15)
        XCTAssertEqual(missed.missProbability(labAngleRad: 0.2, labEnergyGeV: 0.55), 1)
        let partial = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: table, beyond: .partial)
        XCTAssertEqual(partial.missProbability(labAngleRad: 0.2, labEnergyGeV: 5), 1 - 0.25 * (1 - 1e-3), accuracy: 1e-15)
        XCTAssertEqual(partial.missProbability(labAngleRad: 0.05, labEnergyGeV: 5), 1e-3, accuracy: 1e-15)
        let acceptance = SignalAcceptance.table(massesGeV: [0.1, 0.2], acceptances: [0.1, 0.05])
        XCTAssertEqual(acceptance.value(atMassGeV: 0.15), 0.075, accuracy: 1e-15)
        XCTAssertEqual(acceptance.value(atMassGeV: 0.3), 0.05)
        XCTAssertEqual(SignalAcceptance.constant(0.1).value(atMassGeV: 0.3), 0.1)
    }

    /// The direction average used for reweighting equals a brute-force average over isotropic
    /// kaon-frame directions of P(miss | θ_lab, E_lab).
    func testDirectionAveragedMissProbabilityMatchesBruteForce() {
        let table = VetoInefficiency.table(energiesGeV: [0.05, 0.3, 3], inefficiencies: [0.05, 3e-3, 1e-4])
        for beyond in PhotonVeto.Beyond.allCases {
            let veto = PhotonVeto(hermeticAngleRad: 0.04, inefficiency: table, beyond: beyond)
            for energy in [0.002, 0.03, 0.2] {
                XCTAssertEqual(veto.meanMissProbability(photonEnergyGeV: energy) / bruteForceMeanMiss(veto, photonEnergyGeV: energy), 1,
                               accuracy: 2e-3, "\(beyond) \(energy)")
            }
        }
    }

    /// ⟨ε_bkg⟩ in the 125–144 MeV windows: 1.70 % outside the hermetic cone + 10⁻³ × 98.3 %
    /// ≈ 1.80 % (docs/physics.md §5.7; seed 001 Sec. IV quotes ≈ 1.7 %).
    func testMeanVetoPassFractionInSignalWindows() {
        for estimate in windows(model(), from: 125, to: 144, step: 1) {
            XCTAssertEqual(estimate.vetoPassFraction ?? 0, 0.0180, accuracy: 0.1 * 0.0180)
        }
    }

    func testNarrowerConeOrLargerInefficiencyNeverLowersBackground() {
        let nominal = windows(model())
        let narrower = windows(model(veto: PhotonVeto(hermeticAngleRad: 0.03, inefficiency: .constant(1e-3), beyond: .missed)))
        let leakier = windows(model(veto: PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(3e-3), beyond: .missed)))
        for i in nominal.indices {
            XCTAssertGreaterThan(narrower[i].events, nominal[i].events)
            XCTAssertGreaterThan(leakier[i].events, nominal[i].events)
        }
    }

    func testPartialCoverageGivesLessBackgroundThanMissed() {
        let missed = windows(model())
        let partial = windows(model(veto: PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(1e-3), beyond: .partial)))
        for i in missed.indices { XCTAssertLessThan(partial[i].events, missed[i].events) }
    }

    func testBackgroundScalesLinearlyWithKaonDecays() {
        let single = windows(model(kaonDecays: 3e10))
        let triple = windows(model(kaonDecays: 9e10))
        for i in single.indices {
            XCTAssertEqual(triple[i].events / single[i].events, 3, accuracy: 1e-12)
            XCTAssertEqual(triple[i].mcUncertainty / single[i].mcUncertainty, 3, accuracy: 1e-12)
        }
    }

    /// Seed 001 Fig. 2: N_K = 3 × 10¹⁰ gives 1.5 × 10⁸ reconstructed K_e3(γ) events in total.
    func testTotalReconstructedEventsMatchSeed001() {
        let spectrum = model().spectrum(binWidthGeV2: 0.001, rangeGeV2: -0.02...0.15)
        let total = spectrum.reduce(0) { $0 + $1.beforeVeto }
        XCTAssertEqual(total, 1.5e8, accuracy: 0.02 * 1.5e8)
    }

    /// The spectrum is smooth and falling over the signal region and the background b in the
    /// window follows seed 001 Eq. (2), b ≈ 2kσ ⟨ε_bkg⟩ dN/dm², for a slowly varying spectrum.
    func testWindowCountFollowsSeedEquationTwo() {
        let m = model()
        let centre = 0.135 * 0.135, halfWidth = 1.4 * 1.7e-3
        let density = m.spectrum(binWidthGeV2: 1e-4, rangeGeV2: (centre - 5e-5)...(centre + 5e-5))[0]
        let estimate = m.window(centreGeV2: centre, halfWidthGeV2: halfWidth)
        let approximation = 2 * halfWidth * (estimate.vetoPassFraction ?? 0) * density.beforeVeto / density.widthGeV2
        XCTAssertEqual(estimate.events / approximation, 1, accuracy: 0.03)
    }

    /// At default statistics the MC uncertainty of b is ≤ 2 % in every window 100–300 MeV
    /// (K+ → π0 e+ N, 50 mrad, 10⁻³, missed).
    func testDefaultStatisticsGiveTwoPercentPrecision() {
        let sample = RadiativeSampleCache.shared.sample(process: .ke3Gamma, seed: 7)
        XCTAssertEqual(sample.events, RadiativeSample.defaultEvents)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10)
        for estimate in windows(model, step: 1) {
            XCTAssertLessThanOrEqual(estimate.mcUncertainty / estimate.events, 0.02)
        }
    }

    func testCacheReusesSamples() {
        let cache = RadiativeSampleCache()
        let a = cache.sample(process: .kmu2Gamma, events: 10_000, seed: 1)
        let b = cache.sample(process: .kmu2Gamma, events: 10_000, seed: 1)
        XCTAssertEqual(cache.count, 1)
        XCTAssertEqual(a.weights, b.weights)
        _ = cache.sample(process: .kmu2Gamma, events: 10_000, seed: 2)
        XCTAssertEqual(cache.count, 2)
    }
}
