import XCTest
import ProjectionFixtures
import Physics
import Scenario
import Simulation
import Statistics
@testable import Projection

/// Numeric edge cases of the projection: the kinematic endpoint, no background, enormous
/// exposures and a resolution wider than the whole m²_miss range. Each must give finite numbers
/// or an explicit infinity that the table writes empty (CSV) / null (JSON) with a warning — never
/// NaN.
final class EdgeCaseTests: XCTestCase {
    private let channel = Channel.kaonToPi0ElectronN
    /// m_K − m_e − m_π0 = 358.189 MeV (PDG 2020), the K+ → π0 e+ N endpoint.
    private let endpointGeV = 0.493677 - 0.000510999 - 0.1349768

    private func assertNoNaN(_ point: SensitivityPoint, file: StaticString = #filePath, line: UInt = #line) {
        for column in ProjectionTable.pointColumns where column.name != "veto_pass_fraction" {
            XCTAssertFalse(column.value(point).isNaN, "\(column.name) is NaN at \(point.massGeV) GeV", file: file, line: line)
        }
    }

    // MARK: endpoint

    /// At and beyond the endpoint B(K+ → π0 e+ N) = 0, so no |U|² can be excluded: every limit is
    /// +∞ (not NaN); just below it the branching fraction is tiny but non-negative.
    func testEndpointGivesInfiniteLimitsNotNaN() {
        XCTAssertEqual(channel.endpointGeV, endpointGeV, accuracy: 1e-9)
        let masses = [0.300, endpointGeV * (1 - 1e-12), channel.endpointGeV, 0.360]
        let curve = MassScan(channel: channel, massesGeV: masses, workers: .threads(1))
            .curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 2e6))
        for point in curve.points { assertNoNaN(point) }
        let below = curve.points[1]
        XCTAssertGreaterThanOrEqual(below.branchingFractionPerU2, 0)
        XCTAssertLessThan(below.branchingFractionPerU2, 1e-6 * curve.points[0].branchingFractionPerU2)
        for point in curve.points[2...] {
            XCTAssertEqual(point.branchingFractionPerU2, 0, "at \(point.massGeV) GeV")
            XCTAssertEqual(point.signalPerU2, 0)
            XCTAssertEqual(point.u2Detection, .infinity)
            XCTAssertEqual(point.u2MedianExclusion, .infinity)
            XCTAssertEqual(point.u2CLs.values, Array(repeating: .infinity, count: 5))
            XCTAssertTrue(point.background.isFinite && point.background > 0, "the background does not know about the endpoint")
        }
        XCTAssertTrue(curve.points[0].u2CLs.values.allSatisfy(\.isFinite))
    }

    /// The table writes the infinite limits as empty CSV fields and JSON nulls, never `nan` or
    /// `inf`, and `warnings` names the variant, the columns and the first mass (358.189 MeV).
    func testEndpointRowsAreEmptyWithAWarning() throws {
        let masses = [0.300, channel.endpointGeV]
        let curve = MassScan(channel: channel, massesGeV: masses, workers: .threads(1))
            .curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 2e6))
        let projection = DocumentProjection(title: "endpoint", channel: channel, confidence: 0.9, curves: [curve])
        let csv = ProjectionTable.csv(projection)
        let json = ProjectionTable.json(projection)
        for text in [csv, json] {
            XCTAssertNil(text.lowercased().range(of: "nan"))
            XCTAssertNil(text.lowercased().range(of: "inf"))
        }
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows.count, 3)
        let header = rows[0]
        let endpointRow = rows[2]
        XCTAssertEqual(endpointRow.count, header.count)
        for column in ["u2_detection", "u2_median_exclusion", "u2_cls_expected", "u2_cls_minus2sigma", "u2_cls_plus2sigma"] {
            let index = try XCTUnwrap(header.firstIndex(of: column))
            XCTAssertEqual(endpointRow[index], "", column)
            XCTAssertFalse(rows[1][index].isEmpty, column)
        }
        XCTAssertEqual(endpointRow[try XCTUnwrap(header.firstIndex(of: "br_per_U2"))], "0")
        // JSON: parses, and the limits are null.
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        let points = try XCTUnwrap(variants.first?["points"] as? [[String: Any]])
        XCTAssertTrue(points[1]["u2_cls_expected"] is NSNull)
        XCTAssertNotNil(points[0]["u2_cls_expected"] as? Double)

        let warnings = ProjectionTable.warnings(projection)
        XCTAssertTrue(warnings.contains { $0.contains("u2_cls_expected") && $0.contains("358.189 MeV") && $0.contains("1 mass point") },
                      "\(warnings)")
        XCTAssertFalse(warnings.contains { $0.contains("veto_pass_fraction") }, "the veto pass fraction is defined here: \(warnings)")
    }

    // MARK: no background

    /// b = 0: CLs gives ln 10 = 2.303 signal events at 90 % CL for the median and every band edge
    /// (the only possible count is 0). The seed-001 formulas say nothing there (detection would
    /// give s = 0, "perfect sensitivity"): they are undefined, written empty (CSV) or null (JSON),
    /// never 0, with one grouped warning for the variant. The veto pass fraction 0/0 is undefined
    /// without a warning.
    func testZeroBackground() throws {
        let curve = MassScan(channel: channel, massesGeV: [0.1, 0.2], workers: .threads(1))
            .curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 0))
        for point in curve.points {
            XCTAssertEqual(point.background, 0)
            for value in point.u2CLs.values {
                XCTAssertEqual(value * point.signalPerU2, 2.302585, accuracy: 1e-5)
            }
            XCTAssertTrue(point.u2MedianExclusion.isNaN, "undefined, not z²")
            XCTAssertTrue(point.u2Detection.isNaN, "undefined, not 0")
            XCTAssertTrue(point.vetoPassFraction.isNaN, "no background before the veto: ⟨ε⟩ is undefined")
        }
        let projection = DocumentProjection(title: "no background", channel: channel, confidence: 0.9, curves: [curve])
        let csv = ProjectionTable.csv(projection)
        XCTAssertNil(csv.lowercased().range(of: "nan"))
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for column in ["u2_detection", "u2_median_exclusion"] {
            let index = try XCTUnwrap(rows[0].firstIndex(of: column))
            XCTAssertEqual(rows[1...].map { $0[index] }, ["", ""], column)
        }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ProjectionTable.json(projection).utf8)) as? [String: Any])
        let point = try XCTUnwrap(((json["variants"] as? [[String: Any]])?.first?["points"] as? [[String: Any]])?.first)
        XCTAssertTrue(point["u2_detection"] is NSNull)
        XCTAssertTrue(point["u2_median_exclusion"] is NSNull)
        XCTAssertEqual((point["u2_cls_expected"] as? Double).map { $0 * curve.points[0].signalPerU2 } ?? 0, 2.302585, accuracy: 1e-5)
        XCTAssertEqual(ProjectionTable.warnings(projection), [
            "variant '\(curve.label)': u2_detection, u2_median_exclusion are not finite at 2 mass point(s), first at 100 MeV "
                + "(no background expected there, b = 0: the s/√b formulas are undefined; CLs is defined)",
        ])
    }

    /// A background beyond the physical range of the statistics (b > 10³⁰⁰ events) gives no
    /// number, and says so; it does not trap.
    func testBackgroundBeyondThePhysicalRangeIsReportedNotComputed() {
        let curve = MassScan(channel: channel, massesGeV: [0.125], workers: .threads(1))
            .curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 1e305))
        XCTAssertGreaterThan(curve.points[0].background, 1e300)
        XCTAssertTrue(curve.points[0].u2CLs.values.allSatisfy(\.isNaN))
        let warnings = ProjectionTable.warnings(DocumentProjection(title: "t", channel: channel, confidence: 0.9, curves: [curve]))
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("u2_cls_expected") && warnings[0].contains("not finite"), warnings[0])
    }

    // MARK: enormous exposure

    /// N_K = 10²⁰ with the background scaling with N_K (b ≈ 3×10¹³ in the window): the limits
    /// are finite, ordered, follow the large-b CLs median s = Φ⁻¹(0.95)√b (Cowan et al. 2011,
    /// Eq. 89 with q_A = s²/b) and scale as N_K^(−1/2) against N_K = 10¹⁸.
    func testHugeKaonDecaysGiveFiniteOrderedLimits() {
        let perKaonPerGeV2 = 2e6 / 3e10
        let scan = MassScan(channel: channel, massesGeV: [0.125, 0.135, 0.144], workers: .threads(1))
        func curve(_ nK: Double) -> SensitivityCurve {
            scan.curve(for: seed001Variant(kaonDecays: nK), background: FlatBackground(eventsPerGeV2: perKaonPerGeV2 * nK))
        }
        let huge = curve(1e20), large = curve(1e18)
        for (p, q) in zip(huge.points, large.points) {
            assertNoNaN(p)
            XCTAssertGreaterThan(p.background, 1e12)
            XCTAssertTrue(p.u2CLs.values.allSatisfy { $0.isFinite && $0 > 0 })
            XCTAssertEqual(p.u2CLs.values, p.u2CLs.values.sorted())
            XCTAssertEqual(p.u2CLs.median * p.signalPerU2 / p.background.squareRoot(), 1.6448536, accuracy: 1e-4)
            XCTAssertEqual(p.u2MedianExclusion * p.signalPerU2 / p.background.squareRoot(), 1.2815516, accuracy: 1e-4)
            XCTAssertEqual(q.u2CLs.median / p.u2CLs.median, 10, accuracy: 1e-4)
        }
    }

    /// With a 10 % background uncertainty at b ~ 10¹³ the uncertainty dominates: s ≈ z δb for the
    /// seed-001 formula, and CLs stays finite and ordered.
    func testHugeBackgroundWithUncertainty() {
        var scenario = seed001Variant(kaonDecays: 1e20)
        scenario.analysis.backgroundUncertainty = 0.1
        let point = MassScan(channel: channel, massesGeV: [0.135], workers: .threads(1))
            .curve(for: scenario, background: FlatBackground(eventsPerGeV2: 2e6 / 3e10 * 1e20)).points[0]
        assertNoNaN(point)
        XCTAssertEqual(point.u2MedianExclusion * point.signalPerU2 / point.backgroundUncertainty, 1.2815516, accuracy: 1e-3)
        XCTAssertTrue(point.u2CLs.values.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertEqual(point.u2CLs.values, point.u2CLs.values.sorted())
    }

    /// The exact observed CLs limit (incomplete gamma functions at any count) at n = b = 10⁷ and
    /// 10¹²: finite, and for n = b close to the asymptotic median Φ⁻¹(0.95)√b.
    func testExactObservedLimitAtHugeCounts() throws {
        for b in [1e7, 1e12] {
            let limit = try observedLimit(observed: Int(b), experiment: CountingExperiment(background: b), confidence: 0.9, method: .cls)
            XCTAssertTrue(limit.isFinite, "b = \(b)")
            XCTAssertEqual(limit / (1.6448536 * b.squareRoot()), 1, accuracy: 2e-3, "b = \(b)")
        }
    }

    // MARK: resolution wider than the spectrum

    /// σ = 1 GeV², far wider than m²_miss ≤ (m_K − m_π0)² = 0.128 GeV²: the window ±1.4σ holds
    /// the whole spectrum (and the peak at 0) up to the Gaussian tails, so b is finite, positive
    /// and below all reconstructed events N_K·A·B(K_e3); the signal fraction is still
    /// erf(1.4/√2) = 0.8385, and every limit is finite.
    func testResolutionWiderThanTheSpectrum() {
        var scenario = seed001Variant(kaonDecays: 3e10)
        scenario.detector.resolutionGeV2 = 1
        let sample = RadiativeSample.generate(channel: channel, events: 20_000, seed: 7)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1, kaonDecays: 3e10)
        let masses = [0.05, 0.135, 0.30]
        for background in [model as any MissingMassBackground, FlatBackground(eventsPerGeV2: 2e6)] {
            let curve = MassScan(channel: channel, massesGeV: masses, workers: .threads(1)).curve(for: scenario, background: background)
            for point in curve.points {
                assertNoNaN(point)
                XCTAssertTrue(point.background.isFinite && point.background > 0)
                XCTAssertEqual(point.windowSignalFraction, 0.838487, accuracy: 1e-6)
                XCTAssertTrue(point.u2CLs.values.allSatisfy { $0.isFinite && $0 > 0 })
                XCTAssertEqual(point.u2CLs.values, point.u2CLs.values.sorted())
                XCTAssertTrue(point.u2Detection.isFinite && point.u2MedianExclusion.isFinite)
            }
        }
        let window = model.window(centreGeV2: 0.135 * 0.135, halfWidthGeV2: 1.4)
        XCTAssertLessThan(window.events, model.totalEvents)
        // Everything within ±1.4σ of a point inside [0, 0.13] GeV²: the window keeps at least
        // the Gaussian fraction of an event at its far edge, Φ(1.4 − 0.13) − Φ(−1.4 − 0.02).
        XCTAssertGreaterThan(window.eventsBeforeVeto ?? 0, 0.8 * model.totalEvents)
    }

    /// The whole scan at N_K = 10²⁰ with the real generator model (20 000 events): finite.
    func testGeneratedBackgroundAtHugeExposure() {
        let sample = RadiativeSample.generate(channel: channel, events: 20_000, seed: 3)
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 1e20)
        let curve = MassScan(channel: channel, massesGeV: [0.05, 0.135, 0.25, 0.35], workers: .threads(1))
            .curve(for: seed001Variant(kaonDecays: 1e20), background: model)
        for point in curve.points {
            assertNoNaN(point)
            XCTAssertTrue(point.u2CLs.values.allSatisfy { $0.isFinite && $0 > 0 }, "at \(point.massGeV) GeV: \(point.u2CLs.values)")
            XCTAssertEqual(point.u2CLs.values, point.u2CLs.values.sorted())
        }
    }
}
