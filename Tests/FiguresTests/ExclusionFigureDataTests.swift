import XCTest
import ProjectionFixtures
import Physics
import Plot
import Projection
import References
import Scenario
import Statistics
@testable import Figures

/// What the exclusion figure draws from the projection: only the physical region |U|² ≤ 1, the
/// CL on the axis only when every curve shares it, and the detection z of each variant's CL.
final class ExclusionFigureDataTests: XCTestCase {
    /// A point whose every statistic reaches `u2`.
    private func point(massGeV: Double, u2: Double) -> SensitivityPoint {
        SensitivityPoint(massGeV: massGeV, branchingFractionPerU2: 0.02, kaonDecaysEffective: 3e10, signalAcceptance: 0.1,
                         windowK: 1.4, windowSignalFraction: 0.84, signalPerU2: 1e6, background: 1e4, backgroundUncertainty: 0,
                         backgroundMCUncertainty: 0, vetoPassFraction: 0.018, u2Detection: u2, u2MedianExclusion: u2,
                         u2CLs: ExpectedLimits(minus2: 0.5 * u2, minus1: 0.7 * u2, median: u2, plus1: 1.4 * u2, plus2: 2 * u2))
    }

    private let massesGeV = [0.10, 0.15, 0.20, 0.25, 0.30]

    private func make(curves: [SensitivityCurve], statistics: [Statistic], bands: String?) -> Figure {
        let variants = curves.map { seed001Variant(kaonDecays: 3e10, label: $0.label, statistic: $0.statistic, confidence: $0.confidence) }
        let file = ScenarioFile(path: "t.yaml", title: "t", channel: .kaonToPi0ElectronN,
                                masses: MassGrid(fromGeV: 0.10, toGeV: 0.30, stepGeV: 0.05), variants: variants,
                                figure: FigureSettings(yRange: 1e-8...10, statistics: statistics, bandsVariant: bands))
        let projection = DocumentProjection(title: "t", channel: .kaonToPi0ElectronN, confidence: curves[0].confidence, curves: curves)
        return ExclusionFigure.make(file: file, projection: projection, library: try! ReferenceLibrary.bundled.get())
    }

    func testCurvesAndBandsStopWhereTheMixingPassesOne() {
        // |U|² = 10⁻³, 0.1, 0.8, 3, 30: the median crosses 1 between 200 and 250 MeV, the +2σ edge
        // (2×) between 150 and 200 MeV, the −2σ edge (½×) between 200 and 250 MeV.
        let values = [1e-3, 0.1, 0.8, 3, 30]
        let curve = SensitivityCurve(label: "rising", kaonDecaysEffective: 3e10, confidence: 0.9, statistic: .clsExpected,
                                     points: zip(massesGeV, values).map { point(massGeV: $0, u2: $1) })
        let other = SensitivityCurve(label: "other", kaonDecaysEffective: 3e10, confidence: 0.9, statistic: .medianExclusion,
                                     points: zip(massesGeV, values).map { point(massGeV: $0, u2: $1) })
        let figure = make(curves: [curve, other], statistics: [.medianExclusion, .clsExpected], bands: "rising")
        let items = figure.panels[0].items
        let lines = items.compactMap { if case .line(let l) = $0 { return l } else { return nil } }
        let bands = items.compactMap { if case .band(let b) = $0 { return b } else { return nil } }
        XCTAssertFalse(lines.isEmpty)
        for line in lines {
            XCTAssertTrue(line.points.allSatisfy { $0.y <= 1 }, "\(line.legendLabel ?? ""): \(line.points)")
            XCTAssertEqual(line.points.map(\.x), [100, 150, 200], "the curve stops at the last mass with |U|² ≤ 1")
        }
        XCTAssertEqual(bands.count, 2)
        for band in bands {
            XCTAssertTrue(band.upper.allSatisfy { $0 <= 1 } && band.lower.allSatisfy { $0 <= 1 })
        }
        // ±2σ: the lower edge (½×) is physical up to 200 MeV (0.4; 1.5 at 250 MeV); the upper
        // edge (1.6 there) is clipped at 1.
        XCTAssertEqual(bands[0].x, [100, 150, 200])
        XCTAssertEqual(bands[0].upper, [2e-3, 0.2, 1])
    }

    func testAxisNamesTheConfidenceOnlyWhenAllCurvesShareIt() {
        let values = [1e-6, 1e-6, 1e-6, 1e-6, 1e-6]
        func curve(_ label: String, _ cl: Double) -> SensitivityCurve {
            SensitivityCurve(label: label, kaonDecaysEffective: 3e10, confidence: cl, statistic: .detection,
                             points: zip(massesGeV, values).map { point(massGeV: $0, u2: $1) })
        }
        let shared = make(curves: [curve("a", 0.9), curve("b", 0.9)], statistics: [.detection, .medianExclusion], bands: nil)
        XCTAssertTrue(shared.panels[0].yAxis.label.hasSuffix("(90 % CL)"), shared.panels[0].yAxis.label)
        let sharedLabels = shared.panels[0].items.compactMap { if case .line(let l) = $0 { return l.legendLabel } else { return nil } }
        XCTAssertTrue(sharedLabels.contains("a: detection (<i>s</i> = 1.28√<i>b</i>)"), "\(sharedLabels)")

        let mixed = make(curves: [curve("a", 0.9), curve("b", 0.95)], statistics: [.detection, .medianExclusion], bands: nil)
        XCTAssertFalse(mixed.panels[0].yAxis.label.contains("CL"), mixed.panels[0].yAxis.label)
        let labels = mixed.panels[0].items.compactMap { if case .line(let l) = $0 { return l.legendLabel } else { return nil } }
        // z = Φ⁻¹(0.95) = 1.645 for the 95 % variant, Φ⁻¹(0.90) = 1.282 for the other.
        XCTAssertTrue(labels.contains("b: detection (<i>s</i> = 1.64√<i>b</i>) (95 % CL)"), "\(labels)")
        XCTAssertTrue(labels.contains("a: detection (<i>s</i> = 1.28√<i>b</i>) (90 % CL)"), "\(labels)")
    }
}
