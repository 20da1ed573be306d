import Yams

/// libyaml refuses a mapping that repeats a key and stops there, so only the first repetition of
/// a file could be reported. This renames, in the text, the first occurrence of a repeated key to
/// a private-use name of the same length (positions unchanged) so that composing goes on; the
/// builder restores the name from `originals` and reports every repetition itself.
struct DuplicateKeys {
    /// At most this many renames (beyond, the remaining repetition is reported as libyaml found it).
    static let maximumRenames = 1_000

    private(set) var text: String
    /// The renamed keys' true names, at their positions.
    private(set) var originals: [SourcePosition: String] = [:]

    init(text: String) { self.text = text }

    /// Renames the key libyaml reported at `mark` (the first occurrence of the first of
    /// `duplicates`); false when it cannot be found written there, plainly or in quotes.
    mutating func renameFirst(of duplicates: [String], at mark: Mark) -> Bool {
        guard originals.count < Self.maximumRenames, let key = duplicates.first, !key.isEmpty else { return false }
        let position = SourcePosition(line: mark.line, column: mark.column)
        guard originals[position] == nil else { return false }
        var scalars = Array(text.unicodeScalars)
        guard var index = Self.offset(of: position, in: scalars) else { return false }
        if scalars[index] == "\"" || scalars[index] == "'" { index += 1 }
        let written = Array(key.unicodeScalars)
        guard index + written.count <= scalars.count, Array(scalars[index..<(index + written.count)]) == written,
              let replacement = Unicode.Scalar(0xE000 + originals.count) else { return false }
        scalars[index] = replacement
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        text = String(view)
        originals[position] = key
        return true
    }

    /// The index of the scalar at a 1-based line and column, lines broken as libyaml breaks
    /// them (LF, CR, CR LF, NEL, LS, PS).
    private static func offset(of position: SourcePosition, in scalars: [Unicode.Scalar]) -> Int? {
        var line = 1, lineStart = 0, index = 0
        while line < position.line {
            guard index < scalars.count else { return nil }
            let scalar = scalars[index]
            index += 1
            if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                line += 1
                lineStart = index
            }
        }
        let target = lineStart + position.column - 1
        return target >= lineStart && target < scalars.count ? target : nil
    }
}
