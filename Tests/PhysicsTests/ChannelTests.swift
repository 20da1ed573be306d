import XCTest
@testable import Physics

final class ChannelTests: XCTestCase {
    /// Endpoints: m_K − m_l for K+ → l+ N (493.2, 388.0 MeV), m_K − m_π0 − m_l for K+ → π0 l+ N
    /// (358.2, 253.0 MeV; docs/physics.md §3); the rate is zero there and beyond, positive just below.
    func testEveryChannelVanishesAtItsEndpoint() {
        let endpointsMeV: [Channel: Double] = [
            .kaonToElectronN: 493.166, .kaonToMuonN: 388.019, .kaonToPi0ElectronN: 358.189, .kaonToPi0MuonN: 253.042,
        ]
        for channel in Channel.allCases where !channel.isContinuum {
            let endpoint = channel.endpointGeV
            XCTAssertEqual(endpoint * 1000, endpointsMeV[channel] ?? .nan, accuracy: 0.001, channel.name)
            XCTAssertEqual(channel.branchingFractionPerU2(massGeV: endpoint), 0, channel.name)
            XCTAssertEqual(channel.branchingFractionPerU2(massGeV: endpoint + 0.01), 0, channel.name)
            XCTAssertGreaterThan(channel.branchingFractionPerU2(massGeV: endpoint - 0.001), 0, channel.name)
            XCTAssertEqual(channel.branchingFractionPerU2(massGeV: -0.001), 0, channel.name)
        }
    }

    /// Each channel is normalised to its own Standard-Model rate at m_N → 0 (PDG 2020).
    func testMasslessLimitIsTheStandardModelRate() {
        let expected: [Channel: Double] = [
            .kaonToElectronN: 1.582e-5, .kaonToMuonN: 0.6356, .kaonToPi0ElectronN: 0.0507, .kaonToPi0MuonN: 0.03352,
        ]
        for channel in Channel.allCases where !channel.isContinuum {
            XCTAssertEqual(channel.branchingFractionPerU2(massGeV: 0) / (expected[channel] ?? .nan), 1, accuracy: 1e-12, channel.name)
        }
    }

    /// Names as users write them parse back, with extra spaces and `→`.
    func testNamesRoundTrip() {
        for channel in Channel.allCases where !channel.isContinuum {
            XCTAssertEqual(Channel(name: channel.name), channel)
        }
        XCTAssertEqual(Channel(name: "K+  →  pi0 e+ N"), .kaonToPi0ElectronN)
        XCTAssertNil(Channel(name: "K+ -> pi0 tau+ N"))
    }
}
