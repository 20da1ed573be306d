import ArgumentParser
import Scenario

/// `--scenario`: one document of a file with several (separated by `---`), by its name or its
/// 1-based position in the file.
enum ScenarioSelector {
    /// The selected document; all of them when `selector` is nil.
    static func documents(_ selector: String?, in documents: [ScenarioFile]) throws -> [ScenarioFile] {
        guard let selector else { return documents }
        return [try document(selector, in: documents)]
    }

    /// The selected document; the first when `selector` is nil.
    static func document(_ selector: String?, in documents: [ScenarioFile]) throws -> ScenarioFile {
        guard let first = documents.first else { throw InputFailure("the scenario file holds no document") }
        guard let selector else { return first }
        if let match = documents.first(where: { $0.documentName == selector }) { return match }
        if let number = Int(selector), number >= 1, number <= documents.count { return documents[number - 1] }
        let names = documents.enumerated().map { "\($0.offset + 1) '\($0.element.documentName)'" }.joined(separator: ", ")
        throw UsageFailure("--scenario \(selector): no such scenario document in \(first.path); expected a name or 1-based index: \(names)")
    }
}
