import XCTest
import Physics
import Quadrature
@testable import Simulation
import DetectorModel

/// K+ → π0 l+ ν, π0 → γγ with both photons undetected, against facts independent of the code:
/// the K_l3 width of the q² formula and PDG's B(K_μ3)/B(K_e3), π0 → γγ kinematics, the boost,
/// and veto limits. Veto models used: perfect (inefficiency 0, hermetic to π, partial coverage
/// beyond — P_miss = 0 everywhere), blind (inefficiency 1 everywhere), and seed 001's
/// (50 mrad, inefficiency 10⁻³ or 0, photons beyond always missed).
final class UndetectedPionBackgroundTests: XCTestCase {
    static let muonSample = PhotonPairSample.generate(flavour: .muon, events: 1 << 18, seed: 2016)

    func model(_ veto: PhotonVeto, kaonDecays: Double = 1.14e10, acceptance: Double = 0.3) -> UndetectedPionBackground {
        UndetectedPionBackground(sample: Self.muonSample, veto: veto, resolutionGeV2: 1.5e-3, kaonDecays: kaonDecays, acceptance: acceptance)
    }

    static let perfect = PhotonVeto(hermeticAngleRad: Double.pi, inefficiency: .constant(0), beyond: .partial)
    static let blind = PhotonVeto(hermeticAngleRad: Double.pi, inefficiency: .constant(1), beyond: .partial)
    /// The whole reconstructed spectrum (every true m² ≥ m_π0² lies far above −1 GeV²).
    static let everything = SignalRegion.above(thresholdGeV2: -1)

    // MARK: The Dalitz density

    /// ∫∫ dΓ/dE_l dE_ν over the Dalitz plot (64 × 64 Gauss–Legendre in E_l, E_ν) equals the
    /// K_l3 width of the q² formula (docs/physics.md §3.2) for both flavours, and their ratio is
    /// PDG's B(K_μ3)/B(K_e3) = 0.03352/0.0507 = 0.661 within the form factors' 0.5 %.
    func testDalitzDensityIntegratesToTheKl3Width() {
        var widths: [LeptonFlavour: Double] = [:]
        for flavour in LeptonFlavour.allCases {
            let generator = SemileptonicPhotonPairGenerator(flavour: flavour)
            let mK = PDG2020.kaonChargedMassGeV, mL = flavour.massGeV, mPi = PDG2020.pionNeutralMassGeV
            let eMax = (mK * mK + mL * mL - mPi * mPi) / (2 * mK)
            let rule = GaussLegendre(points: 64)
            let width = rule.integrate(from: 0, to: 1) { u in
                let e = mL + (eMax - mL) * u * u          // removes the √ edge at p_l = 0
                let p = ((e - mL) * (e + mL)).squareRoot()
                let s = mK * mK + mL * mL - 2 * mK * e
                let factor = (s - mPi * mPi) / (2 * s)
                let lo = factor * (mK - e - p), hi = factor * (mK - e + p)
                return 2 * (eMax - mL) * u * rule.integrate(from: lo, to: hi) {
                    generator.differentialWidthPerGeV2(leptonEnergyGeV: e, neutrinoEnergyGeV: $0)
                }
            }
            XCTAssertEqual(width, SemileptonicProduction.widthGeV(flavour: flavour, massGeV: 0), accuracy: 1e-5 * width, "\(flavour)")
            widths[flavour] = width
        }
        XCTAssertEqual(widths[.muon]! / widths[.electron]!, PDG2020.branchingKmu3 / PDG2020.branchingKe3, accuracy: 0.005)
    }

    /// The weights are shares of the K_l3 decays: Σw/N → 1 within its MC error.
    func testWeightsAverageToOne() {
        for flavour in LeptonFlavour.allCases {
            let generator = SemileptonicPhotonPairGenerator(flavour: flavour)
            var rng = Xoshiro256StarStar(seed: 3)
            let n = 200_000
            var sum = 0.0, squares = 0.0
            for _ in 0..<n {
                let w = generator.next(using: &rng).weight
                sum += w
                squares += w * w
            }
            let mean = sum / Double(n), error = ((squares / Double(n) - mean * mean) / Double(n)).squareRoot()
            XCTAssertEqual(mean, 1, accuracy: 4 * error, "\(flavour)")
            XCTAssertLessThan(error, 0.005)
        }
    }

