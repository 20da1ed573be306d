import ArgumentParser
import Foundation
import Physics
import References
import Scenario

/// Loading a scenario for any subcommand: the file, or its problems on stderr and a failing
/// exit, exactly as `reach validate` reports them.
enum ScenarioInput {
    /// Ids of the bundled published limits a figure may name.
    static var knownReferenceIDs: [LeptonFlavour: Set<String>] { ScenarioLoader.bundledReferenceIDs }

    static func loadOrExit(path: String) throws -> ScenarioFile {
        try orExit(ScenarioLoader.load(path: path, knownReferenceIDs: knownReferenceIDs))
    }

    /// Every document of a file that may hold several (separated by `---`).
    static func loadAllOrExit(path: String) throws -> [ScenarioFile] {
        try orExit(ScenarioLoader.loadAll(path: path, knownReferenceIDs: knownReferenceIDs))
    }

    private static func orExit<T>(_ result: Result<T, ScenarioErrors>) throws -> T {
        switch result {
        case .success(let value):
            return value
        case .failure(let errors):
            StandardError.write(lines: errors.lines)
            throw ExitStatus.inputData
        }
    }
}

/// Lines to stderr (errors never mix into stdout, which may be a table).
enum StandardError {
    static func write(lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }
}
