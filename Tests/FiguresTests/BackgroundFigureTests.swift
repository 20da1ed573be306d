import XCTest
import Plot
import Simulation
@testable import Figures

/// A background of several components is drawn stacked: one filled band per component, whose
/// top edges are the running sums, largest first so that each shows.
final class BackgroundFigureTests: XCTestCase {
    private func bins(_ afterVeto: [Double]) -> [SpectrumBin] {
        afterVeto.enumerated().map { index, value in
            SpectrumBin(m2GeV2: 0.01 * Double(index) + 0.005, widthGeV2: 0.01, beforeVeto: 10 * value, uncertaintyBeforeVeto: 0,
                        afterVeto: value, uncertaintyAfterVeto: 0)
        }
    }

    func testComponentsAreStacked() {
        let a = bins([100, 200, 300]), b = bins([10, 20, 30])
        let total = bins([110, 220, 330])
        let figure = BackgroundFigure.make(bins: total, windowGeV2: nil, windowLabel: "", experimentLabel: nil,
                                           components: [(name: "a", bins: a), (name: "b & c", bins: b)])
        let regions = figure.panels[0].items.compactMap { item -> FilledRegion? in if case .region(let r) = item { return r } else { return nil } }
        XCTAssertEqual(regions.map(\.legendLabel), ["b &amp; c (after the veto)", "a (after the veto)"])
        XCTAssertEqual(regions[0].boundary.map(\.y), [110, 110, 220, 220, 330, 330], "the top band ends at the total")
        XCTAssertEqual(regions[1].boundary.map(\.y), [100, 100, 200, 200, 300, 300])
        XCTAssertTrue(regions.allSatisfy { $0.side == .below })
    }

    func testOneComponentIsNotStacked() {
        let figure = BackgroundFigure.make(bins: bins([1, 2]), windowGeV2: nil, windowLabel: "", experimentLabel: nil,
                                           components: [(name: "a", bins: bins([1, 2]))])
        XCTAssertFalse(figure.panels[0].items.contains { if case .region = $0 { return true } else { return false } })
    }

    /// A table component has no count before the veto: the total before it is unknown and not
    /// drawn (nor listed in the legend); with generated sources only it is.
    func testNoBeforeVetoLineWithoutItsCount() {
        func labels(_ figure: Figure) -> [String] {
            figure.panels[0].items.compactMap { item -> String? in if case .line(let line) = item { return line.legendLabel } else { return nil } }
        }
        var unknown = bins([1, 2])
        unknown[1].beforeVeto = .nan
        XCTAssertEqual(labels(BackgroundFigure.make(bins: unknown, windowGeV2: nil, windowLabel: "", experimentLabel: nil)),
                       ["photon undetected (after the veto)"])
        XCTAssertEqual(labels(BackgroundFigure.make(bins: bins([1, 2]), windowGeV2: nil, windowLabel: "", experimentLabel: nil)),
                       ["before the photon veto", "photon undetected (after the veto)"])
    }
}