    /// Before smearing, m²_miss = (p_π0 + p_ν)² lies in [m_π0², (m_K − m_l)²].
    func testTrueMissingMassLiesBetweenPionMassAndEndpoint() {
        for flavour in LeptonFlavour.allCases {
            let generator = SemileptonicPhotonPairGenerator(flavour: flavour)
            var rng = Xoshiro256StarStar(seed: 5)
            let lower = PDG2020.pionNeutralMassGeV * PDG2020.pionNeutralMassGeV
            let upper = (PDG2020.kaonChargedMassGeV - flavour.massGeV) * (PDG2020.kaonChargedMassGeV - flavour.massGeV)
            var lowest = Double.infinity, highest = -Double.infinity
            for _ in 0..<100_000 {
                let draws = SemileptonicPhotonPairGenerator.draw(&rng)
                let q = generator.configuration(draws)
                let m2 = (q.pion + q.neutrino).massSquared
                XCTAssertEqual(generator.event(draws).missingMassSquaredGeV2, m2, accuracy: 1e-12)
                lowest = min(lowest, m2)
                highest = max(highest, m2)
            }
            XCTAssertGreaterThanOrEqual(lowest, lower - 1e-12)
            XCTAssertLessThanOrEqual(highest, upper + 1e-12)
            XCTAssertEqual(lowest, lower, accuracy: 1e-4 * upper, "the spectrum reaches m_π0²")
            XCTAssertEqual(highest, upper, accuracy: 1e-4 * upper, "the spectrum reaches (m_K − m_l)²")
        }
    }

    // MARK: The photons

    /// Four-momentum conservation, massless photons each of m_π/2 in the π0 rest frame
    /// (p_π · k = m_π E'_γ), lab energies summing to the π0 lab energy, and the stored lab
    /// angles and energies equal to those of the boosted four-vectors.
    func testPhotonKinematics() {
        let generator = SemileptonicPhotonPairGenerator(flavour: .muon)
        var rng = Xoshiro256StarStar(seed: 11)
        let mPi = PDG2020.pionNeutralMassGeV, beta = KaonBeam.na62.beta
        for _ in 0..<20_000 {
            let draws = SemileptonicPhotonPairGenerator.draw(&rng)
            let q = generator.configuration(draws)
            let event = generator.event(draws)
            let total = q.lepton + q.neutrino + q.pion
            XCTAssertEqual(total.t, PDG2020.kaonChargedMassGeV, accuracy: 1e-12)
            XCTAssertEqual(total.momentum, 0, accuracy: 1e-12)
            XCTAssertEqual(q.lepton.massSquared, PDG2020.muonMassGeV * PDG2020.muonMassGeV, accuracy: 1e-10)
            XCTAssertEqual(q.neutrino.massSquared, 0, accuracy: 1e-10)
            for photon in [q.photon1, q.photon2] {
                XCTAssertEqual(photon.massSquared, 0, accuracy: 1e-12)
                XCTAssertEqual(q.pion.dot(photon) / mPi, mPi / 2, accuracy: 1e-12)
            }
            // Into the lab: the lab moves with −β along z relative to the kaon.
            let lab = [q.photon1, q.photon2, q.pion].map { $0.boostedAlongZ(beta: -beta) }
            XCTAssertEqual(lab[0].t + lab[1].t, lab[2].t, accuracy: 1e-12 * lab[2].t)
            XCTAssertEqual(event.photon1EnergyGeV, lab[0].t, accuracy: 1e-9 * lab[0].t)
            XCTAssertEqual(event.photon2EnergyGeV, lab[1].t, accuracy: 1e-9 * lab[1].t)
            for (angle, photon) in [(event.photon1AngleRad, lab[0]), (event.photon2AngleRad, lab[1])] {
                let expected = atan2((photon.x * photon.x + photon.y * photon.y).squareRoot(), photon.z)
                XCTAssertEqual(angle, expected, accuracy: 1e-6 * expected + 1e-12)
            }
        }
    }

