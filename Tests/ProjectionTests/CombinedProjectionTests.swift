import XCTest
import Physics
import Scenario
import Simulation
@testable import Projection

/// `combine:` on the shipped scenarios: the 1-track and di-electron samples of seed 001 Sec. V
/// combined as two channels with the same acceptance and background per kaon decay are the one
/// channel with their summed N_K (the paper's treatment, scenarios/na62-kpi0en.yaml); a part
/// without signal changes nothing; the combination is stronger than each part.
final class CombinedProjectionTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func load(_ name: String) throws -> [ScenarioFile] {
        try ScenarioLoader.loadAll(path: Self.repository.appendingPathComponent("scenarios/\(name)").path).get()
    }

    func testTwoSamplesWithEqualAcceptanceAreTheSummedExposure() throws {
        let documents = try load("na62-kpi0en-streams.yaml")
        let combination = try XCTUnwrap(documents.first { $0.documentName == "kpi0en-streams" })
        var single = try XCTUnwrap(load("na62-kpi0en.yaml").first)
        single.masses = combination.masses
        for index in single.variants.indices { single.variants[index].analysis.statistic = .clsExpected }
        let projector = Projector(workers: .threads(2))
        let combined = try projector.project(combination, variants: [0])
        let summed = try projector.project(single, variants: [1])  // "2016–2024 data": 9e10 + 5e10
        XCTAssertEqual(summed.curves[0].kaonDecaysEffective, 1.4e11, accuracy: 1e-3 * 1.4e11)
        let curve = try XCTUnwrap(combined.curves.first)
        XCTAssertTrue(curve.isCombination)
        XCTAssertEqual(combined.curves.map(\.label), ["combined: same acceptance", "kpi0en-dielectron: same acceptance", "kpi0en-1track"])
        for (c, s) in zip(curve.points, summed.curves[0].points) where s.u2CLs.median.isFinite {
            XCTAssertEqual(c.massGeV, s.massGeV)
            // b ≫ 1: within 1 % (the median from b = 1000, every edge from 3000, where the single
            // channel is asymptotic too); below, the single channel is exact and the
            // combination's asymptotic limits are off by O(1/√b): 0.5/√b (median), 0.7/√b (edges).
            XCTAssertEqual(c.u2CLs.median / s.u2CLs.median, 1, accuracy: s.background >= 1000 ? 0.01 : max(0.01, 0.5 / s.background.squareRoot()), "\(c.massGeV * 1000) MeV")
            for (x, y) in zip(c.u2CLs.values, s.u2CLs.values) {
                XCTAssertEqual(x / y, 1, accuracy: s.background >= 3000 ? 0.01 : max(0.01, 0.7 / s.background.squareRoot()), "\(c.massGeV * 1000) MeV, b = \(s.background)")
            }
            XCTAssertEqual(c.u2MedianExclusion / s.u2MedianExclusion, 1, accuracy: 0.01)
            XCTAssertEqual(c.background / s.background, 1, accuracy: 0.01)
        }
        // Each part alone is weaker than the combination.
        for part in combined.curves.dropFirst() {
            for (c, p) in zip(curve.points, part.points) where p.u2CLs.median.isFinite { XCTAssertLessThan(c.u2CLs.median, p.u2CLs.median) }
        }
    }

    /// A part that sees no signal (zero acceptance) leaves the other part's limits as they are.
    func testPartWithoutSignalChangesNothing() throws {
        var documents = try load("na62-kpi0en-streams.yaml")
        let index = try XCTUnwrap(documents.firstIndex { $0.documentName == "kpi0en-streams" })
        var combination = documents[index]
        var parts = try XCTUnwrap(combination.combination).parts
        parts[0].document.variants = parts[0].document.variants.map { variant in
            var blind = variant
            blind.detector.signalAcceptance = .constant(0)
            return blind
        }
        combination.combination = Combination(parts: parts)
        documents[index] = combination
        let projector = Projector(workers: .threads(2))
        let combined = try projector.project(combination, variants: [0]).curves[0]
        let alone = try projector.project(parts[1].document).curves[0]
        for (c, a) in zip(combined.points, alone.points) { XCTAssertEqual(c.u2CLs, a.u2CLs) }
    }
}
