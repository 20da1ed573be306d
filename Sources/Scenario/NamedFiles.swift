import References

/// How the decoder checks the files a scenario names: background tables, reference curves and
/// limit tables.
/// Loading from disk reads each through the reader the projection or the figure uses
/// (`BackgroundTableFile`, `ReferenceCurveFile`), so a file that a command would refuse is
/// refused by `reach validate` too; decoding text alone checks nothing.
public struct NamedFiles {
    public enum Kind: Sendable {
        case backgroundTable
        /// A background table of the m²_miss ≤ 0 side, to be mirrored.
        case mirroredBackgroundTable
        /// N_exp and δN_exp above each cut m0² (`CutTable`).
        case cutTable
        case referenceCurve
        /// The CSV `reach limit --table` writes, read for the figure's quantity.
        case limitTable(ObservedLimitTable.Parameter)
    }

    /// What is wrong with a named file.
    public struct Problem: Equatable {
        /// A predicate of "file 'PATH'": "not found", "is a directory", "is not a valid table, line 3: …".
        public var what: String
        /// What was expected, when the file's reader says it more precisely than the field.
        public var expected: String?

        public init(_ what: String, expected: String? = nil) {
            self.what = what
            self.expected = expected
        }
    }

    /// The problem with the file at a resolved path read as `kind`; nil when it reads.
    public var problem: (_ path: String, _ kind: Kind) -> Problem?

    public init(problem: @escaping (_ path: String, _ kind: Kind) -> Problem?) {
        self.problem = problem
    }

    /// Every file is taken as readable.
    public static var unchecked: NamedFiles { NamedFiles { _, _ in nil } }

    /// Each file read and parsed as the commands read it.
    public static var disk: NamedFiles {
        NamedFiles { path, kind in
            switch kind {
            case .backgroundTable: return BackgroundTableFile.read(path: path).failure?.problem
            case .mirroredBackgroundTable: return BackgroundTableFile.read(path: path, mirrored: true).failure?.problem
            case .cutTable: return BackgroundTableFile.readCut(path: path).failure?.problem
            case .referenceCurve: return ReferenceCurveFile.read(path: path).failure?.problem
            case .limitTable(let parameter): return ReferenceCurveFile.readLimitTable(path: path, parameter: parameter).failure?.problem
            }
        }
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
