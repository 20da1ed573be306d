import XCTest
import Foundation
import Plot
import Projection
import References
import Scenario
import Simulation
@testable import Figures

/// Every shipped scenario's exclusion figure, rendered at low statistics and checked on its
/// render model as a referee would look at it: each in-plot label inside its frame, clear of
/// the legend box and of every projection curve's polyline; the automatic y range showing each
/// published curve inside the mass range; a ratio panel naming its baseline.
final class ShippedFigureGeometryTests: XCTestCase {
    private static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    /// The shipped files drawn by `make figures` (the K+ → μ+ ν ν ν̄ file has no mass axis).
    private func shippedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.scenarios.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "na62-kmunununu.yaml" }.sorted()
            .map { Self.scenarios.appendingPathComponent($0).path }
    }

    private struct Drawn {
        var name: String
        var file: ScenarioFile
        var figure: Figure
        var model: RenderModel
    }

    private func drawn() throws -> [Drawn] {
        let library = try ReferenceLibrary.bundled.get()
        let projector = Projector(generation: .init(events: 20_000, seed: 3), workers: .threads(2))
        var out: [Drawn] = []
        for path in try shippedFiles() {
            for file in try ScenarioLoader.loadAll(path: path).get() {
                let figure = ExclusionFigure.make(file: file, projection: try projector.project(file), library: library,
                                                  userCurves: try UserReferenceCurves.read(for: file), userTables: try UserLimitTable.read(for: file))
                let model = try FigureRenderer.render(figure, as: .svg).model
                out.append(Drawn(name: "\((path as NSString).lastPathComponent) \(file.documentName)", file: file, figure: figure, model: model))
            }
        }
        XCTAssertGreaterThanOrEqual(out.count, 10)
        return out
    }

    /// Whether the segment a–b meets the rectangle (Liang–Barsky clipping).
    static func segment(_ a: PagePoint, _ b: PagePoint, meets r: PageRect) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 { if q < 0 { return false }; continue }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return false }
        }
        return true
    }

    func testSegmentRectangleIntersection() {
        let r = PageRect(x: 0, y: 0, width: 10, height: 10)
        XCTAssertTrue(Self.segment(PagePoint(-5, 5), PagePoint(15, 5), meets: r))
        XCTAssertTrue(Self.segment(PagePoint(2, 2), PagePoint(3, 3), meets: r))
        XCTAssertFalse(Self.segment(PagePoint(-5, -1), PagePoint(15, -1), meets: r))
        XCTAssertFalse(Self.segment(PagePoint(11, -5), PagePoint(20, 5), meets: r))
    }

    func testLabelsAreInsideTheFrameClearOfTheLegendAndOfEveryCurve() throws {
        for d in try drawn() {
            let legend = d.model.legend
            var labels: [(String, Int, PageRect)] = d.model.items.compactMap { item in item.labelRect.map { ("item \(item.index)", item.panel, $0) } }
            if let corner = d.model.experimentLabel { labels.append(("experiment label", d.figure.experimentLabel?.panel ?? 0, corner)) }
            for (what, panel, rect) in labels {
                XCTAssertTrue(d.model.panels[panel].plotRect.contains(rect), "\(d.name): \(what) \(rect) outside the frame")
                if let legend, legend.panel == panel {
                    XCTAssertFalse(legend.rect.intersects(rect), "\(d.name): \(what) under the legend")
                }
                for curve in d.model.items where curve.panel == panel && curve.kind == "line" {
                    let crossed = curve.polylines.contains { line in zip(line, line.dropFirst()).contains { Self.segment($0, $1, meets: rect) } }
                    XCTAssertFalse(crossed, "\(d.name): \(what) under the curve \(curve.legendLabel ?? "item \(curve.index)")")
                }
            }
            for (i, a) in labels.enumerated() { for b in labels[(i + 1)...] where a.1 == b.1 {
                XCTAssertFalse(a.2.intersects(b.2), "\(d.name): \(a.0) overlaps \(b.0)")
            } }
            // A visible published curve without its label (no room clear of the curves) is named
            // in the legend, or reported.
            for item in d.model.items where item.kind == "region" && item.drawn && item.labelRect == nil {
                let reported = d.model.warnings.contains { w in
                    if case .labelNotPlaced = w.kind { return w.panel == item.panel && w.item == item.index } else { return false }
                }
                let inLegend = item.legendLabel.map { d.model.legend?.labels.contains($0) ?? false } ?? false
                XCTAssertTrue(reported || inLegend, "\(d.name): region \(item.index) has no label, no legend entry and no warning")
            }
            // Every published region is named: inside it, or in the legend (TRIUMF in the K+ → e+ N figures).
            XCTAssertTrue(d.model.warnings.allSatisfy { w in if case .labelNotPlaced = w.kind { return false } else { return true } },
                          "\(d.name): \(d.model.warnings)")
        }
    }

    /// Without `figure.y_range`, every point of a published curve inside the mass range
    /// (and physical, |U|² ≤ 1) is inside the y axis.
    func testAutomaticYRangeShowsThePublishedCurves() throws {
        let library = try ReferenceLibrary.bundled.get()
        for d in try drawn() where d.file.figure.yRange == nil {
            let axis = d.figure.panels[0].yAxis, x = d.figure.xAxis
            for reference in d.file.figure.references {
                guard case .bundled(let id) = reference, let curve = library.curve(id: id, flavour: d.file.channel.flavour) else { continue }
                for (m, u2) in zip(curve.massesMeV, curve.u2) where m >= x.lower && m <= x.upper && u2 <= 1 {
                    XCTAssertTrue(u2 >= axis.lower && u2 <= axis.upper, "\(d.name): \(id) at \(m) MeV (\(u2)) outside \(axis.lower)…\(axis.upper)")
                }
            }
        }
    }

    /// On a log ratio panel every decade inside the range carries its label — 1, the baseline,
    /// above all — and every y axis label stays along its own panel.
    func testRatioDecadesAreLabelledAndYLabelsStayAlongTheirPanels() throws {
        for d in try drawn() {
            for (p, panel) in d.model.panels.enumerated() {
                if let box = panel.yLabelRect {
                    XCTAssertGreaterThanOrEqual(box.minY, panel.plotRect.minY - 1e-6, "\(d.name): y label of panel \(p) above it")
                    XCTAssertLessThanOrEqual(box.maxY, panel.plotRect.maxY + 1e-6, "\(d.name): y label of panel \(p) below it")
                }
            }
            guard d.figure.panels.count > 1, d.figure.panels[1].yAxis.scale == .log else { continue }
            let axis = d.figure.panels[1].yAxis
            let decades = Int(log10(axis.lower).rounded(.up))...Int(log10(axis.upper).rounded(.down))
            XCTAssertTrue(decades.contains(0), "\(d.name): the ratio axis holds 1")
            for e in decades {
                let value = pow(10, Double(e))
                let tick = d.model.panels[1].yTicks.first { abs($0.value / value - 1) < 1e-9 }
                XCTAssertNotNil(tick?.label, "\(d.name): ratio decade \(value) without a label")
            }
        }
    }

    /// The HIKE π0 figures, whose PIENU and NA62 (2021) labels had no room along their
    /// boundaries: every published region is named.
    func testEveryRegionOfTheHikePionFiguresIsLabelled() throws {
        for d in try drawn() where d.name.hasPrefix("hike.yaml") && d.name.contains("pi0") {
            let dropped = d.model.warnings.filter { w in if case .labelNotPlaced = w.kind { return true } else { return false } }
            XCTAssertTrue(dropped.isEmpty, "\(d.name): \(dropped)")
            for item in d.model.items where item.kind == "region" && item.drawn {
                XCTAssertNotNil(item.labelRect, "\(d.name): region \(item.index) without its label")
            }
        }
    }

    /// A ratio panel names its baseline, and its curves have the colours of the variants above.
    func testRatioPanelNamesItsBaselineAndKeepsTheColours() throws {
        for d in try drawn() where d.figure.panels.count > 1 {
            let ratio = d.figure.panels[1]
            XCTAssertTrue(ratio.yAxis.label.hasPrefix("ratio to "), d.name)
            let mainColours = Set(d.figure.panels[0].items.compactMap { item -> Color? in
                if case .line(let l) = item, l.legendLabel != nil, l.style.width == 1.8 { return l.style.color } else { return nil }
            })
            for item in ratio.items {
                if case .line(let l) = item { XCTAssertTrue(mainColours.contains(l.style.color), "\(d.name): a ratio colour not used above") }
            }
        }
    }
}

