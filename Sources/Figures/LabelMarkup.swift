/// Plain text from a scenario file (a variant's label, the figure label) as Pango markup:
/// escaped, with the few pieces of physics notation that scenario files spell in ASCII set
/// as a reader expects them — "m2_miss > 0.1 GeV^2" reads "m²_miss > 0.1 GeV²" with the m in
/// italics and "miss" as a subscript, "->" is an arrow. Nothing else is changed.
public enum LabelMarkup {
    /// ASCII spellings and their markup, longest first so that "m2_miss" wins over "^2".
    static let notation: [(plain: String, markup: String)] = [
        ("m2_miss", "<i>m</i><sup>2</sup><sub>miss</sub>"),
        ("m0^2", "<i>m</i><sub>0</sub><sup>2</sup>"),
        ("->", "→"),
        ("^2", "²"),
    ]

    public static func markup(_ text: String) -> String {
        var out = ExclusionFigure.escape(text)
        // After escaping, "->" is "-&gt;".
        for (plain, markup) in notation {
            out = out.replacingOccurrences(of: ExclusionFigure.escape(plain), with: markup)
        }
        return out
    }
}
