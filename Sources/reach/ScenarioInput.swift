import ArgumentParser
import Foundation
import References
import Scenario

/// Loading a scenario for any subcommand: the file, or its problems on stderr and a failing
/// exit, exactly as `reach validate` reports them.
enum ScenarioInput {
    static func loadOrExit(path: String) throws -> ScenarioFile {
        let knownIDs = (try? ReferenceLibrary.bundled.get().knownIDs) ?? BundledReferenceIDs.byFlavour
        switch ScenarioLoader.load(path: path, knownReferenceIDs: knownIDs) {
        case .success(let file):
            return file
        case .failure(let errors):
            StandardError.write(lines: errors.lines)
            throw ExitCode.failure
        }
    }
}

/// Lines to stderr (errors never mix into stdout, which may be a table).
enum StandardError {
    static func write(lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
