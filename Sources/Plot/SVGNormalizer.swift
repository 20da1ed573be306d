import Foundation

/// Makes cairo's SVG reproducible and searchable.
///
/// cairo names glyphs, surfaces, clips and patterns with counters that live for the whole
/// process (`surface42`, `glyph3-1`), so rendering the same figure twice gives different
/// ids. Every id is renamed to its prefix plus its rank of first appearance in the
/// document (`surface1`, `glyph1`, …) and references (`#id`, `url(#id)`) follow.
/// Because glyphs are drawn as outlines, the figure's text is added as a `<desc>`.
enum SVGNormalizer {
    static func normalize(_ data: Data, description texts: [String]) -> Data {
        guard var svg = String(data: data, encoding: .utf8) else { return data }
        svg = renumberIDs(svg)
        if !texts.isEmpty, let open = svg.range(of: "<svg"), let close = svg.range(of: ">", range: open.upperBound..<svg.endIndex) {
            let desc = "\n<desc>" + texts.map(escape).joined(separator: "\n") + "</desc>"
            svg.insert(contentsOf: desc, at: close.upperBound)
        }
        return Data(svg.utf8)
    }

    /// Renames every `id="…"` in order of first appearance and rewrites references.
    static func renumberIDs(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        // Pass 1: ids in document order.
        var mapping: [String: String] = [:]
        var countPerPrefix: [String: Int] = [:]
        let idMarker = Array(" id=\"".utf8)
        var i = 0
        while let start = find(idMarker, in: bytes, from: i) {
            let valueStart = start + idMarker.count
            guard let end = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            let id = String(decoding: bytes[valueStart..<end], as: UTF8.self)
            if mapping[id] == nil {
                let prefix = String(id.prefix { $0.isLetter })
                countPerPrefix[prefix, default: 0] += 1
                mapping[id] = "\(prefix)\(countPerPrefix[prefix]!)"
            }
            i = end
        }
        guard !mapping.isEmpty else { return svg }
        // Pass 2: rewrite `id="x"` values and `#x` references (ended by `"` or `)`).
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "#") || matches(idMarker, in: bytes, at: i) {
                let valueStart = bytes[i] == UInt8(ascii: "#") ? i + 1 : i + idMarker.count
                var end = valueStart
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: ")") { end += 1 }
                let name = String(decoding: bytes[valueStart..<min(end, bytes.count)], as: UTF8.self)
                if end < bytes.count, let renamed = mapping[name] {
                    out += bytes[i..<valueStart]
                    out += Array(renamed.utf8)
                    i = end
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at i: Int) -> Bool {
        guard i + pattern.count <= bytes.count else { return false }
        for k in pattern.indices where bytes[i + k] != pattern[k] { return false }
        return true
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + pattern.count <= bytes.count {
            if matches(pattern, in: bytes, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
