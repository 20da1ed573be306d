/// Geometric clipping on the page, done before cairo sees a path: cairo's fixed-point
/// coordinates cannot hold points far outside the page (a linear axis with a value of 10³⁰),
/// and clipping exactly keeps the direction of every visible piece. The final, pixel-exact
/// cut at the frame is cairo's clip.
enum Clipping {
    /// Page coordinates are clamped to ±limit before clipping so that arithmetic stays finite.
    static let limit = 1e12

    static func clamp(_ v: Double) -> Double { min(max(v, -limit), limit) }

    /// The part of segment a→b inside `rect` (Liang–Barsky), or nil.
    static func clipSegment(_ a: PagePoint, _ b: PagePoint, to rect: PageRect) -> (PagePoint, PagePoint)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let p = [-dx, dx, -dy, dy]
        let q = [a.x - rect.minX, rect.maxX - a.x, a.y - rect.minY, rect.maxY - a.y]
        for i in 0..<4 {
            if p[i] == 0 {
                if q[i] < 0 { return nil }
            } else {
                let t = q[i] / p[i]
                if p[i] < 0 {
                    if t > t1 { return nil }
                    t0 = max(t0, t)
                } else {
                    if t < t0 { return nil }
                    t1 = min(t1, t)
                }
            }
        }
        return (PagePoint(a.x + t0 * dx, a.y + t0 * dy), PagePoint(a.x + t1 * dx, a.y + t1 * dy))
    }

    /// The pieces of a polyline inside `rect`, each a polyline of at least two points.
    static func clipPolyline(_ points: [PagePoint], to rect: PageRect) -> [[PagePoint]] {
        var pieces: [[PagePoint]] = []
        var current: [PagePoint] = []
        func close() {
            if current.count >= 2 { pieces.append(current) }
            current = []
        }
        guard points.count >= 2 else { return [] }
        for i in 1..<points.count {
            guard let (c0, c1) = clipSegment(points[i - 1], points[i], to: rect) else {
                close()
                continue
            }
            if let last = current.last, last == c0 {
                current.append(c1)
            } else {
                close()
                current = [c0, c1]
            }
            if c1 != points[i] { close() }   // left the rectangle
        }
        close()
        return pieces
    }

    /// A polygon cut to `rect` (Sutherland–Hodgman; correct for any polygon against a
    /// convex window, possibly with zero-width bridges along the window edge, which lie
    /// outside the frame and are hidden by cairo's clip).
    static func clipPolygon(_ polygon: [PagePoint], to rect: PageRect) -> [PagePoint] {
        var output = polygon
        let edges: [(PagePoint) -> Bool] = [
            { $0.x >= rect.minX }, { $0.x <= rect.maxX }, { $0.y >= rect.minY }, { $0.y <= rect.maxY },
        ]
        let intersections: [(PagePoint, PagePoint) -> PagePoint] = [
            { a, b in lerpX(a, b, rect.minX) }, { a, b in lerpX(a, b, rect.maxX) },
            { a, b in lerpY(a, b, rect.minY) }, { a, b in lerpY(a, b, rect.maxY) },
        ]
        for k in 0..<4 {
            let input = output
            output = []
            guard let last = input.last else { return [] }
            var previous = last
            for point in input {
                let inNow = edges[k](point), inBefore = edges[k](previous)
                if inNow {
                    if !inBefore { output.append(intersections[k](previous, point)) }
                    output.append(point)
                } else if inBefore {
                    output.append(intersections[k](previous, point))
                }
                previous = point
            }
        }
        return output.count >= 3 ? output : []
    }

    private static func lerpX(_ a: PagePoint, _ b: PagePoint, _ x: Double) -> PagePoint {
        let t = (x - a.x) / (b.x - a.x)
        return PagePoint(x, a.y + t * (b.y - a.y))
    }

    private static func lerpY(_ a: PagePoint, _ b: PagePoint, _ y: Double) -> PagePoint {
        let t = (y - a.y) / (b.y - a.y)
        return PagePoint(a.x + t * (b.x - a.x), y)
    }

    /// Points every `spacing` points along the polyline (both ends included), used to
    /// count how much of a curve a legend or label would hide.
    static func samples(along points: [PagePoint], spacing: Double = 3) -> [PagePoint] {
        guard let first = points.first else { return [] }
        var out = [first]
        for i in 1..<max(points.count, 1) {
            let a = points[i - 1], b = points[i]
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            let n = Int((length / spacing).rounded(.up))
            if n > 0 {
                for k in 1...n {
                    let t = Double(k) / Double(n)
                    out.append(PagePoint(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
                }
            }
        }
        return out
    }
}
