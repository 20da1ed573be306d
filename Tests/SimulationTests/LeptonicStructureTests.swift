import XCTest
import Physics
import Quadrature
@testable import Simulation

/// The structure-dependent K+ → l+ ν γ density (docs/physics.md §5.3) against measured rates,
/// positivity, limits and the IB-only generator.
final class LeptonicStructureTests: XCTestCase {
    let mK = PDG2020.kaonChargedMassGeV

    func r(_ process: RadiativeProcess) -> Double { process.flavour.massGeV * process.flavour.massGeV / (mK * mK) }

    /// B(parent) α/(2π(1 − r)²) ∫dx ∫dλ term(x, λ) over E*_γ in [eLow, eHigh], λ ≥ λ_min(x) and
    /// λ ≥ `lambdaFloor(x)`, λ ≤ `lambdaCeiling(x)`: deterministic Gauss–Legendre in x and ln λ
    /// (the IB collinear peak 1/λ is flat in ln λ).
    func branchingFraction(_ process: RadiativeProcess, photonGeV eLow: Double, _ eHigh: Double,
                           lambdaFloor: (Double) -> Double = { _ in 0 }, lambdaCeiling: (Double) -> Double = { $0 },
                           formFactors: KaonPhotonFormFactors = .measured,
                           _ term: (LeptonicRadiativeDensity.Terms) -> Double) -> Double {
        let r = r(process)
        let rule = GaussLegendre(points: 32)
        let integral = rule.integrate(from: 2 * eLow / mK, to: min(2 * eHigh / mK, 1 - r), panels: 24) { x in
            let lo = max(r * x / (1 - x), lambdaFloor(x)), hi = min(x, lambdaCeiling(x))
            guard hi > lo else { return 0 }
            return rule.integrate(from: log(lo), to: log(hi), panels: 12) { u in
                let lambda = exp(u)
                return lambda * term(LeptonicRadiativeDensity.terms(x: x, lambda: lambda, r: r, formFactors: formFactors))
            }
        }
        return process.parentBranchingFraction * PDG2020.fineStructure / (2 * Double.pi * (1 - r) * (1 - r)) * integral
    }

    /// λ from KLOE's lepton cut p*_e > 200 MeV: y ≥ 2E_e/m_K, λ = x + y − 1 − r.
    func lambdaFloor(leptonMomentumGeV p: Double, _ process: RadiativeProcess) -> (Double) -> Double {
        let m = process.flavour.massGeV
        let y = 2 * (p * p + m * m).squareRoot() / mK
        return { x in x + y - 1 - self.r(process) }
    }

    /// KLOE, Eur. Phys. J. C 64 (2009) 627: R_γ = Γ(K_e2γ, SD+; E*_γ > 10 MeV, p*_e > 200 MeV)/Γ(K_μ2)
    /// = (1.483 ± 0.066 ± 0.013) × 10⁻⁵, i.e. B = 1.483 × 10⁻⁵ × 0.6356 = 0.943 × 10⁻⁵.
    func testStructureDependentPlusMatchesKLOE() {
        let measured = 1.483e-5 * PDG2020.branchingKaonToMuonNeutrino
        let sdPlus = branchingFraction(.ke2Gamma, photonGeV: 0.010, 1, lambdaFloor: lambdaFloor(leptonMomentumGeV: 0.2, .ke2Gamma)) { $0.sdPlus }
        XCTAssertEqual(sdPlus / measured, 1, accuracy: 0.10, "B(SD+) = \(sdPlus)")
    }

    /// Helicity suppression: at KLOE's cuts K_e2γ inner bremsstrahlung is a few per cent of SD+
    /// (KLOE subtracts it as a small background), and the interference is below 10⁻³ of SD+.
    func testInnerBremsstrahlungIsSmallInKLOESelection() {
        let floor = lambdaFloor(leptonMomentumGeV: 0.2, .ke2Gamma)
        let sdPlus = branchingFraction(.ke2Gamma, photonGeV: 0.010, 1, lambdaFloor: floor) { $0.sdPlus }
        let ib = branchingFraction(.ke2Gamma, photonGeV: 0.010, 1, lambdaFloor: floor) { $0.ib }
        let interference = branchingFraction(.ke2Gamma, photonGeV: 0.010, 1, lambdaFloor: floor) { $0.intPlus + $0.intMinus }
        XCTAssertGreaterThan(ib / sdPlus, 0.01)
        XCTAssertLessThan(ib / sdPlus, 0.15)
        XCTAssertLessThan(abs(interference) / sdPlus, 1e-3)
    }

