/// Suggestions for misspelt names ("did you mean 'prescale'?"), by edit distance.
enum DidYouMean {
    /// The closest candidate to `word` if it is close enough to be a plausible typo: at most one
    /// edit per three characters (at least one, at most three), case ignored.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let allowed = min(3, max(1, candidate.count / 3))
            guard distance <= allowed else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.candidate ?? abbreviated(lowered, among: candidates)
    }

    /// The one candidate that `word` begins (`cls` for `cls-expected`), else the one that has
    /// `word` as a part between '-' or '_' (`exclusion` for `median-exclusion`); nil when none
    /// or several do.
    private static func abbreviated(_ word: String, among candidates: [String]) -> String? {
        guard word.count >= 2 else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(word) }
        if prefixed.count == 1 { return prefixed[0] }
        guard prefixed.isEmpty else { return nil }
        let parts = candidates.filter { $0.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).contains { $0 == word } }
        return parts.count == 1 ? parts[0] : nil
    }

    /// " (did you mean 'x'?)" or an empty string.
    static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and transpositions
    /// of adjacent characters each cost one.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
