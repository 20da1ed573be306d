import Foundation
import References

/// Reads a user limit curve from disk (`figure.references: [{file: …}]`): the one reader for
/// `reach validate` and the figure, so both accept and refuse the same files.
public enum ReferenceCurveFile {
    /// Larger files are not limit curves (the bundled ones are a few kB).
    public static let maximumFileBytes = 10_000_000

    /// Why a curve cannot be used: the file itself, or a line of its text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case file(path: String, problem: InputFile.Problem)
        case content(path: String, error: LimitCurveTable.Error)

        /// The problem as a scenario names it, at the `file` key; the curve reader's own
        /// "…; expected …" becomes the expected part.
        public var problem: NamedFiles.Problem {
            switch self {
            case .file(_, let problem): return NamedFiles.Problem(problem.phrase)
            case .content(_, let error):
                let parts = error.message.components(separatedBy: "; expected ")
                return NamedFiles.Problem("is not a valid curve, line \(error.line): \(parts[0])",
                                          expected: parts.count > 1 ? parts.dropFirst().joined(separator: "; expected ") : nil)
            }
        }

        /// One line naming the curve file.
        public var description: String {
            switch self {
            case .file(let path, let problem): return "\(path): \(problem.phrase); expected a limit curve (CSV 'mass_MeV,U2')"
            case .content(let path, let error): return "\(path):\(error.line): \(error.message)"
            }
        }
    }

    /// Masses [MeV] and |U|² of the curve at `path`.
    public static func read(path: String) -> Result<(massesMeV: [Double], u2: [Double]), Failure> {
        switch InputFile.readText(path: path, maximumBytes: maximumFileBytes) {
        case .failure(let problem):
            return .failure(.file(path: path, problem: problem))
        case .success(let text):
            return LimitCurveTable.parse(text).mapError { .content(path: path, error: $0) }
        }
    }
}