    /// K_μ2γ with soft photons is inner bremsstrahlung: SD and INT together change the rate of
    /// E*_γ < 50 MeV by well under a per cent.
    func testMuonStructureIsSmallForSoftPhotons() {
        let ib = branchingFraction(.kmu2Gamma, photonGeV: 0.001, 0.050) { $0.ib }
        let structure = branchingFraction(.kmu2Gamma, photonGeV: 0.001, 0.050) { $0.structure }
        XCTAssertLessThan(abs(structure) / ib, 0.01)
    }

    /// OKA and ISTRA+ observe destructive IB–SD− interference in K+ → μ+ ν γ (25–150 MeV) with
    /// F_V − F_A > 0: INT− is negative there, INT+ positive.
    func testMuonInterferenceSigns() {
        let intMinus = branchingFraction(.kmu2Gamma, photonGeV: 0.025, 0.150) { $0.intMinus }
        let intPlus = branchingFraction(.kmu2Gamma, photonGeV: 0.025, 0.150) { $0.intPlus }
        XCTAssertLessThan(intMinus, 0)
        XCTAssertGreaterThan(intPlus, 0)
    }

    /// |M_IB + t M_SD|² ≥ 0 for every real t, summed over spins: INT² ≤ 4 IB · SD at every point
    /// and for any form factors (Cauchy–Schwarz), with equality where one helicity amplitude
    /// dominates. Checks the relative size m_K/f_K of the interference against the SD and IB
    /// normalisations.
    func testInterferenceIsBoundedByPositivity() {
        let choices = [KaonPhotonFormFactors(vectorAtZeroTransfer: 0.5, axial: 0.5, vectorSlope: 0),
                       KaonPhotonFormFactors(vectorAtZeroTransfer: 0.5, axial: -0.5, vectorSlope: 0),
                       KaonPhotonFormFactors.measured]
        for process in [RadiativeProcess.ke2Gamma, .kmu2Gamma] {
            let r = r(process)
            var largest = 0.0
            for formFactors in choices {
                for i in 1..<120 {
                    let x = (1 - r) * Double(i) / 120
                    let lo = r * x / (1 - x)
                    for j in 1..<120 {
                        let lambda = lo * pow(x / lo, Double(j) / 120)
                        let t = LeptonicRadiativeDensity.terms(x: x, lambda: lambda, r: r, formFactors: formFactors)
                        let interference = t.intPlus + t.intMinus
                        XCTAssertGreaterThanOrEqual(t.total, 0)
                        largest = max(largest, interference * interference / (4 * t.ib * (t.sdPlus + t.sdMinus)))
                    }
                }
            }
            XCTAssertLessThanOrEqual(largest, 1 + 1e-9, "\(process)")
            XCTAssertGreaterThan(largest, 0.9, "\(process): the bound is approached at the collinear edge")
        }
    }

    /// Limits of the coefficient functions: SD± vanish as x² or faster for x → 0 (no infrared
    /// divergence), x² f_IB tends to a constant (Low's 1/E_γ spectrum at fixed angle), every
    /// term vanishes at m²_miss = 0 (λ = x) except SD+, and SD+ vanishes on the collinear edge
    /// λ_min = r x/(1 − x).
    func testLimitsOfTheCoefficientFunctions() {
        for process in [RadiativeProcess.ke2Gamma, .kmu2Gamma] {
            let r = r(process)
            // Fixed lepton–photon angle: λ = x · c with c fixed, as x → 0.
            let c = 0.3 * (1 + r)
            let small = 1e-4, smaller = 1e-5
            func scaled(_ f: (Double, Double, Double) -> Double, _ x: Double) -> Double { f(x, c * x, r) }
            XCTAssertEqual(scaled(LeptonicRadiativeDensity.fIB, smaller) * smaller * smaller,
                           scaled(LeptonicRadiativeDensity.fIB, small) * small * small, accuracy: 1e-3 * scaled(LeptonicRadiativeDensity.fIB, small) * small * small)
            XCTAssertLessThan(abs(scaled(LeptonicRadiativeDensity.fSDPlus, small)), 2 * small * small)
            XCTAssertLessThan(abs(scaled(LeptonicRadiativeDensity.fSDMinus, small)), 2 * small * small + 2 * r * small)
            for x in [0.1, 0.5, 0.9 * (1 - r)] {
                XCTAssertEqual(LeptonicRadiativeDensity.fIB(x: x, lambda: x, r: r), 0, accuracy: 1e-15)
                XCTAssertEqual(LeptonicRadiativeDensity.fSDMinus(x: x, lambda: x, r: r), 0, accuracy: 1e-15)
                XCTAssertEqual(LeptonicRadiativeDensity.fINTPlus(x: x, lambda: x, r: r), 0, accuracy: 1e-15)
                XCTAssertEqual(LeptonicRadiativeDensity.fINTMinus(x: x, lambda: x, r: r), 0, accuracy: 1e-15)
                let collinear = r * x / (1 - x)
                XCTAssertEqual(LeptonicRadiativeDensity.fSDPlus(x: x, lambda: collinear, r: r), 0, accuracy: 1e-15)
            }
        }
    }

