import XCTest
import ProjectionFixtures
import Foundation
import Physics
import Plot
import Projection
import References
import Scenario
import Simulation
@testable import Figures

final class ExclusionFigureTests: XCTestCase {
    /// A two-variant K+ → π0 e+ N scenario with a flat background, bands, ratio panel, and
    /// one upper limit and one lower bound from the bundled library.
    private func figure(xScale: FigureSettings.AxisScale = .linear, fromGeV: Double = 0.10) throws -> Figure {
        let library = try ReferenceLibrary.bundled.get()
        let masses = MassGrid(fromGeV: fromGeV, toGeV: 0.30, stepGeV: 0.01)
        let settings = FigureSettings(yRange: 1e-10...1e-4, xScale: xScale, references: [.bundled(id: "pienu_2018"), .bundled(id: "bbn")],
                                      bandsVariant: "Run 1", ratioBaseline: "Run 1", label: "NA62 projection")
        let file = ScenarioFile(path: "t.yaml", title: "t", channel: .kaonToPi0ElectronN, masses: masses,
                                variants: [seed001Variant(kaonDecays: 3e10, label: "Run 1"), seed001Variant(kaonDecays: 9e12, label: "Run 2 & 3")], figure: settings)
        let scan = MassScan(channel: file.channel, massesGeV: masses.massesGeV, workers: .threads(1))
        let curves = file.variants.map { v in
            scan.curve(for: v, background: FlatBackground(eventsPerGeV2: 2e6 * v.exposure.effectiveKaonDecays / 3e10))
        }
        return ExclusionFigure.make(file: file, projection: DocumentProjection(title: "t", channel: file.channel, confidence: 0.9, curves: curves),
                                    library: library)
    }

    /// Everything the scenario asks for is in the figure: grey upper limit above, hatched BBN
    /// below, ±1σ/±2σ bands, one line per variant, a ratio panel, |U_e|² on a log axis.
    func testFigureHasWhatTheScenarioAsks() throws {
        let figure = try figure()
        XCTAssertEqual(figure.panels.count, 2)
        let items = figure.panels[0].items
        let regions = items.compactMap { if case .region(let r) = $0 { return r } else { return nil } }
        XCTAssertEqual(regions.map(\.side), [.above, .below])
        XCTAssertNotNil(regions[1].hatch)
        XCTAssertEqual(items.filter { if case .band = $0 { return true } else { return false } }.count, 2)
        let labels = items.compactMap { if case .line(let l) = $0 { return l.legendLabel } else { return nil } }
        XCTAssertTrue(labels.contains("Run 2 &amp; 3"), "user text is escaped for Pango markup")
        XCTAssertEqual(figure.panels[0].yAxis.scale, .log)
        XCTAssertTrue(figure.panels[0].yAxis.label.contains("<sub><i>e</i></sub>"))
        XCTAssertTrue(figure.panels[0].yAxis.label.contains("90 % CL"))
    }

    /// `figure.x_scale: log` gives a log mass axis, which starts at the first positive mass
    /// when the grid starts at 0; the default stays linear.
    func testMassAxisFollowsXScale() throws {
        XCTAssertEqual(try figure().xAxis.scale, .linear)
        let log = try figure(xScale: .log)
        XCTAssertEqual(log.xAxis.scale, .log)
        XCTAssertEqual(log.xAxis.lower, 100, accuracy: 1e-9)
        let fromZero = try figure(xScale: .log, fromGeV: 0)
        XCTAssertEqual(fromZero.xAxis.lower, 10, accuracy: 1e-9)
        XCTAssertEqual(fromZero.xAxis.upper, 300, accuracy: 1e-9)
        XCTAssertNotEqual(try FigureRenderer.render(log, as: .svg).data, try FigureRenderer.render(try figure(), as: .svg).data)
    }

    /// The PDF carries the legend and reference labels as text, and renders identically twice.
    func testPDFHasLabelsAndIsReproducible() throws {
        let figure = try figure()
        let first = try FigureRenderer.render(figure, as: .pdf).data
        XCTAssertEqual(first, try FigureRenderer.render(figure, as: .pdf).data)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { throw XCTSkip("pdftotext not installed") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reach-figure-test-\(getpid()).pdf")
        try first.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        for expected in ["PIENU (2018)", "BBN", "Run 2 & 3", "NA62 projection", "MeV"] {
            XCTAssertTrue(text.contains(expected), "'\(expected)' not found in the PDF text")
        }
    }
}