/// The axes a ratio panel and a scan figure choose, from the span of their values alone.
final class FigureAxisKindTests: XCTestCase {
    func testScanAxisIsLogBeyondADecade() {
        XCTAssertEqual(ScanFigure.valueAxis([1e9, 1e10, 1e11], label: "").scale, .log)
        XCTAssertEqual(ScanFigure.valueAxis([30, 100, 200], label: "").scale, .linear)
        XCTAssertEqual(ScanFigure.valueAxis([0, 1e-3, 1e-1], label: "").scale, .linear, "0 cannot be on a log axis")
        let log = ScanFigure.valueAxis([1e9, 1e11], label: "")
        XCTAssertLessThan(log.lower, 1e9)
        XCTAssertGreaterThan(log.upper, 1e11)
    }

    func testScanAxisNamesTheQuantity() {
        XCTAssertEqual(ScanAxisLabel.markup(path: "detector.veto.hermetic_angle", unit: "mrad"), "hermetic veto angle <i>θ</i><sub>max</sub> [mrad]")
        XCTAssertEqual(ScanAxisLabel.markup(path: "exposure.streams[1].kaon_decays", unit: ""), "K<sup>+</sup> decays in the stream (before downscaling)")
        XCTAssertEqual(ScanAxisLabel.markup(path: "analysis.region.m2_miss_above", unit: "GeV^2"),
                       "<i>m</i><sup>2</sup><sub>miss</sub> cut <i>m</i><sub>0</sub><sup>2</sup> [GeV²]")
        XCTAssertEqual(ScanAxisLabel.markup(path: "detector.unknown_key", unit: ""), "detector.unknown_key")
    }

