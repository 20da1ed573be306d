import CCairo

/// Text set to fit a length on the page: a y axis label longer than its panel is tall would
/// reach past the frame into the panel above or below (a short ratio panel under a long
/// baseline name), a corner label wider than its panel would run over the frame. In order:
/// one line at the given size; two lines, broken at the space that gives the shortest longer
/// line; then both smaller, down to `minimumScale` of the size.
enum TextFit {
    static let minimumScale = 0.7

    /// The first setting of `markup` no longer than `length`, else the shortest one tried.
    static func block(_ markup: String, length: Double, sizePt: Double, cache: TextCache) -> TextBlock {
        let single = cache.block(markup, sizePt)
        if single.width <= length { return single }
        var shortest = single
        for scale in stride(from: 1.0, through: minimumScale - 1e-9, by: -0.05) {
            let settings = [cache.block(markup, sizePt * scale)]
                + twoLineSettings(markup).map { cache.block($0, sizePt * scale, alignment: PANGO_ALIGN_CENTER) }
            let best = settings.min { $0.width < $1.width }!
            if best.width <= length { return best }
            if best.width < shortest.width { shortest = best }
        }
        return shortest
    }

    /// `markup` broken into two lines at each space outside a tag (a space inside `<span …>`
    /// belongs to the tag, not the text); none when it already has its own line breaks.
    static func twoLineSettings(_ markup: String) -> [String] {
        guard !markup.contains("\n") else { return [] }
        var out: [String] = []
        var insideTag = false
        for index in markup.indices {
            switch markup[index] {
            case "<": insideTag = true
            case ">": insideTag = false
            case " " where !insideTag:
                out.append(String(markup[..<index]) + "\n" + String(markup[markup.index(after: index)...]))
            default: break
            }
        }
        return out
    }
}
