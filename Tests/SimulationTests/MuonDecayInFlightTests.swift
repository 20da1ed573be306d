import XCTest
import Physics
import Quadrature
@testable import Simulation
import DetectorModel

/// K+ → μ+ ν with μ+ → e+ ν ν̄ in flight (docs/physics.md §5.15), against facts independent of
/// the code: the V−A Michel spectrum's normalisation, mean and asymmetry (PDG 2020 review
/// "Muon decay parameters"), cτ_μ = 658.638 m (PDG 2020), the exponential decay law, the
/// kinematic bounds of (p_K − p_e)², and the polarisation's sign through the mean positron
/// energy in the kaon frame.
final class MuonDecayInFlightTests: XCTestCase {
    static let sample = MuonDecaySample.generate(events: 1 << 18, seed: 2020)
    static let everything = SignalRegion.above(thresholdGeV2: -1)
    let rule = GaussLegendre(points: 48)

    /// ∫∫ f dx dcos θ over [0, 1] × [−1, 1] with 48 × 48 Gauss–Legendre (exact for polynomials).
    func integral(polarisation: Double, _ weight: (Double, Double) -> Double = { _, _ in 1 }) -> Double {
        rule.integrate(from: 0, to: 1) { x in
            rule.integrate(from: -1, to: 1) { c in weight(x, c) * MichelSpectrum.density(x: x, cosTheta: c, polarisation: polarisation) }
        }
    }

    // MARK: The Michel spectrum

    func testMichelSpectrumIsNormalisedForAnyPolarisation() {
        for polarisation in [-1.0, -0.5, 0, 0.5, 1] {
            XCTAssertEqual(integral(polarisation: polarisation), 1, accuracy: 1e-13, "P = \(polarisation)")
        }
    }

    /// Unpolarised ⟨x⟩ = ∫ 2x³(3 − 2x) dx = 7/10 (m_e → 0).
    func testUnpolarisedMeanEnergyIsSevenTenths() {
        XCTAssertEqual(integral(polarisation: 0) { x, _ in x }, 0.7, accuracy: 1e-13)
        XCTAssertEqual(integral(polarisation: 1) { x, _ in x }, 0.7, accuracy: 1e-13, "the asymmetry term integrates to 0 over cos θ")
    }

    /// Integrated over x, dΓ/dcos θ = (1 + (ξP/3) cos θ)/2 for μ+ (positron along the spin):
    /// ⟨cos θ⟩ = ξP/9, the forward–backward asymmetry ξP/6; at x = 1 the density is 1 + P cos θ
    /// and at x = 1/2 it has no asymmetry.
    func testAngularAsymmetryIsXiPOverThree() {
        for polarisation in [-1.0, 0.4, 1] {
            XCTAssertEqual(3 * integral(polarisation: polarisation) { _, c in c }, MichelSpectrum.xi * polarisation / 3, accuracy: 1e-13)
            for c in [-0.9, -0.2, 0.5, 1] {
                let marginal = rule.integrate(from: 0, to: 1) { x in MichelSpectrum.density(x: x, cosTheta: c, polarisation: polarisation) }
                XCTAssertEqual(marginal, (1 + polarisation * c / 3) / 2, accuracy: 1e-13)
            }
            let forward = integral(polarisation: polarisation) { _, c in c > 0 ? 1 : 0 }
            XCTAssertEqual(forward - (1 - forward), polarisation / 6, accuracy: 2e-2, "step integrand, quadrature error only")
        }
        XCTAssertEqual(MichelSpectrum.density(x: 1, cosTheta: 1, polarisation: 1), 2)
        XCTAssertEqual(MichelSpectrum.density(x: 1, cosTheta: -1, polarisation: 1), 0)
        XCTAssertEqual(MichelSpectrum.density(x: 0.5, cosTheta: 1, polarisation: 1), MichelSpectrum.density(x: 0.5, cosTheta: -1, polarisation: 1))
    }

