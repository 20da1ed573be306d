import Foundation
import Physics

/// Reads a scenario file from disk and decodes it: the one entry point for every command that
/// takes a scenario (`validate`, `project`, `background`, `plot`), so they accept and reject the same files
/// with the same messages. Relative paths in the file resolve against its folder and are stored
/// absolute; named table and curve files must exist.
public enum ScenarioLoader {
    /// Larger files are not scenarios (the shipped ones are a few kB).
    public static let maximumFileBytes = 1_000_000

    /// The decoded file, or every problem found (one line each in `errors.lines`). A file with
    /// several documents is an error here; `loadAll` reads them.
    /// `overrides`: values set from outside the file (see `ScenarioOverride`).
    public static func load(
        path: String,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = BundledReferenceIDs.byFlavour,
        overrides: [ScenarioOverride] = []
    ) -> Result<ScenarioFile, ScenarioErrors> {
        loadVariations(path: path, knownReferenceIDs: knownReferenceIDs, overrideSets: [overrides]).map { $0[0] }
    }

    /// The file read once and decoded once per set of overrides (a parameter scan: one set per
    /// value), in order; or every problem found in any of them, each reported once.
    public static func loadVariations(
        path: String,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = BundledReferenceIDs.byFlavour,
        overrideSets: [[ScenarioOverride]]
    ) -> Result<[ScenarioFile], ScenarioErrors> {
        withText(path: path) { text, folder, fileExists in
            var files: [ScenarioFile] = []
            var errors: [ScenarioError] = []
            for overrides in overrideSets {
                switch ScenarioDecoder.decode(text: text, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs,
                                              fileExists: fileExists, overrides: overrides) {
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
        knownReferenceIDs: [LeptonFlavour: Set<String>] = BundledReferenceIDs.byFlavour
    ) -> Result<[ScenarioFile], ScenarioErrors> {
        withText(path: path) { text, folder, fileExists in
            ScenarioDecoder.decodeAll(text: text, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs, fileExists: fileExists)
        }
    }

    /// Reads the file and decodes its text with the file's absolute folder and a check that
    /// named files exist (and are not folders).
    private static func withText<T>(
        path: String,
        decode: (_ text: String, _ folder: String, _ fileExists: (String) -> Bool) -> Result<T, ScenarioErrors>
    ) -> Result<T, ScenarioErrors> {
        switch readText(path: path) {
        case .failure(let error):
            return .failure(ScenarioErrors([error]))
        case .success(let text):
            let manager = FileManager.default
            let absolute = path.hasPrefix("/") ? path : FilePaths.resolve(path, against: manager.currentDirectoryPath)
            return decode(text, FilePaths.directory(of: absolute)) { candidate in
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        }
    }

    /// The file's text, or why it is not a readable scenario file.
    static func readText(path: String) -> Result<String, ScenarioError> {
        func failure(_ message: String, _ expected: String) -> Result<String, ScenarioError> {
            .failure(ScenarioError(file: path, line: nil, column: nil, fieldPath: "", message: message, expected: expected))
        }
        let expected = "a scenario file in YAML (see scenarios/README.md)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return failure("no such file", expected)
        }
        guard !isDirectory.boolValue else { return failure("is a directory", expected) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return failure("cannot be opened for reading", expected) }
        defer { try? handle.close() }
        // Read at most one byte past the limit, so a huge file is not read whole.
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
        } catch {
            return failure("cannot be read (\(error.localizedDescription.quotedForMessage))", expected)
        }
        guard data.count <= maximumFileBytes else {
            return failure("is larger than \(maximumFileBytes) bytes", "a scenario file of at most 1 MB")
        }
        guard !data.isEmpty else { return failure("is empty", expected) }
        guard !data.contains(0) else { return failure("contains NUL bytes (a binary file?)", "a text file in UTF-8") }
        guard let text = String(data: data, encoding: .utf8) else {
            return failure("is not valid UTF-8 text", "a text file in UTF-8")
        }
        return .success(text)
    }
}