    /// The lab opening angle is never below 2 arcsin(m_π/E_π) and comes close to it
    /// (symmetric decays), θ_min ≈ 2m_π/E_π: for π0 of 20–30 GeV the smallest θ·E_π/(2m_π) is ≈ 1.
    func testOpeningAngleMinimum() {
        let generator = SemileptonicPhotonPairGenerator(flavour: .electron)
        var rng = Xoshiro256StarStar(seed: 13)
        let mPi = PDG2020.pionNeutralMassGeV, beta = KaonBeam.na62.beta
        var smallest = Double.infinity
        for _ in 0..<200_000 {
            let q = generator.configuration(SemileptonicPhotonPairGenerator.draw(&rng))
            let a = q.photon1.boostedAlongZ(beta: -beta), b = q.photon2.boostedAlongZ(beta: -beta)
            let pion = q.pion.boostedAlongZ(beta: -beta)
            let cross = (a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
            let sine = (cross.0 * cross.0 + cross.1 * cross.1 + cross.2 * cross.2).squareRoot()
            let opening = atan2(sine, a.x * b.x + a.y * b.y + a.z * b.z)
            XCTAssertGreaterThanOrEqual(opening, 2 * asin(mPi / pion.t) * (1 - 1e-9))
            if pion.t > 20, pion.t < 30 { smallest = min(smallest, opening * pion.t / (2 * mPi)) }
        }
        XCTAssertEqual(smallest, 1, accuracy: 0.01)
    }

    // MARK: The veto

    /// Per event P₁P₂ ≤ min(P₁, P₂) for the seed-001 veto and one with partial coverage and an
    /// inefficiency table; in total the both-lost count never exceeds the photon-1-lost count.
    func testBothLostNeverExceedsEitherPhoton() {
        let vetoes = [PhotonVeto.seed001,
                      PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .table(energiesGeV: [0.1, 1, 10], inefficiencies: [0.05, 3e-3, 1e-4]), beyond: .partial)]
        for veto in vetoes {
            var both = 0.0, first = 0.0
            for i in 0..<Self.muonSample.events {
                let e = Self.muonSample.event(i)
                let p1 = veto.missProbability(labAngleRad: e.photon1AngleRad, labEnergyGeV: e.photon1EnergyGeV)
                let p2 = veto.missProbability(labAngleRad: e.photon2AngleRad, labEnergyGeV: e.photon2EnergyGeV)
                XCTAssertLessThanOrEqual(p1 * p2, min(p1, p2))
                both += e.weight * p1 * p2
                first += e.weight * p1
            }
            XCTAssertLessThan(both, first)
            let estimate = model(veto).events(in: Self.everything)
            XCTAssertLessThanOrEqual(estimate.events, estimate.eventsBeforeVeto!)
        }
    }

    /// A veto that sees every photon leaves nothing.
    func testPerfectVetoLeavesNoEvents() {
        let estimate = model(Self.perfect).events(in: Self.everything)
        XCTAssertEqual(estimate.events, 0)
        XCTAssertEqual(estimate.mcUncertainty, 0)
        XCTAssertGreaterThan(estimate.eventsBeforeVeto!, 0)
    }

    /// A veto that misses every photon passes every π0 → γγ decay: N_K · A · B(K_l3) · B(γγ),
    /// and before the veto all K_l3 events, N_K · A · B(K_l3).
    func testBlindVetoPassesEveryEvent() {
        let estimate = model(Self.blind).events(in: Self.everything)
        let all = 1.14e10 * 0.3 * PDG2020.branchingKmu3
        XCTAssertEqual(estimate.eventsBeforeVeto!, all, accuracy: 3 * estimate.mcUncertainty + 1e-3 * all)
        XCTAssertEqual(estimate.events, all * PDG2020.branchingPi0ToTwoPhotons, accuracy: 3 * estimate.mcUncertainty + 1e-3 * all)
        XCTAssertEqual(estimate.vetoPassFraction!, PDG2020.branchingPi0ToTwoPhotons, accuracy: 1e-6)
    }

