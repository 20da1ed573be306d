import Foundation
import Physics

/// Reads a scenario file from disk and decodes it: the one entry point for every command that
/// takes a scenario (`validate`, `project`, `plot`), so they accept and reject the same files
/// with the same messages. Relative paths in the file resolve against its folder and are stored
/// absolute; named table and curve files must exist.
public enum ScenarioLoader {
    /// Larger files are not scenarios (the shipped ones are a few kB).
    public static let maximumFileBytes = 1_000_000

    /// The decoded file, or every problem found (one line each in `errors.lines`).
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
        let text: String
        switch readText(path: path) {
        case .failure(let error): return .failure(ScenarioErrors([error]))
        case .success(let read): text = read
        }
        let manager = FileManager.default
        let absolute = path.hasPrefix("/") ? path : FilePaths.resolve(path, against: manager.currentDirectoryPath)
        var files: [ScenarioFile] = []
        var errors: [ScenarioError] = []
        for overrides in overrideSets {
            let decoded = ScenarioDecoder.decode(
                text: text, path: path, baseDirectory: FilePaths.directory(of: absolute),
                knownReferenceIDs: knownReferenceIDs,
                fileExists: { candidate in
                    var isDirectory: ObjCBool = false
                    return manager.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue
                },
                overrides: overrides)
            switch decoded {
            case .success(let file): files.append(file)
            case .failure(let found): errors += found.errors.filter { !errors.contains($0) }
            }
        }
        return errors.isEmpty ? .success(files) : .failure(ScenarioErrors(errors))
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
