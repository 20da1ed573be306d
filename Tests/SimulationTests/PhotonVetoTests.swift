import XCTest
@testable import Simulation

final class PhotonVetoTests: XCTestCase {
    func testVetoIsAValue() {
        let a = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: .constant(1e-3), beyond: .missed)
        var b = a
        b.beyond = .partial
        XCTAssertNotEqual(a, b)
    }
}
