import Foundation

/// A one-line progress report on stderr for commands that take seconds ("reach: projecting
/// variant 2/3 …"), rewritten in place with a carriage return and erased when the work is done.
///
/// Shown only when stderr is a terminal and the command is not `--quiet`: pipes, files and the
/// test suite see nothing, so stderr stays the summary and warning lines. Erase it (`clear()`)
/// before printing anything else on stderr.
final class Progress {
    private let enabled: Bool
    /// Characters of the line now on screen (0: none).
    private var shownLength = 0

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Replaces the line with `reach: <text> …`.
    func update(_ text: String) {
        guard enabled else { return }
        let line = "reach: " + text + " …"
        let length = line.count
        // Spaces cover the rest of a longer previous line; no terminal escape sequences needed.
        write("\r" + line + String(repeating: " ", count: max(0, shownLength - length)))
        shownLength = length
    }

    /// Erases the line, leaving the cursor at the start of an empty line.
    func clear() {
        guard enabled, shownLength > 0 else { return }
        write("\r" + String(repeating: " ", count: shownLength) + "\r")
        shownLength = 0
    }

    /// "variant 2/3" with a document's name in front when a file holds several.
    static func variantText(_ position: Int, of count: Int, document: String?) -> String {
        (document.map { "'\($0)' " } ?? "") + "variant \(position)/\(count)"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