    /// The rejection draw follows the density: ⟨x⟩ = 7/10, ⟨cos θ⟩ = P/9 within 4σ.
    func testMichelDrawFollowsTheDensity() {
        var rng = Xoshiro256StarStar(seed: 7)
        let n = 200_000
        var sumX = 0.0, sumC = 0.0
        for _ in 0..<n {
            let draw = MichelSpectrum.draw(polarisation: 1) { rng.uniform() }
            sumX += draw.x
            sumC += draw.cosTheta
        }
        // σ(x) ≈ 0.2, σ(cos θ) ≈ 0.58.
        XCTAssertEqual(sumX / Double(n), 0.7, accuracy: 4 * 0.2 / Double(n).squareRoot())
        XCTAssertEqual(sumC / Double(n), 1.0 / 9, accuracy: 4 * 0.58 / Double(n).squareRoot())
    }

    // MARK: Decay in flight

    /// cτ_μ = 658.638 m (PDG 2020 μ listing) and βγcτ at p = m_μ.
    func testMuonDecayLength() {
        XCTAssertEqual(PDG2020.muonDecayLengthMetres, 658.638, accuracy: 1e-3)
        XCTAssertEqual(DecayInFlight.muonDecayLengthMetres(momentumGeV: PDG2020.muonMassGeV), 658.638, accuracy: 1e-3)
        XCTAssertEqual(DecayInFlight.muonDecayLengthMetres(momentumGeV: 40), 40 / 0.1056583745 * 658.638, accuracy: 1)
    }

    /// Decay distances drawn from the exponential law fall within L as often as
    /// 1 − exp(−L/(βγcτ)), within 4 binomial σ, from probabilities near 1 to 2.5 × 10⁻⁴.
    func testDecayProbabilityMatchesTheExponentialLaw() {
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 1_000_000
        for (momentum, path) in [(0.1, 1000.0), (1.0, 600.0), (10.0, 60.0), (40.0, 60.0)] {
            let lambda = DecayInFlight.muonDecayLengthMetres(momentumGeV: momentum)
            var inside = 0
            for _ in 0..<n where DecayInFlight.distanceMetres(decayLengthMetres: lambda, uniform: rng.uniform()) < path { inside += 1 }
            let expected = 1 - exp(-path / (momentum / PDG2020.muonMassGeV * 658.638))
            XCTAssertEqual(DecayInFlight.muonProbability(momentumGeV: momentum, pathMetres: path), expected, accuracy: 1e-6 * expected)
            let sigma = (expected * (1 - expected) / Double(n)).squareRoot()
            XCTAssertEqual(Double(inside) / Double(n), expected, accuracy: 4 * sigma, "p = \(momentum) GeV, L = \(path) m")
        }
    }

    // MARK: Kinematics

    /// (p_K − p_e)² is the three neutrinos' mass²: every event in [0, (m_K − m_e)²]; the muon's
    /// lab momentum within the two-body limits γ_K(E*_μ ± β_K p*_μ).
    func testEveryEventLiesInThePhysicalRange() {
        let mK = PDG2020.kaonChargedMassGeV, mE = PDG2020.electronMassGeV, mMu = PDG2020.muonMassGeV
        let generator = MuonDecayInFlightGenerator()
        var rng = Xoshiro256StarStar(seed: 3)
        let beam = KaonBeam.na62
        let eStar = (mK * mK + mMu * mMu) / (2 * mK), pStar = (mK * mK - mMu * mMu) / (2 * mK)
        let eMin = beam.gamma * (eStar - beam.beta * pStar), eMax = beam.gamma * (eStar + beam.beta * pStar)
        var lowest = Double.infinity, highest = -Double.infinity
        for _ in 0..<200_000 {
            let event = generator.next(using: &rng)
            lowest = min(lowest, event.missingMassSquaredGeV2)
            highest = max(highest, event.missingMassSquaredGeV2)
            XCTAssertGreaterThanOrEqual(event.positronKaonFrameEnergyGeV, mE)
            let labEnergy = (event.muonMomentumGeV * event.muonMomentumGeV + mMu * mMu).squareRoot()
            XCTAssertTrue(labEnergy >= eMin * (1 - 1e-12) && labEnergy <= eMax * (1 + 1e-12))
        }
        XCTAssertGreaterThanOrEqual(lowest, 0)
        XCTAssertLessThanOrEqual(highest, (mK - mE) * (mK - mE))
        // m² → 0 needs x = 1 along the muon's flight, where the helicity −1 muon's density
        // 1 + P cos θ vanishes: the spectrum reaches towards 0 but is suppressed there.
        XCTAssertLessThan(lowest, 1e-2)
        // The extreme points: x = 1 along the muon's flight gives E*_e = (E*_μ + p*_μ)/2 = m_K/2, m² ≈ 0.
        let edge = generator.event(cosMuon: 0, x: 1, cosAlpha: 1)
        XCTAssertEqual(edge.positronKaonFrameEnergyGeV, mK / 2, accuracy: 1e-5)
        XCTAssertGreaterThanOrEqual(edge.missingMassSquaredGeV2, 0)
        XCTAssertLessThan(generator.event(cosMuon: 0, x: 0, cosAlpha: 0).missingMassSquaredGeV2, (mK - mE) * (mK - mE))
        XCTAssertEqual(MichelSpectrum.density(x: 1, cosTheta: 1, polarisation: MuonDecayInFlightGenerator.polarisationAlongFlight), 0)
        XCTAssertTrue(Self.sample.missingMassSquaredGeV2.allSatisfy { $0 >= 0 && Double($0) <= (mK - mE) * (mK - mE) * (1 + 1e-7) })
    }

