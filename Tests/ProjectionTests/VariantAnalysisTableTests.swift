import XCTest
import ProjectionFixtures
import Foundation
import Physics
import Scenario
@testable import Projection

/// Each variant's own confidence level and statistic in the table, and |U|² > 1 reported.
final class VariantAnalysisTableTests: XCTestCase {
    /// Two variants of one file at 90 % CL (median exclusion) and 95 % CL (detection).
    private func mixedProjection() -> DocumentProjection {
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.125, 0.135], workers: .threads(1))
        var ninety = seed001Variant(kaonDecays: 3e10)
        ninety.label = "90"
        var ninetyFive = seed001Variant(kaonDecays: 3e10, statistic: .detection)
        ninetyFive.label = "95"
        ninetyFive.analysis.confidence = 0.95
        let background = FlatBackground(eventsPerGeV2: 2e6)
        return DocumentProjection(title: "mixed", channel: .kaonToPi0ElectronN, confidence: 0.90,
                          curves: [ninety, ninetyFive].map { scan.curve(for: $0, background: background) })
    }

    func testEveryRowAndVariantCarriesItsConfidenceAndStatistic() throws {
        let projection = mixedProjection()
        let rows = ProjectionTable.csv(projection).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let confidence = try XCTUnwrap(rows[0].firstIndex(of: "confidence"))
        let statistic = try XCTUnwrap(rows[0].firstIndex(of: "statistic"))
        XCTAssertEqual(rows[1...].map { $0[confidence] }, ["0.9", "0.9", "0.95", "0.95"])
        XCTAssertEqual(rows[1...].map { $0[statistic] }, ["median-exclusion", "median-exclusion", "detection", "detection"])
        // The columns before them keep their places.
        XCTAssertEqual(Array(rows[0].prefix(ProjectionTable.columns.count + 2)), ProjectionTable.columns + ["scenario", "channel"])

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ProjectionTable.json(projection).utf8)) as? [String: Any])
        let variants = try XCTUnwrap(json["variants"] as? [[String: Any]])
        XCTAssertEqual(variants.map { $0["confidence"] as? Double }, [0.9, 0.95])
        XCTAssertEqual(variants.map { $0["statistic"] as? String }, ["median-exclusion", "detection"])

        // The limits are at the variant's own CL: detection s = Φ⁻¹(0.95) √b = 1.6449 √b.
        let point = projection.curves[1].points[0]
        XCTAssertEqual(point.u2Detection * point.signalPerU2 / point.background.squareRoot(), 1.6448536, accuracy: 1e-6)
    }

    func testUnphysicalMixingIsReportedOncePerVariantWithItsMassRange() {
        // N_K = 100: s₁ ≈ 0.2 signal events at |U|² = 1, so every limit is |U|² ≈ 10 > 1.
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: [0.10, 0.15, 0.20], workers: .threads(1))
        let tiny = scan.curve(for: seed001Variant(kaonDecays: 100), background: FlatBackground(eventsPerGeV2: 1))
        let fine = scan.curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 2e6))
        XCTAssertTrue(tiny.points.allSatisfy { $0.u2CLs.median > 1 })
        let warnings = ProjectionTable.warnings(DocumentProjection(title: "t", channel: .kaonToPi0ElectronN, confidence: 0.9, curves: [tiny, fine]))
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].hasPrefix("variant 'N_K = 100.0': |U|² > 1 (unphysical"), warnings[0])
        XCTAssertTrue(warnings[0].contains("at 3 mass point(s) from 100 to 200 MeV"), warnings[0])
        XCTAssertTrue(warnings[0].contains("u2_cls_expected"), warnings[0])
    }
}