    /// The λ range r x/(1 − x) ≤ λ ≤ x is the range of y for given x: from 2 p_l·k = 2E_l E_γ(1 − β cos θ),
    /// its ends are the lepton parallel (cos θ = 1) and opposite (cos θ = −1) to the photon.
    func testKinematicBoundariesOfY() {
        for process in [RadiativeProcess.ke2Gamma, .kmu2Gamma] {
            let r = r(process), m = process.flavour.massGeV
            for x in [0.05, 0.4, 0.8 * (1 - r)] {
                let eGamma = 0.5 * mK * x
                for (lambda, expected) in [(r * x / (1 - x), 1.0), (x, -1.0)] {
                    let y = lambda + 1 + r - x
                    let eLepton = 0.5 * mK * y, pLepton = (eLepton * eLepton - m * m).squareRoot()
                    let cosine = (eLepton - mK * mK * lambda / (2 * eGamma)) / pLepton
                    XCTAssertEqual(cosine, expected, accuracy: 1e-9, "\(process) x = \(x)")
                }
            }
        }
    }

    /// With F_V = F_A = 0 the structure-dependent generator is the IB generator, weight by weight.
    func testNoFormFactorsReproduceInnerBremsstrahlung() {
        for process in [RadiativeProcess.ke2Gamma, .kmu2Gamma] {
            let ib = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: 1e-3)
            let empty = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: 1e-3,
                                                   emission: .innerBremsstrahlungAndStructure, formFactors: .none)
            var a = Xoshiro256StarStar(seed: 5), b = Xoshiro256StarStar(seed: 5)
            for _ in 0..<20_000 {
                XCTAssertEqual(ib.next(using: &a), empty.next(using: &b))
            }
            let sampleIB = RadiativeSample.generate(ib, events: 1 << 17, seed: 9, workers: .threads(1))
            let sampleEmpty = RadiativeSample.generate(empty, events: 1 << 17, seed: 9, workers: .threads(1))
            XCTAssertEqual(sampleIB.weights, sampleEmpty.weights)
            XCTAssertEqual(sampleEmpty.emission, .innerBremsstrahlungAndStructure)
        }
    }

    /// The generator's weights follow the full density: Σw/N over a band of m²_miss = m_K²(x − λ)
    /// agrees with the quadrature of IB + SD + INT over the same band.
    func testGeneratorFollowsTheFullDensity() {
        for process in [RadiativeProcess.ke2Gamma, .kmu2Gamma] {
            let generator = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: 1e-3, emission: .innerBremsstrahlungAndStructure)
            for (lo, hi) in [(0.01, 0.04), (0.04, 0.09), (0.09, 0.16)] where hi < process.missingMassSquaredEndpointGeV2 {
                var rng = Xoshiro256StarStar(seed: 21)
                var sum = 0.0, squares = 0.0
                let n = 400_000
                for _ in 0..<n {
                    let event = generator.next(using: &rng)
                    if event.missingMassSquaredGeV2 >= lo && event.missingMassSquaredGeV2 < hi {
                        sum += event.weight
                        squares += event.weight * event.weight
                    }
                }
                let mean = sum / Double(n), error = ((squares / Double(n) - mean * mean) / Double(n)).squareRoot()
                let expected = branchingFraction(process, photonGeV: 1e-3, 1, lambdaFloor: { $0 - hi / (self.mK * self.mK) },
                                                 lambdaCeiling: { $0 - lo / (self.mK * self.mK) }) { $0.total }
                    / process.parentBranchingFraction
                XCTAssertLessThan(error / mean, 0.01, "\(process) [\(lo), \(hi)]")
                XCTAssertEqual(mean / expected, 1, accuracy: 4 * error / mean + 1e-3, "\(process) [\(lo), \(hi)]")
            }
        }
    }

    /// IB-only and full samples are cached side by side.
    func testCacheKeepsBothEmissions() {
        let cache = RadiativeSampleCache()
        let ib = cache.sample(process: .ke2Gamma, events: 1 << 14, seed: 3, workers: .threads(1))
        let full = cache.sample(process: .ke2Gamma, emission: .innerBremsstrahlungAndStructure, events: 1 << 14, seed: 3, workers: .threads(1))
        XCTAssertEqual(cache.count, 2)
        XCTAssertEqual(ib.emission, .innerBremsstrahlung)
        XCTAssertEqual(full.emission, .innerBremsstrahlungAndStructure)
        XCTAssertGreaterThan(full.radiativeFraction, ib.radiativeFraction)
    }
}
