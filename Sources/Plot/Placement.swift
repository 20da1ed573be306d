/// Where legends and region labels go, as pure functions of page geometry: boxes are
/// scored by how many curve samples (points every few points along each curve) they
/// would hide and must not overlap other text.
enum Placement {
    /// Positions tried for an automatic legend, in order of preference on ties.
    static let legendCandidates: [Corner] = [
        .topRight, .topLeft, .bottomRight, .bottomLeft, .centerRight, .centerLeft, .topCenter, .bottomCenter,
    ]

    static func count(_ samples: [PagePoint], in rect: PageRect) -> Int {
        samples.reduce(0) { rect.contains($1) ? $0 + 1 : $0 }
    }

    /// The candidate position covering the fewest samples without touching an obstacle.
    static func legend(
        width: Double, height: Double, in area: PageRect, inset: Double,
        samples: [PagePoint], obstacles: [PageRect], candidates: [Corner] = legendCandidates
    ) -> (corner: Corner, rect: PageRect, covered: Int, score: Int) {
        var best: (corner: Corner, rect: PageRect, covered: Int, score: Int)?
        for corner in candidates {
            let rect = corner.place(width: width, height: height, in: area, inset: inset)
            let covered = count(samples, in: rect)
            var score = covered
            if obstacles.contains(where: { $0.intersects(rect) }) { score += 1_000_000 }
            if !area.contains(rect) { score += 10_000_000 }
            if best == nil || score < best!.score { best = (corner, rect, covered, score) }
        }
        return (best!.corner, best!.rect, best!.covered, best!.score)
    }

    /// A box of `width` × `height` inside the filled side of a region boundary, hugging the
    /// curve (a gap of `gap` points), fully inside `area` shrunk by `inset`, covering as
    /// few `samples` of other curves as possible and none of `forbidden` (curve samples, checked
    /// with a margin of 2 pt) nor `obstacles`. `runs` are the
    /// boundary's pieces in page coordinates (not clipped). Where no box can hug the curve, the
    /// nearest one further inside the filled side. Nil if no position fits.
    static func regionLabel(
        width: Double, height: Double, side: FillSide, runs: [[PagePoint]], area: PageRect,
        inset: Double, gap: Double, samples: [PagePoint], forbidden: [PagePoint] = [], obstacles: [PageRect]
    ) -> PageRect? {
        if let rect = regionLabel(width: width, height: height, side: side, runs: runs, area: area, inset: inset, gap: gap,
                                  samples: samples, forbidden: forbidden, obstacles: obstacles, coverage: 1) {
            return rect
        }
        // A region narrower than its label (or whose curve climbs to the frame across it): the
        // box may reach beyond the curve's x extent, as long as it still stands on the filled
        // side of the curve over at least half its width.
        if let rect = regionLabel(width: width, height: height, side: side, runs: runs, area: area, inset: inset, gap: gap,
                                  samples: samples, forbidden: forbidden, obstacles: obstacles, coverage: 0.5) {
            return rect
        }
        // A projection curve or other text runs along the boundary wherever the label could hug
        // it: the box moves away from the curve, deeper into the filled side, as little as it can.
        for coverage in [1, 0.5] {
            if let rect = regionLabel(width: width, height: height, side: side, runs: runs, area: area, inset: inset, gap: gap,
                                      samples: samples, forbidden: forbidden, obstacles: obstacles, coverage: coverage,
                                      floating: true) {
                return rect
            }
        }
        return nil
    }

    private static func regionLabel(
        width: Double, height: Double, side: FillSide, runs: [[PagePoint]], area: PageRect,
        inset: Double, gap: Double, samples: [PagePoint], forbidden: [PagePoint], obstacles: [PageRect], coverage: Double,
        floating: Bool = false
    ) -> PageRect? {
        let inner = area.insetBy(inset)
        guard inner.width > width, inner.height > height else { return nil }
        var best: (rect: PageRect, score: Double)?
        let steps = 120
        for k in 0...steps {
            let x0 = inner.minX + (inner.width - width) * Double(k) / Double(steps)
            let x1 = x0 + width
            // The curve's extreme over [x0, x1] on the side of the fill; the box must
            // lie entirely within the x extent of the curve.
            guard let (extreme, mean) = envelope(runs, x0, x1, side: side, coverage: coverage) else { continue }
            let hugging: Double
            switch side {
            case .above:
                let bottom = min(extreme - gap, inner.maxY)
                hugging = bottom - height
                guard hugging >= inner.minY else { continue }
            case .below:
                let topEdge = max(extreme + gap, inner.minY)
                hugging = topEdge
                guard hugging + height <= inner.maxY else { continue }
            }
            for y in floating ? offsets(from: hugging, height: height, side: side, inner: inner) : [hugging] {
                let rect = PageRect(x: x0, y: y, width: width, height: height)
                if obstacles.contains(where: { $0.intersects(rect) }) { continue }
                if count(forbidden, in: rect.outsetBy(2)) > 0 { continue }
                let covered = Double(count(samples, in: rect.outsetBy(2)))
                // Mean distance from the box edge to the curve: small when the label hugs it.
                let distance = side == .above ? mean - (y + height) : y - mean
                let score = 100 * covered + distance
                if best == nil || score < best!.score { best = (rect, score) }
            }
        }
        return best?.rect
    }

    /// Tops of boxes from the hugging position towards the frame on the filled side, a quarter
    /// of the box height apart: every one still on the filled side of the curve.
    static func offsets(from hugging: Double, height: Double, side: FillSide, inner: PageRect) -> [Double] {
        let step = max(height / 4, 0.5)
        var out: [Double] = []
        var y = hugging
        while side == .above ? y >= inner.minY : y + height <= inner.maxY {
            out.append(y)
            y += side == .above ? -step : step
        }
        return out
    }

    /// (extreme, mean) page y of the curve over [x0, x1]: the minimum for a region
    /// above the curve (smallest page y is highest), the maximum for one below. Nil if
    /// the curve does not cover the whole interval.
    static func envelope(_ runs: [[PagePoint]], _ x0: Double, _ x1: Double, side: FillSide, coverage: Double = 1) -> (Double, Double)? {
        var extreme: Double?
        var sum = 0.0, n = 0.0
        var covered: [(Double, Double)] = []
        for run in runs where run.count >= 2 {
            for i in 1..<run.count {
                var a = run[i - 1], b = run[i]
                if a.x > b.x { swap(&a, &b) }
                guard b.x >= x0, a.x <= x1, b.x > a.x else { continue }
                let lo = max(a.x, x0), hi = min(b.x, x1)
                let ya = a.y + (lo - a.x) / (b.x - a.x) * (b.y - a.y)
                let yb = a.y + (hi - a.x) / (b.x - a.x) * (b.y - a.y)
                for v in [ya, yb] {
                    extreme = extreme.map { side == .above ? min($0, v) : max($0, v) } ?? v
                }
                sum += (ya + yb) / 2 * (hi - lo)
                n += hi - lo
                covered.append((lo, hi))
            }
        }
        guard let e = extreme, n > 0 else { return nil }
        if coverage < 1 { return n >= coverage * (x1 - x0) ? (e, sum / n) : nil }
        // The union of covered intervals must span [x0, x1].
        covered.sort { $0.0 < $1.0 }
        var reach = x0
        for (lo, hi) in covered {
            if lo > reach + 1e-6 { return nil }
            reach = max(reach, hi)
        }
        guard reach >= x1 - 1e-6 else { return nil }
        return (e, sum / n)
    }
}
