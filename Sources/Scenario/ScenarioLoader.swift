import Foundation
import Physics
import References

/// Reads a scenario file from disk and decodes it: the one entry point for every command that
/// takes a scenario (`validate`, `project`, `background`, `plot`), so they accept and reject the same files
/// with the same messages. Relative paths in the file resolve against its folder and are stored
/// absolute; named table and curve files are read and checked (`NamedFiles.disk`).
public enum ScenarioLoader {
    /// Larger files are not scenarios (the shipped ones are a few kB).
    public static let maximumFileBytes = 1_000_000

    /// Ids of the published limits shipped with `reach` (the reference library's manifest), per
    /// flavour, aliases included; none when the library cannot be loaded (a broken installation,
    /// which the figure reports).
    public static var bundledReferenceIDs: [LeptonFlavour: Set<String>] {
        (try? ReferenceLibrary.bundled.get().knownIDs) ?? [:]
    }

    /// The decoded file, or every problem found (one line each in `errors.lines`). A file with
    /// several documents is an error here; `loadAll` reads them.
    /// `overrides`: values set from outside the file (see `ScenarioOverride`).
    public static func load(
        path: String,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs,
        overrides: [ScenarioOverride] = []
    ) -> Result<ScenarioFile, ScenarioErrors> {
        loadVariations(path: path, knownReferenceIDs: knownReferenceIDs, overrideSets: [overrides]).map { $0[0] }
    }

    /// The file read once and decoded once per set of overrides (a parameter scan: one set per
    /// value), in order; or every problem found in any of them, each reported once. With
    /// `document` (0-based), the file may hold several documents and that one is returned, the
    /// overrides written into it alone.
    public static func loadVariations(
        path: String,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs,
        overrideSets: [[ScenarioOverride]],
        document: Int? = nil
    ) -> Result<[ScenarioFile], ScenarioErrors> {
        withText(path: path) { text, folder in
            var files: [ScenarioFile] = []
            var errors: [ScenarioError] = []
            for overrides in overrideSets {
                let decoded = document.map {
                    ScenarioDecoder.decode(text: text, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs,
                                           files: .disk, overrides: overrides, document: $0)
                } ?? ScenarioDecoder.decode(text: text, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs,
                                            files: .disk, overrides: overrides)
                switch decoded {
                case .success(let file): files.append(file)
                case .failure(let found): errors += found.errors.filter { !errors.contains($0) }
                }
            }
            return errors.isEmpty ? .success(files) : .failure(ScenarioErrors(errors))
        }
    }

    /// Every document of the file (YAML documents separated by `---`), in file order, or every
    /// problem found in any of them.
    public static func loadAll(
        path: String,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs
    ) -> Result<[ScenarioFile], ScenarioErrors> {
        withText(path: path) { text, folder in
            ScenarioDecoder.decodeAll(text: text, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs, files: .disk)
        }
    }

    /// Reads the file and decodes its text with the file's absolute folder, reading the tables
    /// and curves it names through the readers the projection and the figure use.
    private static func withText<T>(
        path: String,
        decode: (_ text: String, _ folder: String) -> Result<T, ScenarioErrors>
    ) -> Result<T, ScenarioErrors> {
        switch readText(path: path) {
        case .failure(let error):
            return .failure(ScenarioErrors([error]))
        case .success(let text):
            let absolute = path.hasPrefix("/") ? path : FilePaths.resolve(path, against: FileManager.default.currentDirectoryPath)
            return decode(text, FilePaths.directory(of: absolute))
        }
    }

    /// The file's text, or why it is not a readable scenario file (a FIFO or a device is refused
    /// before it is opened, so loading never waits on one).
    static func readText(path: String) -> Result<String, ScenarioError> {
        InputFile.readText(path: path, maximumBytes: maximumFileBytes).mapError { problem in
            let expected: String
            switch problem {
            case .larger: expected = "a scenario file of at most 1 MB"
            case .binary, .notUTF8: expected = "a text file in UTF-8"
            default: expected = "a scenario file in YAML (see scenarios/README.md)"
            }
            let message = problem == .notFound ? "no such file" : problem.phrase
            return ScenarioError(file: path, line: nil, column: nil, fieldPath: "", message: message, expected: expected)
        }
    }
}
