import XCTest
import Physics
@testable import Simulation

/// The exact inner-bremsstrahlung amplitude tests itself (docs/physics.md §5.2): gauge invariance,
/// Low's soft limit, the collinear splitting function, Lorentz invariance, and the closed-form
/// K_l2γ density of Bijnens, Ecker & Gasser.
final class RadiativeAmplitudeTests: XCTestCase {
    let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: 1e-3)

    /// Random K_e3γ configurations spread over phase space.
    func randomConfigurations(count: Int, seed: UInt64) -> [SemileptonicRadiativeGenerator.Configuration] {
        var rng = Xoshiro256StarStar(seed: seed)
        var result: [SemileptonicRadiativeGenerator.Configuration] = []
        let mK = PDG2020.kaonChargedMassGeV, mL = generator.leptonMassGeV
        while result.count < count {
            let eGamma = 0.001 + (generator.energySampler.maximumGeV - 0.001) * rng.uniform()
            let recoil = (mK * mK - 2 * mK * eGamma).squareRoot()
            let e = mL + (generator.maximumLeptonEnergy(parentGeV: recoil) - mL) * rng.uniform()
            let p = ((e - mL) * (e + mL)).squareRoot()
            let (lo, hi) = generator.neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
            let u = rng.uniform()
            let psi = 2 * Double.pi * rng.uniform()
            if let q = generator.configuration(photonEnergyGeV: eGamma, leptonEnergyGeV: e, neutrinoEnergyGeV: lo + (hi - lo) * rng.uniform(),
                                               cosLeptonPhoton: 2 * u - 1, oneMinusCosLeptonPhoton: 2 * (1 - u),
                                               neutrinoAzimuthCos: cos(psi), sin: sin(psi)) {
                result.append(q)
            }
        }
        return result
    }

    func amplitude(_ q: SemileptonicRadiativeGenerator.Configuration) -> RadiativeAmplitude {
        RadiativeAmplitude.semileptonic(kaon: q.kaon, pion: q.pion, lepton: q.lepton, neutrino: q.neutrino, photon: q.photon,
                                        formFactors: .na48, pionMassGeV: PDG2020.pionNeutralMassGeV)
    }

    func testConfigurationsConserveMomentumAndAreOnShell() {
        for q in randomConfigurations(count: 50, seed: 1) {
            let balance = q.kaon - q.pion - q.lepton - q.neutrino - q.photon
            XCTAssertEqual(balance.momentum, 0, accuracy: 1e-12)
            XCTAssertEqual(balance.t, 0, accuracy: 1e-12)
            XCTAssertEqual(q.kaon.massSquared, PDG2020.kaonChargedMassGeV * PDG2020.kaonChargedMassGeV, accuracy: 1e-12)
            XCTAssertEqual(q.pion.massSquared, PDG2020.pionNeutralMassGeV * PDG2020.pionNeutralMassGeV, accuracy: 1e-12)
            XCTAssertEqual(q.lepton.massSquared, PDG2020.electronMassGeV * PDG2020.electronMassGeV, accuracy: 1e-12)
            XCTAssertEqual(q.neutrino.massSquared, 0, accuracy: 1e-12)
            XCTAssertEqual(q.photon.massSquared, 0, accuracy: 1e-12)
        }
    }

    /// ε → k must give zero (Ward identity with the contact term), to 1e-10 of the Born scale.
    func testGaugeInvarianceEpsilonToPhotonMomentumVanishes() {
        for q in randomConfigurations(count: 200, seed: 2) {
            let a = amplitude(q)
            let scale = WeylMatrix.sigmaBar(a.current).norm
            XCTAssertLessThan(a.matrix(polarisation: q.photon).norm / scale, 1e-10)
        }
    }

    /// Without the contact term the amplitude is not gauge invariant: the test above can fail.
    func testWithoutContactTermGaugeInvarianceFails() {
        let q = randomConfigurations(count: 1, seed: 3)[0]
        var a = amplitude(q)
        a.contactMetric = 0
        a.contactCurrent = .zero
        XCTAssertGreaterThan(a.matrix(polarisation: q.photon).norm / WeylMatrix.sigmaBar(a.current).norm, 1e-3)
    }

    /// Gauge invariance also makes Σ_pol ε_μ ε*_ν → −g_μν equal to the sum over the two
    /// transverse polarisations, and |M|² the same in every Lorentz frame.
    func testSpinorAndTraceSumsAgreePolarisationSumsAgreeAndSquareIsLorentzInvariant() {
        for q in randomConfigurations(count: 50, seed: 4) {
            let a = amplitude(q)
            let transverse = a.squaredSummed()
            XCTAssertEqual(a.squaredSummedByTrace() / transverse, 1, accuracy: 1e-12)
            XCTAssertEqual(a.squaredSummedCovariant() / transverse, 1, accuracy: 1e-9)
            // Boost everything to the kaon rest frame, and to two other frames.
            let toKaon = q.photon.t / q.kaon.t
            for beta in [toKaon, 0.3, -0.9] {
                var boosted = q
                for keyPath in [\SemileptonicRadiativeGenerator.Configuration.kaon, \.pion, \.lepton, \.neutrino, \.photon] {
                    boosted[keyPath: keyPath] = q[keyPath: keyPath].boostedAlongZ(beta: beta)
                }
                XCTAssertEqual(amplitude(boosted).squaredSummed() / transverse, 1, accuracy: 1e-8)
            }
        }
    }

    /// Low's theorem: |M|² → W × |M₀|² as E_γ → 0, with the deviation shrinking ∝ E_γ.
    func testSoftLimitIsBornTimesEikonal() {
        let mK = PDG2020.kaonChargedMassGeV, mL = generator.leptonMassGeV
        var deviations: [Double] = []
        for eGamma in [1e-4, 1e-5, 1e-6] {
            let recoil = (mK * mK - 2 * mK * eGamma).squareRoot()
            let e = 0.12
            let p = ((e - mL) * (e + mL)).squareRoot()
            let (lo, hi) = generator.neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
            let q = generator.configuration(photonEnergyGeV: eGamma, leptonEnergyGeV: e, neutrinoEnergyGeV: 0.4 * lo + 0.6 * hi,
                                            cosLeptonPhoton: 0.3, oneMinusCosLeptonPhoton: 0.7, neutrinoAzimuthCos: cos(1.1), sin: sin(1.1))!
            let a = amplitude(q)
            let born = RadiativeAmplitude.bornSquared(current: a.current, lepton: q.lepton, neutrino: q.neutrino)
            let eikonal = RadiativeAmplitude.eikonalFactor(kaon: q.kaon, lepton: q.lepton, photon: q.photon)
            deviations.append(abs(a.squaredSummed() / (born * eikonal) - 1))
        }
        XCTAssertLessThan(deviations[2], 1e-4)
        XCTAssertLessThan(deviations[1], deviations[0])
        XCTAssertLessThan(deviations[2], deviations[1])
    }

    /// Quasi-collinear photon off a (nearly massless) positron: |M|² → (1 + z²)/(1 − z) ×
    /// |M₀(p_l + k)|²/(p_l·k), the QED splitting function, not eikonal's 2z²/(1 − z).
    func testCollinearLimitIsSplittingFunction() {
        let light = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: 1e-3, leptonMassGeV: 1e-8)
        let mK = PDG2020.kaonChargedMassGeV
        for (eGamma, e) in [(0.05, 0.1), (0.02, 0.15), (0.1, 0.03)] {
            let theta = 1e-4
            let recoil = (mK * mK - 2 * mK * eGamma).squareRoot()
            let p = ((e - 1e-8) * (e + 1e-8)).squareRoot()
            let (lo, hi) = light.neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
            let q = light.configuration(photonEnergyGeV: eGamma, leptonEnergyGeV: e, neutrinoEnergyGeV: 0.5 * (lo + hi),
                                        cosLeptonPhoton: cos(theta), oneMinusCosLeptonPhoton: 2 * pow(sin(theta / 2), 2),
                                        neutrinoAzimuthCos: cos(0.7), sin: sin(0.7))!
            let a = RadiativeAmplitude.semileptonic(kaon: q.kaon, pion: q.pion, lepton: q.lepton, neutrino: q.neutrino, photon: q.photon,
                                                    formFactors: .na48, pionMassGeV: PDG2020.pionNeutralMassGeV)
            let parent = q.lepton + q.photon
            let bornParent = RadiativeAmplitude.bornSquared(current: a.current, lepton: parent, neutrino: q.neutrino)
            let z = q.lepton.t / parent.t
            let leptonK = q.lepton.dot(q.photon)
            let splitting = (1 + z * z) / (1 - z) * bornParent / leptonK
            XCTAssertEqual(a.squaredSummed() / splitting, 1, accuracy: 2e-3, "E_γ = \(eGamma), E_l = \(e)")
            let eikonal = RadiativeAmplitude.eikonalFactor(kaon: q.kaon, lepton: q.lepton, photon: q.photon)
                * RadiativeAmplitude.bornSquared(current: a.current, lepton: q.lepton, neutrino: q.neutrino)
            XCTAssertEqual(eikonal / splitting, 2 * z * z / (1 + z * z), accuracy: 2e-3)
        }
    }

    /// The closed-form K_l2γ IB density equals the spin-summed amplitude with a point-like kaon:
    /// f_IB(x, y) = |M_γ|²/(2 m_l²) (both normalised to |M₀|² = m_l² m_K² (1 − r)).
    func testLeptonicDensityMatchesAmplitude() {
        let mK = PDG2020.kaonChargedMassGeV
        for flavour in LeptonFlavour.allCases {
            let m = flavour.massGeV
            let r = m * m / (mK * mK)
            for (x, fraction) in [(0.1, 0.5), (0.4, 0.1), (0.7, 0.9), (0.02, 0.01)] {
                let lambdaMin = r * x / (1 - x)
                let lambda = lambdaMin + fraction * (x - lambdaMin)
                let eGamma = x * mK / 2, eLepton = 0.5 * mK * (lambda + 1 + r - x)
                let pLepton = (eLepton * eLepton - m * m).squareRoot()
                let cosine = (eLepton - mK * mK * lambda / (2 * eGamma)) / pLepton
                let sine = (1 - cosine * cosine).squareRoot()
                let kaon = FourMomentum(mK, 0, 0, 0)
                let photon = FourMomentum(eGamma, 0, 0, eGamma)
                let lepton = FourMomentum(eLepton, pLepton * sine, 0, pLepton * cosine)
                let neutrino = kaon - photon - lepton
                XCTAssertEqual(neutrino.massSquared, 0, accuracy: 1e-12)
                let amplitude = RadiativeAmplitude.leptonic(kaon: kaon, lepton: lepton, neutrino: neutrino, photon: photon)
                XCTAssertLessThan(amplitude.matrix(polarisation: photon).norm / WeylMatrix.sigmaBar(kaon).norm, 1e-10)
                let closedForm = LeptonicRadiativeDensity.fIB(x: x, lambda: lambda, r: r)
                XCTAssertEqual(amplitude.squaredSummed() / (2 * m * m) / closedForm, 1, accuracy: 1e-9, "\(flavour) x = \(x)")
            }
        }
    }

    func testFormFactorDividedDifferencesAreExact() {
        let ff = KaonFormFactors.na48
        let mPi = PDG2020.pionNeutralMassGeV
        let (t1, t2) = (0.05, 0.011)
        XCTAssertEqual(ff.vectorDividedDifference(t1, t2), (ff.vector(tGeV2: t1) - ff.vector(tGeV2: t2)) / (t1 - t2), accuracy: 1e-12)
        XCTAssertEqual(ff.minusDividedDifference(pionMassGeV: mPi),
                       (ff.minus(tGeV2: t1, pionMassGeV: mPi) - ff.minus(tGeV2: t2, pionMassGeV: mPi)) / (t1 - t2), accuracy: 1e-12)
        let polynomials = FormFactorPolynomials(ff, pionMassGeV: mPi)
        for t in [0.0, 0.01, 0.05, 0.12] {
            XCTAssertEqual(polynomials.plus(t: t), ff.vector(tGeV2: t), accuracy: 1e-14)
            XCTAssertEqual(polynomials.minus(t: t), ff.minus(tGeV2: t, pionMassGeV: mPi), accuracy: 1e-14)
        }
        XCTAssertEqual(polynomials.plusDividedDifference(t1, t2), ff.vectorDividedDifference(t1, t2), accuracy: 1e-12)
        for q in randomConfigurations(count: 20, seed: 5) {
            XCTAssertEqual(generator.squaredAmplitude(q) / amplitude(q).squaredSummed(), 1, accuracy: 1e-12)
        }
        let mK = PDG2020.kaonChargedMassGeV
        XCTAssertEqual(ff.minus(tGeV2: t1, pionMassGeV: mPi),
                       (ff.scalar(tGeV2: t1) - ff.vector(tGeV2: t1)) * (mK * mK - mPi * mPi) / t1, accuracy: 1e-12)
    }
}
