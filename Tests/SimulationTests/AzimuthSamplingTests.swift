import XCTest
import Foundation
import Physics
@testable import Simulation

/// The K_l3γ neutrino azimuth ψ = 2πu (`AzimuthOfUniform`) against libm, and the generator that
/// uses it against an independent flat-sampling Monte Carlo of the same decay.
final class AzimuthSamplingTests: XCTestCase {
    /// cos and sin of 2πu agree with libm within 6 × 10⁻¹⁶, lie on the unit circle, and keep
    /// the quadrant's signs, across the quarter-turn boundaries too; both lanes of a pair agree.
    func testCosineAndSineOfTurnsMatchLibm() {
        var rng = Xoshiro256StarStar(seed: 17)
        var turns = (0..<50_000).map { _ in rng.uniform() }
        for boundary in [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875] {
            turns += [boundary, boundary.nextUp, boundary.nextDown]
        }
        turns += [Double.leastNonzeroMagnitude, 1e-300, 0x1p-53, 1 - 0x1p-53]
        for u in turns {
            let (c, s) = AzimuthOfUniform.cosSin(turns: u)
            // 2π(u − round u) ∈ [−π, π]: the reference's own rounding of ψ stays below 2.3 × 10⁻¹⁶.
            let psi = 2 * Double.pi * (u - u.rounded())
            XCTAssertEqual(c, Foundation.cos(psi), accuracy: 6e-16, "u = \(u)")
            XCTAssertEqual(s, Foundation.sin(psi), accuracy: 6e-16, "u = \(u)")
            XCTAssertEqual(c * c + s * s, 1, accuracy: 6e-16, "u = \(u)")
            let pair = AzimuthOfUniform.cosSin(turns: LanePair(u, 1 - u))
            XCTAssertEqual(pair.cos[lane: 0].bitPattern, c.bitPattern)
            XCTAssertEqual(pair.sin[lane: 0].bitPattern, s.bitPattern)
            XCTAssertEqual(pair.cos[lane: 1].bitPattern, AzimuthOfUniform.cosSin(turns: 1 - u).cos.bitPattern)
        }
    }

    /// Σw/N and the m²_miss spectrum of K_μ3γ (E*_γ > 10 MeV) from the generator — importance
    /// sampled, photon-axis-frame |M|², ψ from `AzimuthOfUniform` — agree within Monte Carlo
    /// errors with a plain Monte Carlo that shares none of that: E*_γ, cos θ_lγ and ψ flat
    /// (ψ through libm), the explicit-spinor |M|² (`referenceSquaredAmplitude`), its own stream.
    /// The muon keeps the collinear peak mild enough for flat sampling.
    func testGeneratorAgreesWithFlatSamplingReference() {
        let generator = SemileptonicRadiativeGenerator(process: .kmu3Gamma, photonEnergyCutoffGeV: 0.01)
        let events = 1 << 19, bins = 8
        let mK = PDG2020.kaonChargedMassGeV, mL = generator.leptonMassGeV
        let eMin = generator.energySampler.minimumGeV, eMax = generator.energySampler.maximumGeV
        let edge = 2 * eMax * eMax  // m²_miss = 2ω(E_ν − p_νz) ≤ 2ω · 2E_ν < this bound
        struct Tally {
            var sum = 0.0, squares = 0.0
            var bins: [Double], binSquares: [Double]
            init(_ count: Int) { bins = .init(repeating: 0, count: count); binSquares = bins }
        }
        func add(_ weight: Double, _ m2: Double, to tally: inout Tally) {
            tally.sum += weight
            tally.squares += weight * weight
            let bin = min(bins - 1, max(0, Int(m2 / edge * Double(bins))))
            tally.bins[bin] += weight
            tally.binSquares[bin] += weight * weight
        }

        var generated = Tally(bins)
        var points = [RadiativePoint](repeating: .empty, count: events)
        var rng = Xoshiro256StarStar(seed: 2024)
        points.withUnsafeMutableBufferPointer { generator.fill($0, using: &rng) }
        for point in points where point.weight > 0 { add(point.weight, point.missingMassSquaredGeV2, to: &generated) }

        var reference = Tally(bins)
        var flat = Xoshiro256StarStar(seed: 99)
        for _ in 0..<events {
            let eGamma = eMin + (eMax - eMin) * flat.uniform()
            let recoil = (mK * mK - 2 * mK * eGamma).squareRoot()
            let eLeptonMax = generator.maximumLeptonEnergy(parentGeV: recoil)
            let e = mL + (eLeptonMax - mL) * flat.uniform()
            let p = ((e - mL) * (e + mL)).squareRoot()
            let (lo, hi) = generator.neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
            let eNu = lo + (hi - lo) * flat.uniform()
            let u = flat.uniform(), psi = 2 * Double.pi * flat.uniform()
            guard let q = generator.configuration(photonEnergyGeV: eGamma, leptonEnergyGeV: e, neutrinoEnergyGeV: eNu,
                                                  cosLeptonPhoton: 2 * u - 1, oneMinusCosLeptonPhoton: 2 * (1 - u),
                                                  neutrinoAzimuthCos: Foundation.cos(psi), sin: Foundation.sin(psi)) else { continue }
            // w = e²|M|² E*_γ J/(8π² I₀), J = ΔE_l ΔE_ν / (pdf(E*_γ) pdf(cos θ)) with both pdfs flat.
            let jacobian = (eLeptonMax - mL) * (hi - lo) * (eMax - eMin) * 2
            let weight = generator.weightNormalisation * generator.referenceSquaredAmplitude(q) * eGamma * jacobian
            add(weight, 2 * q.photon.t * (q.neutrino.t - q.neutrino.z), to: &reference)
        }

        let n = Double(events)
        func error(_ sum: Double, _ squares: Double) -> Double { (squares / n - (sum / n) * (sum / n)).squareRoot() / n.squareRoot() }
        let totalError = (pow(error(generated.sum, generated.squares), 2) + pow(error(reference.sum, reference.squares), 2)).squareRoot()
        XCTAssertEqual(generated.sum / n, reference.sum / n, accuracy: 4 * totalError, "Σw/N")
        XCTAssertLessThan(totalError / (reference.sum / n), 0.01, "the comparison resolves 1 %")
        var chiSquare = 0.0
        for bin in 0..<bins {
            let variance = pow(error(generated.bins[bin], generated.binSquares[bin]), 2)
                + pow(error(reference.bins[bin], reference.binSquares[bin]), 2)
            guard variance > 0 else { continue }
            chiSquare += pow((generated.bins[bin] - reference.bins[bin]) / n, 2) / variance
        }
        XCTAssertLessThan(chiSquare, 26.1, "χ² of the m²_miss spectrum, 8 bins (p = 0.001)")
    }
}
