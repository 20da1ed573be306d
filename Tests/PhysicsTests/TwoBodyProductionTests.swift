import XCTest
@testable import Physics

final class TwoBodyProductionTests: XCTestCase {
    /// ρ_l(0) = 1: a massless N reproduces the Standard Model K+ → l+ ν rate (seed 000 Eq. 1).
    func testRhoIsOneForMasslessLepton() {
        XCTAssertEqual(TwoBodyProduction.rho(flavour: .muon, massGeV: 0), 1, accuracy: 1e-12)
        XCTAssertEqual(TwoBodyProduction.rho(flavour: .electron, massGeV: 0), 1, accuracy: 1e-12)
    }
}
