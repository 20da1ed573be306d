import XCTest
import Physics
@testable import Simulation

/// The generator's fast paths against their references: the photon-axis-frame |M|² against the
/// general explicit-spinor evaluation, the staged `fill` against event-by-event `next`, parallel
/// sample generation against a serial run, and the octave density against its definition.
final class GeneratorFastPathTests: XCTestCase {
    /// Configurations over the whole K_l3γ phase space, plus nearly collinear and soft photons.
    static func configurations(_ generator: SemileptonicRadiativeGenerator, count: Int, seed: UInt64) -> [SemileptonicRadiativeGenerator.Configuration] {
        var rng = Xoshiro256StarStar(seed: seed)
        var result: [SemileptonicRadiativeGenerator.Configuration] = []
        let mK = PDG2020.kaonChargedMassGeV, mL = generator.leptonMassGeV
        while result.count < count {
            let regime = result.count % 3
            let eGamma = regime == 2 ? 1e-5 * (1 + rng.uniform()) : 0.001 + (generator.energySampler.maximumGeV - 0.001) * rng.uniform()
            let recoil = (mK * mK - 2 * mK * eGamma).squareRoot()
            let e = mL + (generator.maximumLeptonEnergy(parentGeV: recoil) - mL) * rng.uniform()
            let p = ((e - mL) * (e + mL)).squareRoot()
            let (lo, hi) = generator.neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
            // Regime 1: θ_lγ from 10⁻⁶ to 10⁻² rad (the collinear peak the sampler favours).
            let theta = regime == 1 ? pow(10, -6 + 4 * rng.uniform()) : Double.pi * rng.uniform()
            let psi = 2 * Double.pi * rng.uniform()
            if let q = generator.configuration(photonEnergyGeV: eGamma, leptonEnergyGeV: e, neutrinoEnergyGeV: lo + (hi - lo) * rng.uniform(),
                                               cosLeptonPhoton: cos(theta), oneMinusCosLeptonPhoton: 2 * pow(sin(theta / 2), 2),
                                               neutrinoAzimuthCos: cos(psi), sin: sin(psi)) {
                result.append(q)
            }
        }
        return result
    }

