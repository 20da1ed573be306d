import XCTest
import ProjectionFixtures
import Physics
import Plot
import Projection
import References
import Scenario
import Statistics
@testable import Figures

/// A `reach limit --table` output on the exclusion figure: the drawn observed and expected
/// points are the table's, the bands its ±1σ/±2σ edges, only where |U|² ≤ 1; the reader knows
/// the columns the writer writes.
final class LimitTableFigureTests: XCTestCase {
    private let limits = ObservedLimitTable.Limits(
        massesMeV: [200, 250, 300, 350],
        observed: [3e-8, 1.1e-8, 0.7e-8, 2e-8],
        expected: [2e-8, 1.2e-8, 0.8e-8, 0.9e-8],
        minus2: [1e-8, 0.6e-8, 0.4e-8, 0.45e-8],
        minus1: [1.4e-8, 0.85e-8, 0.55e-8, 0.6e-8],
        plus1: [2.9e-8, 1.7e-8, 1.1e-8, 1.3e-8],
        plus2: [4e-8, 2.4e-8, 1.6e-8, 1.8e-8])

    private func make(_ tables: [UserLimitTable], yRange: ClosedRange<Double>? = 1e-10...1e-5) -> Figure {
        let masses = [0.20, 0.25, 0.30, 0.35]
        let points = masses.map { m in
            SensitivityPoint(massGeV: m, branchingFractionPerU2: 2, kaonDecaysEffective: 1e10, signalAcceptance: 0.3,
                             windowK: 1.5, windowSignalFraction: 0.87, signalPerU2: 5e9, background: 1000, backgroundUncertainty: 20,
                             backgroundMCUncertainty: 0, vetoPassFraction: 0.02, u2Detection: 5e-9, u2MedianExclusion: 5e-9,
                             u2CLs: ExpectedLimits(minus2: 3e-9, minus1: 4e-9, median: 5e-9, plus1: 7e-9, plus2: 9e-9))
        }
        let curve = SensitivityCurve(label: "projection", kaonDecaysEffective: 1e10, confidence: 0.9, statistic: .clsExpected, points: points)
        let file = ScenarioFile(path: "t.yaml", title: "t", channel: .kaonToMuonN, masses: MassGrid(fromGeV: 0.2, toGeV: 0.35, stepGeV: 0.05),
                                variants: [seed001Variant(kaonDecays: 1e10, label: "projection", statistic: .clsExpected)],
                                figure: FigureSettings(yRange: yRange, references: tables.map { .limitTable(path: $0.path, label: $0.label) }))
        let projection = DocumentProjection(title: "t", channel: .kaonToMuonN, confidence: 0.9, curves: [curve])
        return ExclusionFigure.make(file: file, projection: projection, library: try! ReferenceLibrary.bundled.get(), userTables: tables)
    }

    private func lines(_ figure: Figure) -> [Line] {
        figure.panels[0].items.compactMap { if case .line(let l) = $0 { return l } else { return nil } }
    }

    private func bands(_ figure: Figure) -> [Band] {
        figure.panels[0].items.compactMap { if case .band(let b) = $0 { return b } else { return nil } }
    }

