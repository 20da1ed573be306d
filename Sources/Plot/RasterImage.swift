import CCairo
import Foundation

/// A decoded PNG (via cairo), for checking pixels of rendered figures, e.g. in tests or
/// golden-image comparisons.
public struct RasterImage: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major pixels, premultiplied ARGB as cairo stores them.
    private let pixels: [UInt32]
    private let hasAlpha: Bool

    /// Nil if `png` is not a PNG cairo can read.
    public init?(png: Data) {
        final class Source { var data: Data; var offset = 0; init(_ d: Data) { data = d } }
        let source = Unmanaged.passRetained(Source(png))
        defer { source.release() }
        let read: cairo_read_func_t = { closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard s.offset + n <= s.data.count else { return CAIRO_STATUS_READ_ERROR }
            s.data.copyBytes(to: buffer, from: (s.data.startIndex + s.offset)..<(s.data.startIndex + s.offset + n))
            s.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_image_surface_create_from_png_stream(read, source.toOpaque()) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(surface)
        hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let base = cairo_image_surface_get_data(surface) else { return nil }
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { out[y * width + x] = row[x] }
        }
        pixels = out
    }

    /// The colour at pixel (x, y), un-premultiplied; nil outside the image.
    public func color(x: Int, y: Int) -> Color? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let p = pixels[y * width + x]
        let a = hasAlpha ? Double((p >> 24) & 0xff) / 255 : 1
        func c(_ shift: UInt32) -> Double { a > 0 ? min(Double((p >> shift) & 0xff) / 255 / a, 1) : 0 }
        return Color(red: c(16), green: c(8), blue: c(0), alpha: a)
    }
}
