import CCairo
import Foundation

/// Thin helpers over cairo paths in page coordinates.
enum Painter {
    static func setColor(_ cr: OpaquePointer, _ c: Color) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    static func path(_ cr: OpaquePointer, _ points: [PagePoint], closed: Bool) {
        guard let first = points.first else { return }
        cairo_move_to(cr, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        if closed { cairo_close_path(cr) }
    }

    static func applyStyle(_ cr: OpaquePointer, _ style: LineStyle) {
        setColor(cr, style.color)
        cairo_set_line_width(cr, style.width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, style.dash == .dotted ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        let pattern = style.dash.pattern(width: style.width)
        pattern.withUnsafeBufferPointer { buffer in
            cairo_set_dash(cr, buffer.baseAddress, Int32(buffer.count), 0)
        }
    }

    static func stroke(_ cr: OpaquePointer, _ points: [PagePoint], _ style: LineStyle) {
        guard points.count >= 2, style.width > 0 else { return }
        cairo_save(cr)
        applyStyle(cr, style)
        path(cr, points, closed: false)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// Filled circles of the style's marker at `points` (nothing without a marker).
    static func markers(_ cr: OpaquePointer, _ points: [PagePoint], _ style: LineStyle) {
        guard let marker = style.marker, marker.diameterPt > 0 else { return }
        setColor(cr, style.color)
        for p in points {
            cairo_new_sub_path(cr)
            cairo_arc(cr, p.x, p.y, marker.diameterPt / 2, 0, 2 * .pi)
        }
        cairo_fill(cr)
    }

    static func fill(_ cr: OpaquePointer, _ polygon: [PagePoint], _ color: Color) {
        guard polygon.count >= 3 else { return }
        setColor(cr, color)
        path(cr, polygon, closed: true)
        cairo_fill(cr)
    }

    /// Parallel lines at the hatch angle across `polygon`, clipped to it.
    static func hatch(_ cr: OpaquePointer, _ polygon: [PagePoint], _ hatch: Hatch) {
        guard polygon.count >= 3, hatch.spacingPt > 0 else { return }
        cairo_save(cr)
        path(cr, polygon, closed: true)
        cairo_clip(cr)
        let xs = polygon.map(\.x), ys = polygon.map(\.y)
        let box = PageRect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        hatchLines(cr, box, hatch)
        cairo_restore(cr)
    }

    /// Hatch lines covering `box` (the caller clips). Lines are anchored at the page
    /// origin, so neighbouring hatched areas line up.
    static func hatchLines(_ cr: OpaquePointer, _ box: PageRect, _ hatch: Hatch) {
        let a = hatch.angleDeg * .pi / 180
        // Direction along a line (page y down, so the angle is counter-clockwise on paper).
        let dx = cos(a), dy = -sin(a)
        // Unit normal; lines are n·p = k × spacing.
        let nx = -dy, ny = dx
        let corners = [
            PagePoint(box.minX, box.minY), PagePoint(box.maxX, box.minY),
            PagePoint(box.minX, box.maxY), PagePoint(box.maxX, box.maxY),
        ]
        let proj = corners.map { $0.x * nx + $0.y * ny }
        let first = (proj.min()! / hatch.spacingPt).rounded(.down)
        let last = (proj.max()! / hatch.spacingPt).rounded(.up)
        guard last - first < 10_000 else { return }
        let reach = box.width + box.height
        let cx = box.midX, cy = box.midY
        let c = cx * nx + cy * ny
        setColor(cr, hatch.color)
        cairo_set_line_width(cr, hatch.lineWidth)
        cairo_set_dash(cr, nil, 0, 0)
        for k in stride(from: first, through: last, by: 1) {
            let offset = k * hatch.spacingPt - c
            let px = cx + offset * nx, py = cy + offset * ny
            cairo_move_to(cr, px - reach * dx, py - reach * dy)
            cairo_line_to(cr, px + reach * dx, py + reach * dy)
        }
        cairo_stroke(cr)
    }

    static func rectangle(_ cr: OpaquePointer, _ r: PageRect) {
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
    }
}
