import XCTest
import Physics
import Scenario
import Simulation
import BackgroundTables
@testable import Projection

/// The shipped K+ → π+ π+ π− table: inside the kinematic bounds of a muon from π+ → μ+ ν with
/// the other two pions lost, 309 events above 0.1 GeV² for seed 000's N_K (its Table 1), and
/// linear in N_K through the scenario's normalisation.
final class K3piTableTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let path = repository.appendingPathComponent("scenarios/tables/na62-k3pi-2016-2018.csv").path

    /// P_K − P_μ = p_ν + p_π+ + p_π−: m²_miss ≥ (2 m_π)², and ≤ (m_K − m_μ)² (a muon at rest in the
    /// kaon frame); the table's 1.0e-3 GeV² resolution may spread 5σ beyond either bound.
    func testSpectrumLiesInsideTheKinematicBounds() throws {
        let table = try BackgroundTableFile.read(path: Self.path).get()
        let lower = pow(2 * PDG2020.pionChargedMassGeV, 2) - 5e-3
        let upper = pow(PDG2020.kaonChargedMassGeV - PDG2020.muonMassGeV, 2) + 5e-3
        for (m2, density) in zip(table.m2GeV2, table.densityPerGeV2) where m2 < lower || m2 > upper {
            XCTAssertEqual(density, 0, "density at \(m2) GeV², outside [\(lower), \(upper)]")
        }
        XCTAssertGreaterThan(table.integral(fromGeV2: lower, toGeV2: upper), 0)
    }

    /// 309 ± 1 % above 0.1 GeV² at N_K = 1.14e10 (seed 000 Table 1), twice that at twice N_K.
    func testNormalisedToTableOneAndLinearInKaonDecays() throws {
        let table = try BackgroundTableFile.read(path: Self.path).get()
        for (kaons, expected) in [(1.14e10, 309.0), (2.28e10, 618.0)] {
            let background = TabulatedBackground(table: table, kaonDecays: kaons, tableKaonDecays: 1.14e10)
            XCTAssertEqual(background.events(in: .above(thresholdGeV2: 0.1)).events / expected, 1, accuracy: 0.01)
        }
    }
}
