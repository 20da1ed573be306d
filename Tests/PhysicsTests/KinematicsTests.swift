import XCTest
@testable import Physics

final class KinematicsTests: XCTestCase {
    /// λ(a, b, c) is symmetric under every permutation of its arguments.
    func testKallenIsSymmetric() {
        let triples: [(Double, Double, Double)] = [(0.2437, 0.0182, 0.0112), (1, 0.3, 0.05), (4, 1, 1), (0.5, 0, 0.7)]
        for (a, b, c) in triples {
            let reference = Kinematics.kallen(a, b, c)
            for permuted in [(a, c, b), (b, a, c), (b, c, a), (c, a, b), (c, b, a)] {
                XCTAssertEqual(Kinematics.kallen(permuted.0, permuted.1, permuted.2), reference, accuracy: 1e-14 * max(1, abs(reference)))
            }
        }
    }

    /// Hand-reduced cases: λ(a, 0, 0) = a², λ(M², m², 0) = (M² − m²)², λ = 0 at threshold M = m₁ + m₂.
    func testKallenSpecialCases() {
        XCTAssertEqual(Kinematics.kallen(3, 0, 0), 9, accuracy: 1e-14)
        XCTAssertEqual(Kinematics.kallen(5, 2, 0), 9, accuracy: 1e-14)
        let (m1, m2) = (0.3, 0.2)
        XCTAssertEqual(Kinematics.kallen((m1 + m2) * (m1 + m2), m1 * m1, m2 * m2), 0, accuracy: 1e-15)
        // λ(M², m₁², m₂²) = [M² − (m₁ + m₂)²][M² − (m₁ − m₂)²]
        let M2 = 0.81
        XCTAssertEqual(Kinematics.kallen(M2, m1 * m1, m2 * m2), (M2 - 0.25) * (M2 - 0.01), accuracy: 1e-15)
    }

    /// K+ → μ+ ν: p* = (m_K² − m_μ²)/(2 m_K) = 235.5 MeV (PDG 2020 quotes p = 236 MeV/c).
    func testKaonToMuonNeutrinoMomentum() {
        let p = Kinematics.twoBodyMomentumGeV(parentGeV: PDG2020.kaonChargedMassGeV, firstGeV: PDG2020.muonMassGeV, secondGeV: 0)
        XCTAssertEqual(p * 1000, 235.53, accuracy: 0.01)
    }

    /// K+ → π+ π0: p* = 205 MeV/c (PDG 2020 K± summary table).
    func testKaonToTwoPionsMomentum() {
        let p = Kinematics.twoBodyMomentumGeV(
            parentGeV: PDG2020.kaonChargedMassGeV, firstGeV: PDG2020.pionChargedMassGeV, secondGeV: PDG2020.pionNeutralMassGeV)
        XCTAssertEqual(p * 1000, 205.1, accuracy: 0.5)
    }

    /// Below threshold there is no decay: the momentum is zero, not NaN.
    func testMomentumIsZeroBelowThreshold() {
        XCTAssertEqual(Kinematics.twoBodyMomentumGeV(parentGeV: 0.2, firstGeV: 0.15, secondGeV: 0.1), 0)
        XCTAssertEqual(Kinematics.twoBodyMomentumGeV(parentGeV: 0.25, firstGeV: 0.15, secondGeV: 0.1), 0)
    }
}