    func testDrawnPointsAreTheTablesValues() throws {
        let figure = make([UserLimitTable(path: "/t/limits.csv", label: "NA62 2016–2018", limits: limits)])
        let observed = try XCTUnwrap(lines(figure).first { $0.legendLabel == "NA62 2016–2018 observed" })
        XCTAssertEqual(observed.points, zip(limits.massesMeV, limits.observed).map { DataPoint($0, $1) })
        XCTAssertEqual(observed.style.dash, .solid)
        let expected = try XCTUnwrap(lines(figure).first { $0.legendLabel == "NA62 2016–2018 expected" })
        XCTAssertEqual(expected.points, zip(limits.massesMeV, limits.expected).map { DataPoint($0, $1) })
        XCTAssertEqual(expected.style.dash, .dashed)

        let drawn = bands(figure)
        XCTAssertEqual(drawn.map(\.legendLabel), ["NA62 2016–2018 expected ±2<i>σ</i>", "NA62 2016–2018 expected ±1<i>σ</i>"])
        XCTAssertEqual(drawn.map(\.fill), [Palette.band2Sigma, Palette.band1Sigma])
        XCTAssertEqual(drawn[0].x, limits.massesMeV)
        XCTAssertEqual(drawn[0].lower, limits.minus2)
        XCTAssertEqual(drawn[0].upper, limits.plus2)
        XCTAssertEqual(drawn[1].lower, limits.minus1)
        XCTAssertEqual(drawn[1].upper, limits.plus1)

        // Bands under the lines, the projection over both; every point inside the frame.
        let kinds = figure.panels[0].items.map { item -> String in
            switch item { case .band: return "band"; case .line(let l): return l.legendLabel ?? ""; default: return "other" }
        }
        XCTAssertEqual(Array(kinds.suffix(5)), ["band", "band", "NA62 2016–2018 expected", "NA62 2016–2018 observed", "projection"])
        let model = try FigureRenderer.render(figure, as: .svg).model
        for label in ["NA62 2016–2018 observed", "NA62 2016–2018 expected"] {
            let item = try XCTUnwrap(model.items.first { $0.legendLabel == label })
            XCTAssertEqual(item.pointsInside, 4, label)
            XCTAssertEqual(item.pointsSkipped, 0, label)
        }
        XCTAssertEqual(Set(model.legend?.labels ?? []).isSuperset(of: ["NA62 2016–2018 observed", "NA62 2016–2018 expected",
                                                                        "NA62 2016–2018 expected ±1<i>σ</i>", "NA62 2016–2018 expected ±2<i>σ</i>"]), true,
                       "\(model.legend?.labels ?? [])")
        XCTAssertTrue(model.warnings.isEmpty, "\(model.warnings)")
    }

    /// Where the observed limit passes |U|² = 1 the line stops, as a projection's does.
    func testOnlyThePhysicalRegionIsDrawn() {
        var unphysical = limits
        unphysical.observed[2] = 3
        let figure = make([UserLimitTable(path: "/t/limits.csv", label: "T", limits: unphysical)])
        let observed = lines(figure).filter { $0.style.dash == .solid && $0.style.color == Palette.ink }
        XCTAssertEqual(observed.map { $0.points.map(\.x) }, [[200, 250], [350]])
        XCTAssertEqual(observed.map(\.legendLabel), ["T observed", nil], "one legend entry, on the first piece")
    }

    /// Without `figure.y`, the table is on the figure, and the orange beside the yellow band is skipped.
    func testAutomaticRangeAndColoursMakeRoomForTheTable() {
        let figure = make([UserLimitTable(path: "/t/limits.csv", label: "T", limits: limits)], yRange: nil)
        let axis = figure.panels[0].yAxis
        for value in limits.observed + limits.minus2 + limits.plus2 {
            XCTAssertTrue(axis.lower <= value && value <= axis.upper, "\(value) outside \(axis.lower)…\(axis.upper)")
        }
        XCTAssertEqual(ExclusionFigure.variantColour(1, hasBands: true), Palette.projectionCycle(2))
    }

    /// The writer's header (`reach limit --table`) starts with the columns the reader identifies
    /// it by and holds the six columns of each quantity it reads.
    func testReaderKnowsTheWritersColumns() {
        let names = CountTableLimitTable.names
        XCTAssertEqual(Array(names.prefix(4)), ObservedLimitTable.identifyingColumns)
        for parameter in [ObservedLimitTable.Parameter.u2, .branchingFraction] {
            XCTAssertTrue(Set(names).isSuperset(of: ObservedLimitTable.columns(parameter)), "\(parameter)")
        }
    }
}
