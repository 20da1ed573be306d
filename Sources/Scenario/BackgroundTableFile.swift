import BackgroundTables

/// Reads a user background table from disk (`background: {table: …}`): the one reader for
/// `reach validate` and the projection, so both accept and refuse the same files.
public enum BackgroundTableFile {
    /// Larger files are not background spectra (a fine table of 10⁵ rows is a few MB).
    public static let maximumFileBytes = 50_000_000

    /// Why a table cannot be used: the file itself, or a line of its text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case file(path: String, problem: InputFile.Problem)
        case content(BackgroundTableError)

        /// The problem as a scenario names it, at the `table` key.
        public var problem: NamedFiles.Problem {
            switch self {
            case .file(_, let problem): return NamedFiles.Problem(problem.phrase)
            case .content(let error):
                var place = ""
                if let line = error.line { place = ", line \(line)" + (error.column.map { ", column \($0)" } ?? "") }
                return NamedFiles.Problem("is not a valid table\(place): \(error.message)", expected: "a table as described in scenarios/README.md")
            }
        }

        /// One line naming the table file.
        public var description: String {
            switch self {
            case .file(let path, let problem): return "\(path): \(problem.phrase); expected a dN/dm2_miss background table (CSV)"
            case .content(let error): return error.description
            }
        }
    }

    /// The table at `path`; `mirrored`: a table of the m²_miss ≤ 0 side, returned reflected to
    /// m²_miss ≥ 0 (refused when a row lies at m²_miss > 0).
    public static func read(path: String, mirrored: Bool = false) -> Result<BackgroundTable, Failure> {
        guard mirrored else { return read(path: path) }
        return read(path: path).flatMap { table in
            if let positive = table.m2GeV2.firstIndex(where: { $0 > 0 }) {
                return .failure(.content(BackgroundTableError(
                    source: path, line: nil, column: nil,
                    message: "row \(positive + 1) lies at m²_miss = \(table.m2GeV2[positive]) GeV² > 0 (expected a table of the m²_miss ≤ 0 side to mirror)")))
            }
            return .success(table.mirrored())
        }
    }

    /// A table of N_exp and δN_exp above each cut (`background: {table: …, kind: above}`).
    public static func readCut(path: String) -> Result<CutTable, Failure> {
        read(path: path) { text, source throws(BackgroundTableError) in try CutTable.parse(text, source: source) }
    }

    public static func read(path: String) -> Result<BackgroundTable, Failure> {
        read(path: path) { text, source throws(BackgroundTableError) in try BackgroundTable.parse(text, source: source) }
    }

    /// The file at `path` read and parsed by `parse`.
    private static func read<Table>(path: String, parse: (String, String) throws(BackgroundTableError) -> Table) -> Result<Table, Failure> {
        switch InputFile.readText(path: path, maximumBytes: maximumFileBytes) {
        case .failure(let problem):
            return .failure(.file(path: path, problem: problem))
        case .success(let text):
            do {
                return .success(try parse(text, path))
            } catch {
                return .failure(.content(error))
            }
        }
    }
}
