import Foundation
import CCairo

/// Text set by Pango for drawing with cairo. All sizes are in points (user units of the
/// figure): the Pango context runs at 72 dpi with metric hinting off and is not tied to
/// any surface or transformation, so a label is laid out identically for PDF, SVG and
/// PNG at any DPI — the layout, and so the `RenderModel`, does not depend on the output
/// format; cairo scales the glyph outlines when drawing. (Tying the context to a scaled
/// PNG context would also trip Pango 1.50, which then sizes `<sup>`/`<sub>` with the
/// device scale applied twice.)
final class TextEngine {
    private let context: OpaquePointer
    let family: String

    init(family: String) {
        self.family = family
        context = pango_font_map_create_context(pango_cairo_font_map_get_default())
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(context)) }

    /// Lays out `markup` (already validated) in the engine's family at `sizePt`.
    func block(_ markup: String, sizePt: Double, alignment: PangoAlignment = PANGO_ALIGN_LEFT) -> TextBlock {
        let layout = pango_layout_new(context)!
        let font = pango_font_description_new()
        pango_font_description_set_family(font, family)
        pango_font_description_set_size(font, Int32((sizePt * Double(PANGO_SCALE)).rounded()))
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_alignment(layout, alignment)
        pango_layout_set_markup(layout, markup, -1)
        return TextBlock(layout: layout, markup: markup)
    }

    /// Nil if `markup` is valid Pango markup, else Pango's message. Checked before any
    /// layout is made, because an invalid layout prints a GLib warning and shows nothing.
    static func markupError(_ markup: String) -> String? {
        var error: UnsafeMutablePointer<GError>?
        if pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) != 0 { return nil }
        let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "invalid markup"
        if let error { g_error_free(error) }
        return message
    }

    /// The text of `markup` without tags and with entities resolved ("&lt;" → "<").
    static func plainText(_ markup: String) -> String {
        var text: UnsafeMutablePointer<CChar>?
        guard pango_parse_markup(markup, -1, 0, nil, &text, nil, nil) != 0, let text else { return markup }
        defer { g_free(text) }
        return String(cString: text)
    }
}

/// One laid-out piece of text with its logical size (the box Pango reserves for it,
/// ascent to descent, the one to use for spacing).
final class TextBlock {
    private let layout: OpaquePointer
    let markup: String
    let width: Double
    let height: Double
    private let offsetX: Double
    private let offsetY: Double

    fileprivate init(layout: OpaquePointer, markup: String) {
        self.layout = layout
        self.markup = markup
        var ink = PangoRectangle()
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        width = Double(logical.width) / scale
        height = Double(logical.height) / scale
        offsetX = Double(logical.x) / scale
        offsetY = Double(logical.y) / scale
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Draws the text with the top-left corner of its logical box at (x, y).
    func draw(_ cr: OpaquePointer, x: Double, y: Double, color: Color) {
        cairo_save(cr)
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
        cairo_move_to(cr, x - offsetX, y - offsetY)
        pango_cairo_show_layout(cr, layout)
        cairo_restore(cr)
    }

    /// Draws the text rotated by `angleDeg` counter-clockwise about the centre of its
    /// box, the centre placed at (cx, cy).
    func drawRotated(_ cr: OpaquePointer, centerX cx: Double, centerY cy: Double, angleDeg: Double, color: Color) {
        cairo_save(cr)
        cairo_translate(cr, cx, cy)
        cairo_rotate(cr, -angleDeg * .pi / 180)
        draw(cr, x: -width / 2, y: -height / 2, color: color)
        cairo_restore(cr)
    }

    /// The page box of the text rotated by `angleDeg` about its centre at (cx, cy).
    func rotatedBox(centerX cx: Double, centerY cy: Double, angleDeg: Double) -> PageRect {
        let a = angleDeg * .pi / 180
        let w = abs(width * cos(a)) + abs(height * sin(a))
        let h = abs(width * sin(a)) + abs(height * cos(a))
        return PageRect(x: cx - w / 2, y: cy - h / 2, width: w, height: h)
    }
}