    /// The μ+ has helicity −1: in its frame ⟨x cos α⟩ = −1/10 about its flight (P = −1), so the
    /// mean kaon-frame positron energy is 0.35 E*_μ − 0.05 p*_μ (0.35 E*_μ + 0.05 p*_μ for the
    /// opposite helicity), and ⟨m²_miss⟩ = m_K² − 2m_K⟨E*_e⟩ (m_e neglected, 10⁻⁶ GeV²).
    func testPolarisationSetsTheMeanPositronEnergy() {
        let mK = PDG2020.kaonChargedMassGeV, mMu = PDG2020.muonMassGeV
        let eStar = (mK * mK + mMu * mMu) / (2 * mK), pStar = (mK * mK - mMu * mMu) / (2 * mK)
        XCTAssertEqual(integral(polarisation: -1) { x, c in x * c }, -0.1, accuracy: 1e-13)
        let expected = mK * mK - 2 * mK * (0.35 * eStar - 0.05 * pStar)
        let m2 = Self.sample.missingMassSquaredGeV2.map(Double.init)
        let mean = m2.reduce(0, +) / Double(m2.count)
        let spread = (m2.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(m2.count)).squareRoot()
        XCTAssertEqual(mean, expected, accuracy: 4 * spread / Double(m2.count).squareRoot() + 1e-5)
        XCTAssertGreaterThan(abs(mean - (mK * mK - 2 * mK * (0.35 * eStar + 0.05 * pStar))), 50 * spread / Double(m2.count).squareRoot())
    }

    // MARK: Counting

    func model(kaonDecays: Double = 9e10, acceptance: Double = 0.1, rejection: Double = 1, workers: Workers = .allCores) -> MuonDecayBackground {
        MuonDecayBackground(sample: Self.sample, resolutionGeV2: 1.7e-3, kaonDecays: kaonDecays, acceptance: acceptance,
                            rejection: rejection, workers: workers)
    }

    /// The whole spectrum is N_K · A · B(K_μ2) · ⟨P_decay⟩, with ⟨P_decay⟩ over the muon's lab
    /// energy, uniform on γ_K(E*_μ ± β_K p*_μ) (isotropic two-body decay), by quadrature; no
    /// photon, so the veto keeps everything.
    func testTotalIsTheMeanDecayProbability() {
        let mK = PDG2020.kaonChargedMassGeV, mMu = PDG2020.muonMassGeV
        let beam = KaonBeam.na62
        let eStar = (mK * mK + mMu * mMu) / (2 * mK), pStar = (mK * mK - mMu * mMu) / (2 * mK)
        let lo = beam.gamma * (eStar - beam.beta * pStar), hi = beam.gamma * (eStar + beam.beta * pStar)
        let meanProbability = GaussLegendre(points: 64).integrate(from: lo, to: hi) { e in
            DecayInFlight.muonProbability(momentumGeV: ((e - mMu) * (e + mMu)).squareRoot(), pathMetres: 60)
        } / (hi - lo)
        XCTAssertEqual(meanProbability, 60 / 658.638 * mMu * log(hi / lo) / (hi - lo), accuracy: 1e-2 * meanProbability,
                       "λ ≫ L: P ≈ L m_μ/(p cτ), mean ∝ ln(E_max/E_min)/(E_max − E_min)")
        let estimate = model().events(in: Self.everything)
        let expected = 9e10 * 0.1 * PDG2020.branchingKaonToMuonNeutrino * meanProbability
        XCTAssertEqual(estimate.events, expected, accuracy: 4 * estimate.mcUncertainty)
        XCTAssertEqual(estimate.vetoPassFraction ?? 0, 1, accuracy: 1e-15)
    }

