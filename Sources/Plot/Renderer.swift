import CCairo
import Foundation

/// An output format. PDF and SVG are vector (text embedded as font subsets / glyph
/// outlines); PNG is a raster of points × dpi / 72 pixels on each side.
public enum OutputFormat: Sendable, Hashable, CustomStringConvertible {
    case pdf
    case svg
    case png(dpi: Double)

    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .svg: return "svg"
        case .png: return "png"
        }
    }

    public var description: String {
        switch self {
        case .pdf, .svg: return fileExtension
        case let .png(dpi): return "png (\(dpi) dpi)"
        }
    }
}

/// The bytes of a rendered figure and what was drawn.
public struct RenderedFigure: Sendable {
    public var format: OutputFormat
    public var data: Data
    public var model: RenderModel
}

/// Turns a `Figure` into PDF, PNG or SVG bytes with one drawing routine. Output is
/// byte-for-byte reproducible: the PDF dates are fixed, the PNG carries no time stamp,
/// and the ids cairo numbers per process in SVG are renumbered in document order.
public enum FigureRenderer {
    /// Creation and modification date written into every PDF, so that the same figure
    /// always gives the same file.
    public static let pdfDate = "2021-01-01T00:00:00Z"
    /// PNG rasters larger than this on a side are refused (a DPI typo, not a figure).
    public static let maximumPixels = 20_000

    /// Renders `figure` in memory.
    public static func render(_ figure: Figure, as format: OutputFormat) throws(PlotError) -> RenderedFigure {
        try figure.validate()
        let sink = ByteSink()
        let closure = Unmanaged.passRetained(sink)
        defer { closure.release() }
        let write: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        let w = figure.widthPt, h = figure.heightPt
        let surface: OpaquePointer?
        var scale = 1.0
        switch format {
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(write, closure.toOpaque(), w, h)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, pdfDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, pdfDate)
            if let title = figure.title {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, TextEngine.plainText(title))
            }
        case .svg:
            surface = cairo_svg_surface_create_for_stream(write, closure.toOpaque(), w, h)
        case let .png(dpi):
            let size = try pixelSize(widthPt: w, heightPt: h, dpi: dpi)
            scale = dpi / 72
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(size.width), Int32(size.height))
        }
        try check(cairo_surface_status(surface), "creating the \(format) surface")
        defer { cairo_surface_destroy(surface) }

        let cr = cairo_create(surface)!
        cairo_scale(cr, scale, scale)
        let model = FigureDrawing.draw(figure, on: cr)
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        try check(drawStatus, "drawing")

        if case .png = format {
            cairo_surface_flush(surface)
            try check(cairo_surface_write_to_png_stream(surface, write, closure.toOpaque()), "encoding PNG")
        } else {
            cairo_surface_finish(surface)
            try check(cairo_surface_status(surface), "finishing the \(format) document")
        }
        var data = sink.data
        if case .svg = format {
            data = SVGNormalizer.normalize(data, description: figure.plainTexts())
        }
        return RenderedFigure(format: format, data: data, model: model)
    }

    /// Renders `figure` and writes it to `url` atomically: the bytes go to a temporary
    /// file in the same directory, which is then renamed into place, so a reader never
    /// sees a partial figure.
    @discardableResult
    public static func write(_ figure: Figure, as format: OutputFormat, to url: URL) throws(PlotError) -> RenderModel {
        let rendered = try render(figure, as: format)
        try writeAtomically(rendered.data, to: url)
        return rendered.model
    }

    /// Writes `figure` once per format as `directory/basename.<extension>` (each file
    /// atomically) and returns the files with the render model (the same for all formats).
    @discardableResult
    public static func write(
        _ figure: Figure, formats: [OutputFormat], to directory: URL, basename: String
    ) throws(PlotError) -> (files: [URL], model: RenderModel?) {
        var files: [URL] = []
        var model: RenderModel?
        for format in formats {
            let url = directory.appendingPathComponent("\(basename).\(format.fileExtension)")
            model = try write(figure, as: format, to: url)
            files.append(url)
        }
        return (files, model)
    }

    /// Pixel size of a PNG at `dpi`: points × dpi / 72, rounded.
    public static func pixelSize(widthPt: Double, heightPt: Double, dpi: Double) throws(PlotError) -> (width: Int, height: Int) {
        guard dpi.isFinite, dpi > 0 else { throw .invalidDPI(dpi) }
        let pw = (widthPt * dpi / 72).rounded(), ph = (heightPt * dpi / 72).rounded()
        guard pw >= 1, ph >= 1, pw <= Double(maximumPixels), ph <= Double(maximumPixels) else { throw .invalidDPI(dpi) }
        return (Int(pw), Int(ph))
    }

    static func writeAtomically(_ data: Data, to url: URL) throws(PlotError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            throw .io(path: url.path, message: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: url.path, message: message)
        }
    }

    private static func check(_ status: cairo_status_t, _ stage: String) throws(PlotError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .cairo(stage: stage, status: String(cString: cairo_status_to_string(status)))
    }
}

/// Collects the bytes cairo streams out.
private final class ByteSink {
    var data = Data()
}

extension Figure {
    /// Every piece of text in the figure without markup, in drawing order (for the
    /// searchable description of an SVG, whose glyphs are outlines).
    func plainTexts() -> [String] {
        var texts: [String] = []
        if let title { texts.append(title) }
        if let label = experimentLabel { texts.append(label.markup) }
        texts.append(xAxis.label)
        for panel in panels {
            texts.append(panel.yAxis.label)
            for item in panel.items {
                if let l = item.legendLabel { texts.append(l) }
                if case let .region(r) = item, let l = r.label { texts.append(l) }
                if case let .text(t) = item { texts.append(t.markup) }
            }
        }
        return texts.filter { !$0.isEmpty }.map(TextEngine.plainText)
    }
}