    func testPhotonAxisFrameAmplitudeEqualsSpinorReference() {
        for process in [RadiativeProcess.ke3Gamma, .kmu3Gamma] {
            let generator = SemileptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: 1e-5)
            var backward = 0, worst = 0.0
            for q in Self.configurations(generator, count: 3000, seed: 21) {
                if q.neutrino.z < 0 { backward += 1 }
                let reference = generator.referenceSquaredAmplitude(q)
                XCTAssertGreaterThan(reference, 0)
                worst = max(worst, abs(generator.squaredAmplitude(q) / reference - 1))
            }
            XCTAssertLessThan(worst, 1e-10, "\(process)")
            XCTAssertGreaterThan(backward, 500, "both forms of the neutrino spinor are exercised")
            XCTAssertLessThan(backward, 2500, "both forms of the neutrino spinor are exercised")
        }
    }

    /// `fill` runs the same stages block by block (K_l3γ: two events per `LanePair`, an odd last
    /// one paired with itself): the same events, bit for bit, and the same random numbers
    /// consumed (checked by the next draw), across block boundaries and for any count.
    func testFillGivesExactlyTheEventsOfNext() {
        let generators: [any RadiativeEventGenerator] = [
            SemileptonicRadiativeGenerator(process: .ke3Gamma, photonEnergyCutoffGeV: 1e-3),
            SemileptonicRadiativeGenerator(process: .kmu3Gamma, photonEnergyCutoffGeV: 1e-3),
            LeptonicRadiativeGenerator(process: .kmu2Gamma, photonEnergyCutoffGeV: 1e-3),
            LeptonicRadiativeGenerator(process: .ke2Gamma, photonEnergyCutoffGeV: 1e-3, emission: .innerBremsstrahlungAndStructure),
        ]
        for generator in generators {
            for count in [1, 2, 65, 203] {
                var sequentialRNG = Xoshiro256StarStar(seed: 5), blockRNG = Xoshiro256StarStar(seed: 5)
                let sequential = (0..<count).map { _ in generator.next(using: &sequentialRNG) }
                var points = [RadiativePoint](repeating: .empty, count: count)
                points.withUnsafeMutableBufferPointer { generator.fill($0, using: &blockRNG) }
                for (event, point) in zip(sequential, points) {
                    XCTAssertEqual(point.missingMassSquaredGeV2, event.missingMassSquaredGeV2, "\(generator.process)")
                    XCTAssertEqual(point.photonEnergyGeV, event.photonEnergyGeV, "\(generator.process)")
                    XCTAssertEqual(point.weight, event.weight, "\(generator.process)")
                }
                XCTAssertGreaterThan(points.filter { $0.weight > 0 }.count, count - 3)
                XCTAssertEqual(sequentialRNG.next(), blockRNG.next(), "\(generator.process): same random numbers consumed")
            }
        }
    }

    /// Chunks are seeded and summed in a fixed order: one worker (serial) and several give the
    /// same bytes.
    func testSampleIsIdenticalForAnyNumberOfWorkers() {
        let generator = SemileptonicRadiativeGenerator(process: .ke3Gamma, photonEnergyCutoffGeV: 1e-3)
        let events = 5 * RadiativeSample.chunkSize / 2
        let serial = RadiativeSample.generate(generator, events: events, seed: 77, workers: .threads(1))
        for workers in [2, 3] {
            let parallel = RadiativeSample.generate(generator, events: events, seed: 77, workers: .threads(workers))
            XCTAssertEqual(parallel.weights, serial.weights, "\(workers) workers")
            XCTAssertEqual(parallel.squaredWeights, serial.squaredWeights, "\(workers) workers")
            XCTAssertEqual(parallel.radiativeFraction, serial.radiativeFraction)
        }
    }

    /// The octave density is a normalised density on [1, R] (midpoint sums per octave), its
    /// draws stay in range and carry the density of the point they land on, and each full
    /// octave receives 1/K of them.
    func testOctaveDensityIsNormalisedAndSampledByItsDefinition() {
        for range in [1.5, 8.0, 37.2, 4.0e5] {
            let density = OctaveDensity(range: range)
            // ∫₁^R dρ/inverseDensity(ρ), 2000 midpoints per octave.
            var integral = 0.0
            var lo = 1.0
            while lo < range {
                let hi = min(2 * lo, range)
                let steps = 2000
                for i in 0..<steps {
                    let rho = lo + (Double(i) + 0.5) * (hi - lo) / Double(steps)
                    integral += (hi - lo) / Double(steps) / density.inverseDensity(rho)
                }
                lo = hi
            }
            XCTAssertEqual(integral, 1, accuracy: 1e-12, "R = \(range)")
            XCTAssertEqual(density.octaves, log2(range), accuracy: 0.09, "K is log₂ R, linearised in the last octave")

            var rng = Xoshiro256StarStar(seed: 8)
            let draws = 100_000
            var perOctave = [Int](repeating: 0, count: density.lastOctave + 1)
            for _ in 0..<draws {
                let (rho, inverse) = density.sample(rng.uniform())
                XCTAssertTrue(rho >= 1 && rho <= range * (1 + 1e-15))
                XCTAssertEqual(inverse, density.inverseDensity(rho), accuracy: 1e-12 * inverse)
                perOctave[Int(log2(rho)).clamped(to: 0...density.lastOctave)] += 1
            }
            for octave in 0..<density.lastOctave {
                let expected = Double(draws) / density.octaves
                XCTAssertEqual(Double(perOctave[octave]), expected, accuracy: 5 * expected.squareRoot(), "R = \(range), octave \(octave)")
            }
        }
    }
}

private extension Comparable {
    func clamped(to limits: ClosedRange<Self>) -> Self { min(max(self, limits.lowerBound), limits.upperBound) }
}