    /// Linear in N_K, acceptance and rejection; rejection 1 against 10⁻³ is a factor 1000 in
    /// every region and in the MC uncertainty.
    func testCountScalesWithKaonDecaysAndRejection() {
        let base = model()
        let region = SignalRegion.window(centreGeV2: 0.09, k: 1.4, resolutionGeV2: 1.7e-3)
        let reference = base.events(in: region)
        XCTAssertGreaterThan(reference.events, 0)
        XCTAssertEqual(model(kaonDecays: 4.5e12).events(in: region).events, 50 * reference.events, accuracy: 1e-12 * 50 * reference.events)
        XCTAssertEqual(model(acceptance: 0.3).events(in: region).events, 3 * reference.events, accuracy: 1e-12 * 3 * reference.events)
        let rejected = model(rejection: 1e-3)
        for r in [region, Self.everything, SignalRegion.window(centreGeV2: 0.16, k: 1.4, resolutionGeV2: 1.7e-3)] {
            let full = base.events(in: r), kept = rejected.events(in: r)
            XCTAssertEqual(full.events / kept.events, 1000, accuracy: 1e-9)
            XCTAssertEqual(full.mcUncertainty / kept.mcUncertainty, 1000, accuracy: 1e-9)
        }
    }

    /// Same seed, same numbers, for one worker or two.
    func testDeterministicForAnyWorkerCount() {
        let one = MuonDecaySample.generate(events: 300_000, seed: 5, workers: .threads(1))
        let two = MuonDecaySample.generate(events: 300_000, seed: 5, workers: .threads(2))
        XCTAssertEqual(one.missingMassSquaredGeV2, two.missingMassSquaredGeV2)
        XCTAssertEqual(one.muonMomentumGeV, two.muonMomentumGeV)
        let region = SignalRegion.window(centreGeV2: 0.04, k: 1.4, resolutionGeV2: 1.7e-3)
        let a = MuonDecayBackground(sample: one, resolutionGeV2: 1.7e-3, kaonDecays: 1e10, acceptance: 0.1, workers: .threads(1)).events(in: region)
        let b = MuonDecayBackground(sample: two, resolutionGeV2: 1.7e-3, kaonDecays: 1e10, acceptance: 0.1, workers: .threads(2)).events(in: region)
        XCTAssertEqual(a.events, b.events)
        XCTAssertEqual(a.mcUncertainty, b.mcUncertainty)
        XCTAssertNotEqual(MuonDecaySample.generate(events: 1000, seed: 6).missingMassSquaredGeV2, Array(one.missingMassSquaredGeV2.prefix(1000)))
    }

    /// `fill` draws a block, then computes its events: the same events, bit for bit, and the
    /// same random numbers consumed as event-by-event `next`.
    func testFillGivesExactlyTheEventsOfNext() {
        let generator = MuonDecayInFlightGenerator()
        var sequentialRNG = Xoshiro256StarStar(seed: 9), blockRNG = Xoshiro256StarStar(seed: 9)
        let sequential = (0..<203).map { _ in generator.next(using: &sequentialRNG) }
        var block = [MuonDecayEvent](repeating: sequential[0], count: sequential.count)
        block.withUnsafeMutableBufferPointer { generator.fill($0, using: &blockRNG) }
        XCTAssertEqual(block, sequential)
        XCTAssertEqual(sequentialRNG.next(), blockRNG.next(), "same random numbers consumed")
    }
}
