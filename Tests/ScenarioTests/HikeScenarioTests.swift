import XCTest
import Physics
@testable import Scenario

/// The shipped `scenarios/hike.yaml`: four documents, one per channel, each comparing NA62
/// 2016-2024 with five years of a HIKE-like experiment, with the exposures its comments state.
final class HikeScenarioTests: XCTestCase {
    private func hike() throws -> [ScenarioFile] {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/hike.yaml").path
        switch ScenarioLoader.loadAll(path: path) {
        case .success(let documents): return documents
        case .failure(let errors): XCTFail("hike.yaml does not load:\n\(errors)"); return []
        }
    }

    func testFourDocumentsOneChannelEach() throws {
        let documents = try hike()
        XCTAssertEqual(documents.count, 4)
        XCTAssertEqual(Set(documents.map(\.channel)), Set(Channel.allCases.filter { !$0.isContinuum }))
        XCTAssertEqual(Set(documents.map(\.documentName)).count, 4)
        for document in documents {
            XCTAssertEqual(document.variants.map(\.label), ["NA62 2016–2024", "HIKE, 5 years (dedicated trigger)"], document.documentName)
            XCTAssertEqual(document.figure.label, "HIKE projection")
            XCTAssertFalse(document.figure.references.isEmpty)
            XCTAssertLessThanOrEqual(document.masses.toGeV, document.channel.endpointGeV)
        }
    }

    /// HIKE: 4 x the NA62 rate (4.5e12 K+ decays in 2016-2018 = 1.5e12 per year) for 5 years,
    /// no prescale, fully efficient. NA62 2016-2024: seed 001's 1.4e11 for K+ -> pi0 e+ N,
    /// 1.35e13 / 150 for K+ -> e+ N, and seed 000's minimum-bias 1.14e10 per Run-1 sample
    /// (4.607e12 x 0.99 / 400), tripled by 2021-2024, for the muon channels.
    func testExposuresAreTheStatedOnes() throws {
        let documents = Dictionary(uniqueKeysWithValues: try hike().map { ($0.channel, $0) })
        let hikeDecays = 4 * (4.5e12 / 3) * 5
        let na62: [Channel: Double] = [
            .kaonToPi0ElectronN: 1.4e11, .kaonToElectronN: 9e10,
            .kaonToMuonN: 3 * 4.607e12 * 0.99 / 400, .kaonToPi0MuonN: 3 * 4.607e12 * 0.99 / 400,
        ]
        for (channel, expected) in na62 {
            let variants = try XCTUnwrap(documents[channel]).variants
            XCTAssertEqual(variants[0].exposure.effectiveKaonDecays, expected, accuracy: expected * 1e-12, channel.name)
            XCTAssertEqual(variants[1].exposure.effectiveKaonDecays, hikeDecays, accuracy: hikeDecays * 1e-12, channel.name)
        }
    }
}
