import Foundation
import References

/// Reads a user limit curve from disk (`figure.references: [{file: …}]`), or a table of observed
/// and expected limits (`kind: limit_table`): the one reader for `reach validate` and the figure,
/// so both accept and refuse the same files.
public enum ReferenceCurveFile {
    /// Larger files are not limit curves (the bundled ones are a few kB).
    public static let maximumFileBytes = 10_000_000

    /// Why a curve cannot be used: the file itself, or a line of its text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case file(path: String, problem: InputFile.Problem)
        case content(path: String, error: LimitCurveTable.Error)
        case limitTable(path: String, error: ObservedLimitTable.Error)

        /// The problem as a scenario names it, at the `file` key; the reader's own
        /// "…; expected …" becomes the expected part.
        public var problem: NamedFiles.Problem {
            switch self {
            case .file(_, let problem): return NamedFiles.Problem(problem.phrase)
            case .content(_, let error): return Self.problem("is not a valid curve, line \(error.line)", error.message)
            case .limitTable(_, let error): return Self.problem("is not a valid limit table, \(error.location)", error.message)
            }
        }

        private static func problem(_ what: String, _ message: String) -> NamedFiles.Problem {
            let parts = message.components(separatedBy: "; expected ")
            return NamedFiles.Problem("\(what): \(parts[0])", expected: parts.count > 1 ? parts.dropFirst().joined(separator: "; expected ") : nil)
        }

        /// One line naming the file, and the line and column of the problem.
        public var description: String {
            switch self {
            case .file(let path, let problem): return "\(path): \(problem.phrase); expected a limit curve (CSV 'mass_MeV,U2')"
            case .content(let path, let error): return "\(path):\(error.line): \(error.message)"
            case .limitTable(let path, let error): return "\(path):\(error.line)\(error.column.map { ":\($0)" } ?? ""): \(error.message)"
            }
        }
    }

    /// Masses [MeV] and |U|² of the curve at `path`.
    public static func read(path: String) -> Result<(massesMeV: [Double], u2: [Double]), Failure> {
        text(path).flatMap { LimitCurveTable.parse($0).mapError { .content(path: path, error: $0) } }
    }

    /// The observed and expected limits on `parameter` of the `reach limit --table` CSV at `path`.
    public static func readLimitTable(path: String, parameter: ObservedLimitTable.Parameter) -> Result<ObservedLimitTable.Limits, Failure> {
        text(path).flatMap { ObservedLimitTable.parse($0, parameter: parameter).mapError { .limitTable(path: path, error: $0) } }
    }

    private static func text(_ path: String) -> Result<String, Failure> {
        InputFile.readText(path: path, maximumBytes: maximumFileBytes).mapError { .file(path: path, problem: $0) }
    }
}