    /// A stream's decays are not N_K: the axis names the fiducial volume, the stream and its
    /// prescale, and how N_K follows from the axis value.
    func testStreamDecaysAxisSaysWhatItCounts() {
        let streams = [TriggerStream(name: "1-track 2016-2018", kaonDecays: 4.5e12, prescale: 150),
                       TriggerStream(name: "minimum-bias", kaonDecays: 4.6e12, prescale: 400, triggerEfficiency: 0.99)]
        let first = ScanAxisLabel.markup(path: "exposure.streams[0].kaon_decays", unit: "", streams: streams)
        for part in ["fiducial volume", "1-track 2016-2018", "prescale 150", "<i>N</i><sub><i>K</i></sub>", "/ 150"] {
            XCTAssertTrue(first.contains(part), "\(first) lacks \(part)")
        }
        let second = ScanAxisLabel.markup(path: "exposure.streams[1].kaon_decays", unit: "", streams: streams)
        XCTAssertTrue(second.contains("minimum-bias") && second.contains("0.99") && second.contains("/ 400"), second)
        XCTAssertEqual(ScanAxisLabel.markup(path: "exposure.streams[2].kaon_decays", unit: "", streams: streams),
                       ScanAxisLabel.markup(path: "exposure.streams[2].kaon_decays", unit: ""), "an unknown stream keeps the generic name")
        XCTAssertEqual(ScanAxisLabel.markup(path: "detector.veto.hermetic_angle", unit: "mrad", streams: streams),
                       "hermetic veto angle <i>θ</i><sub>max</sub> [mrad]")
    }

    func testPlainLabelsBecomeMarkup() {
        XCTAssertEqual(LabelMarkup.markup("m2_miss > 0.1 GeV^2, 2016–2018"), "<i>m</i><sup>2</sup><sub>miss</sub> &gt; 0.1 GeV², 2016–2018")
        XCTAssertEqual(LabelMarkup.markup("K+ -> e+ N & more"), "K+ → e+ N &amp; more")
    }
}
