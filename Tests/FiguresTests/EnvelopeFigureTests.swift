import XCTest
import ProjectionFixtures
import Physics
import Plot
import Projection
import References
import Scenario
@testable import Figures

/// `figure.envelope: [A, B]`: a band whose edges are, mass by mass, the smaller and the larger
/// of the two variants' limits, drawn under the projection lines with its own legend entry.
final class EnvelopeFigureTests: XCTestCase {
    func testEnvelopeSpansTheTwoVariantsMassByMass() throws {
        let masses = MassGrid(fromGeV: 0.10, toGeV: 0.30, stepGeV: 0.01)
        var settings = FigureSettings(yRange: 1e-10...1e-4, references: [], label: "NA62 projection")
        settings.envelope = .init(first: "Run 2 & 3", second: "Run 1", label: "between the runs")
        let file = ScenarioFile(path: "t.yaml", title: "t", channel: .kaonToPi0ElectronN, masses: masses,
                                variants: [seed001Variant(kaonDecays: 3e10, label: "Run 1"), seed001Variant(kaonDecays: 9e12, label: "Run 2 & 3")],
                                figure: settings)
        let scan = MassScan(channel: file.channel, massesGeV: masses.massesGeV, workers: .threads(1))
        let curves = file.variants.map { scan.curve(for: $0, background: FlatBackground(eventsPerGeV2: 2e6 * $0.exposure.effectiveKaonDecays / 3e10)) }
        let figure = ExclusionFigure.make(file: file, projection: DocumentProjection(title: "t", channel: file.channel, confidence: 0.9, curves: curves),
                                          library: try ReferenceLibrary.bundled.get())
        let items = figure.panels[0].items
        let bands = items.compactMap { item -> Band? in if case .band(let band) = item, band.fill == Palette.envelope { return band }; return nil }
        XCTAssertEqual(bands.count, 1)
        let band = try XCTUnwrap(bands.first)
        XCTAssertEqual(band.legendLabel, "between the runs")
        let statistic = curves[0].statistic
        for (index, mass) in band.x.enumerated() {
            let point = try XCTUnwrap(curves[0].points.firstIndex { abs($0.massGeV * 1000 - mass) < 1e-9 })
            let a = curves[0].points[point].u2(statistic), b = curves[1].points[point].u2(statistic)
            XCTAssertEqual(band.lower[index], min(a, b))
            XCTAssertEqual(band.upper[index], max(a, b))
            XCTAssertLessThan(band.lower[index], band.upper[index], "the runs differ by 300 in N_K")
        }
        // Under the lines: the band comes before the first projection line.
        let bandIndex = try XCTUnwrap(items.firstIndex { if case .band(let b) = $0 { return b.fill == Palette.envelope }; return false })
        let lineIndex = try XCTUnwrap(items.lastIndex { if case .line = $0 { return true }; return false })
        XCTAssertLessThan(bandIndex, lineIndex)
    }
}