    /// Seed 001's veto with a perfect hermetic region: the two photons are ≥ 61° apart in the kaon
    /// frame (2 arcsin(m_π/E*_π,max)), the cone beyond 50 mrad is 15° wide (θ* > 165°), so both can
    /// never be beyond together — nothing is lost. With inefficiency ε each photon is beyond
    /// with probability f = 1.70 % (`KaonBeam.fractionBeyond`: isotropic directions) and the
    /// both-lost share is exactly 2fε + ε²(1 − 2f).
    func testSeed001VetoLosesBothPhotonsOnlyThroughTheInefficiency() {
        let hermeticOnly = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(0), beyond: .missed)
        XCTAssertEqual(model(hermeticOnly).events(in: Self.everything).events, 0)
        let estimate = model(.seed001).events(in: Self.everything)
        let f = KaonBeam.na62.fractionBeyond(labPolarAngleRad: 0.05), epsilon = 1e-3
        let expected = (2 * f * epsilon + epsilon * epsilon * (1 - 2 * f)) * PDG2020.branchingPi0ToTwoPhotons
        XCTAssertEqual(estimate.vetoPassFraction!, expected, accuracy: 0.03 * expected)
        XCTAssertLessThan(estimate.mcUncertainty, 0.02 * estimate.events)
    }

    /// The count is linear in N_K and in the acceptance.
    func testCountScalesLinearlyWithKaonDecays() {
        let cut = SignalRegion.above(thresholdGeV2: 0.1)
        let one = model(.seed001, kaonDecays: 1e10).events(in: cut)
        let three = model(.seed001, kaonDecays: 3e10).events(in: cut)
        XCTAssertEqual(three.events, 3 * one.events, accuracy: 1e-12 * three.events)
        XCTAssertEqual(three.mcUncertainty, 3 * one.mcUncertainty, accuracy: 1e-12 * three.mcUncertainty)
        let half = model(.seed001, kaonDecays: 1e10, acceptance: 0.15).events(in: cut)
        XCTAssertEqual(half.events, one.events / 2, accuracy: 1e-12 * one.events)
    }

    /// Regions add up: below and above a threshold make the whole spectrum.
    func testRegionsAddUp() {
        let m = model(.seed001)
        let total = m.events(in: Self.everything).events
        let below = m.events(in: .window(centreGeV2: -0.45, k: 1, resolutionGeV2: 0.55)).events
        let above = m.events(in: .above(thresholdGeV2: 0.1)).events
        XCTAssertEqual(below + above, total, accuracy: 1e-9 * total)
    }

    /// Same seed, same events, for one worker or several (fixed chunks, `ParallelChunks`).
    func testSampleIsIdenticalForAnyWorkerCount() {
        let one = PhotonPairSample.generate(flavour: .electron, events: 300_000, seed: 9, workers: .threads(1))
        let two = PhotonPairSample.generate(flavour: .electron, events: 300_000, seed: 9, workers: .threads(2))
        XCTAssertEqual(one.weights, two.weights)
        XCTAssertEqual(one.photon2AngleRad, two.photon2AngleRad)
        XCTAssertEqual(one.missingMassSquaredGeV2, two.missingMassSquaredGeV2)
        let a = UndetectedPionBackground(sample: one, veto: .seed001, resolutionGeV2: 1e-3, kaonDecays: 1e10, acceptance: 1, workers: .threads(1))
        let b = UndetectedPionBackground(sample: two, veto: .seed001, resolutionGeV2: 1e-3, kaonDecays: 1e10, acceptance: 1, workers: .threads(2))
        XCTAssertEqual(a.events(in: .above(thresholdGeV2: 0.1)), b.events(in: .above(thresholdGeV2: 0.1)))
    }
}
