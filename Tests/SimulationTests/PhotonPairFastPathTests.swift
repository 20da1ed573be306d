import XCTest
import Foundation
import Physics
@testable import Simulation

/// The K_l3 photon-pair generator's fast paths against their references: |M₀|² through the
/// energies against the four-vector form, the arctangent kernel against libm, and the staged
/// `fill` against event-by-event `next`.
final class PhotonPairFastPathTests: XCTestCase {
    /// |M₀|² written through the kaon-frame energies equals `RadiativeAmplitude.bornSquared` of
    /// four-momenta built from the same energies (lepton along z, the neutrino at the angle that
    /// closes the triangle with the pion; current f₊(t)(p_K + p_π) + f₋(t)(p_K − p_π)) to 10⁻¹⁰,
    /// over the Dalitz plot of both flavours. Points where that angle is ill-conditioned
    /// (|cos θ_lν| within 10⁻⁶ of 1, where the four-vectors' own rounding dominates) are left out.
    func testBornSquaredThroughEnergiesEqualsFourVectorForm() {
        for flavour in LeptonFlavour.allCases {
            let generator = SemileptonicPhotonPairGenerator(flavour: flavour)
            let mK = PDG2020.kaonChargedMassGeV, mPi = PDG2020.pionNeutralMassGeV, mL = flavour.massGeV
            let kaon = FourMomentum(mK, 0, 0, 0)
            var rng = Xoshiro256StarStar(seed: 31)
            var worst = 0.0, compared = 0
            for _ in 0..<20_000 {
                let point = generator.dalitzPoint(SemileptonicPhotonPairGenerator.draw(&rng))
                let e = point.leptonEnergyGeV, p = ((e - mL) * (e + mL)).squareRoot(), eNu = point.neutrinoEnergyGeV
                let ePi = mK - e - eNu
                let cosine = ((ePi - mPi) * (ePi + mPi) - p * p - eNu * eNu) / (2 * p * eNu)
                guard abs(cosine) < 1 - 1e-6 else { continue }
                let sine = ((1 - cosine) * (1 + cosine)).squareRoot()
                let lepton = FourMomentum(e, 0, 0, p), neutrino = FourMomentum(eNu, eNu * sine, 0, eNu * cosine)
                let pion = kaon - lepton - neutrino
                let t = (kaon - pion).massSquared
                let h = generator.polynomials.plus(t: t) * (kaon + pion) + generator.polynomials.minus(t: t) * (kaon - pion)
                let reference = RadiativeAmplitude.bornSquared(current: h, lepton: lepton, neutrino: neutrino)
                XCTAssertGreaterThan(reference, 0)
                worst = max(worst, abs(generator.bornSquared(leptonEnergyGeV: e, neutrinoEnergyGeV: eNu) / reference - 1))
                compared += 1
            }
            XCTAssertLessThan(worst, 1e-10, "\(flavour)")
            XCTAssertGreaterThan(compared, 19_900, "\(flavour)")
        }
    }

    /// fdlibm's kernel is within 1 ulp of libm's atan on [0, 7/16), uniformly and over many
    /// decades down to 10⁻¹², and `polarAngles` hands every other argument to libm (atan2 for
    /// backward momenta).
    func testArctangentKernelIsWithinOneUlpOfLibm() {
        var rng = Xoshiro256StarStar(seed: 41)
        for i in 0..<400_000 {
            let x = i % 2 == 0 ? Arctangent.kernelLimit * rng.uniform() : Arctangent.kernelLimit * pow(10, -12 * rng.uniform())
            let pair = Arctangent.kernel(SIMD2(x, x / 3))
            for (value, argument) in [(pair[0], x), (pair[1], x / 3)] {
                let exact = Foundation.atan(argument)
                XCTAssertLessThanOrEqual(abs(value - exact), exact.ulp, "atan(\(argument))")
            }
        }
        XCTAssertEqual(Arctangent.kernel(SIMD2(0, 0)), SIMD2(0, 0))
        let beyond = Arctangent.polarAngles(transverse: SIMD2(1, 0.2), longitudinal: SIMD2(0.5, -1))
        XCTAssertEqual(beyond[0], Foundation.atan(2))
        XCTAssertEqual(beyond[1], Foundation.atan2(0.2, -1))
        let mixed = Arctangent.polarAngles(transverse: SIMD2(1e-3, 3), longitudinal: SIMD2(1, 1))
        XCTAssertEqual(mixed[0], Foundation.atan(1e-3))
        XCTAssertEqual(mixed[1], Foundation.atan(3))
    }

    /// What the sample stores: every lab angle in single precision is the one libm's atan gives.
    func testStoredAnglesAreThoseOfLibm() {
        let generator = SemileptonicPhotonPairGenerator(flavour: .muon)
        var rng = Xoshiro256StarStar(seed: 43)
        for _ in 0..<100_000 {
            let d = SemileptonicPhotonPairGenerator.draw(&rng)
            let photons = generator.labPhotons(d, at: generator.dalitzPoint(d))
            let event = generator.event(d)
            for (lane, angle) in [(0, event.photon1AngleRad), (1, event.photon2AngleRad)] {
                let libm = Arctangent.polarAngle(transverse: photons.transverse[lane], longitudinal: photons.longitudinal[lane])
                XCTAssertEqual(Float(angle), Float(libm))
            }
        }
    }

    /// `fill` runs the same stages over the block: the same events, bit for bit, and the same
    /// random numbers consumed.
    func testFillGivesExactlyTheEventsOfNext() {
        for flavour in LeptonFlavour.allCases {
            let generator = SemileptonicPhotonPairGenerator(flavour: flavour)
            let count = 203
            var sequentialRNG = Xoshiro256StarStar(seed: 5), blockRNG = Xoshiro256StarStar(seed: 5)
            let sequential = (0..<count).map { _ in generator.next(using: &sequentialRNG) }
            var block = [PhotonPairEvent](repeating: sequential[0], count: count)
            block.withUnsafeMutableBufferPointer { generator.fill($0, using: &blockRNG) }
            XCTAssertEqual(block, sequential, "\(flavour)")
            XCTAssertEqual(sequentialRNG.next(), blockRNG.next(), "\(flavour): same random numbers consumed")
        }
    }
}
