import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Plot

/// The three outputs: sizes, well-formedness, text content, byte-for-byte reproducibility.
final class OutputFormatTests: XCTestCase {
    let figure = PlotDemo.figure()

    /// Width and height from the IHDR chunk: big-endian UInt32s at bytes 16 and 20.
    func pngSize(_ data: Data) -> (Int, Int) {
        let b = [UInt8](data.prefix(24))
        func u32(_ o: Int) -> Int { Int(b[o]) << 24 | Int(b[o + 1]) << 16 | Int(b[o + 2]) << 8 | Int(b[o + 3]) }
        return (u32(16), u32(20))
    }

    func testPNGPixelSizeFollowsDPI() throws {
        // 6.5 × 4.5 in: 468 × 324 pt.
        for (dpi, expected) in [(72.0, (468, 324)), (150.0, (975, 675)), (300.0, (1950, 1350))] {
            let png = try FigureRenderer.render(figure, as: .png(dpi: dpi)).data
            XCTAssertEqual([UInt8](png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let (w, h) = pngSize(png)
            XCTAssertEqual(w, expected.0, "\(dpi) dpi")
            XCTAssertEqual(h, expected.1, "\(dpi) dpi")
        }
    }

    func testBadDPIIsAnError() {
        for dpi in [0.0, -72, .nan, 1e6] {
            XCTAssertThrowsError(try FigureRenderer.render(figure, as: .png(dpi: dpi))) {
                guard case .invalidDPI = $0 as? PlotError else { return XCTFail("\($0)") }
            }
        }
    }

    func testPDFIsWellFormedWithFixedDate() throws {
        let pdf = try FigureRenderer.render(figure, as: .pdf).data
        let text = String(decoding: pdf, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("%PDF-"))
        XCTAssertTrue(text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("%%EOF"))
        // cairo 1.16.0 writes "(20210101000000Z)", later versions "(D:20210101000000Z)".
        XCTAssertTrue(text.contains("/CreationDate (") && text.contains("20210101000000Z)"), "fixed creation date")
        XCTAssertTrue(text.contains("/ModDate (") , "fixed modification date")
    }

    func testPDFContainsLegendTextAccordingToPdftotext() throws {
        let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw XCTSkip("pdftotext is not installed") }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("demo.pdf")
        try FigureRenderer.write(figure, as: .pdf, to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [url.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: out, as: UTF8.self)
        for label in ["Published limits", "Lower bound", "Expected median", "Variant 1", "Variant 3", "Demo projection", "ratio", "MeV"] {
            XCTAssertTrue(text.contains(label), "\(label) not in pdftotext output:\n\(text)")
        }
        XCTAssertTrue(text.contains("\u{2212}"), "tick labels use U+2212")
    }

    func testSVGParsesAndDescribesItsText() throws {
        let svg = try FigureRenderer.render(figure, as: .svg).data
        let parser = XMLParser(data: svg)
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        let text = String(decoding: svg, as: UTF8.self)
        for label in ["Published limits", "Expected ±1σ", "Variant 2", "Demo projection"] {
            XCTAssertTrue(text.contains(label), label)
        }
    }

    /// Rendering twice gives identical bytes for every format, even with other renders in
    /// between (cairo's SVG ids and surface counters are per process).
    func testRenderingIsReproducible() throws {
        for format in [OutputFormat.pdf, .svg, .png(dpi: 100)] {
            let first = try FigureRenderer.render(figure, as: format).data
            _ = try FigureRenderer.render(PlotDemo.figure(variants: 1, references: 1), as: format)
            let second = try FigureRenderer.render(figure, as: format).data
            XCTAssertEqual(first, second, "\(format) differs between renders")
        }
    }

    /// The layout does not depend on the output format.
    func testRenderModelIsTheSameForEveryFormat() throws {
        let pdf = try FigureRenderer.render(figure, as: .pdf).model
        XCTAssertEqual(try FigureRenderer.render(figure, as: .svg).model, pdf)
        XCTAssertEqual(try FigureRenderer.render(figure, as: .png(dpi: 200)).model, pdf)
    }

    func testWriteIsAtomicAndLeavesNoTemporaryFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in [OutputFormat.pdf, .svg, .png(dpi: 72)] {
            let url = dir.appendingPathComponent("figure.\(format.fileExtension)")
            try FigureRenderer.write(figure, as: format, to: url)
            try FigureRenderer.write(figure, as: format, to: url)   // replaces in place
            XCTAssertEqual(try Data(contentsOf: url), try FigureRenderer.render(figure, as: format).data)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["figure.pdf", "figure.png", "figure.svg"])
    }

    func testWritingIntoAMissingDirectoryIsAnError() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/figure.pdf")
        XCTAssertThrowsError(try FigureRenderer.write(figure, as: .pdf, to: url)) {
            guard case let .io(path, _) = $0 as? PlotError else { return XCTFail("\($0)") }
            XCTAssertEqual(path, url.path)
        }
    }
}
