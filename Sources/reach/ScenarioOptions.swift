import ArgumentParser
import Scenario

/// The scenario a command reads: the file, one of its documents (`--scenario`) and one of its
/// variants (`--variant`), shared by every command that reads scenarios so that they select
/// alike. Selectors that name nothing in the file are command-line errors (exit status 64).
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "A scenario document of a file with several, by its name or 1-based index (default: every document where the command shows several, else the first).")
    var scenario: String?

    @Option(help: "A variant, by its label or 1-based index (default: every variant where the command shows several, else the first).")
    var variant: String?

    /// Every document of the file, or every problem in it on stderr and exit status 65.
    func loadDocuments() throws -> [ScenarioFile] {
        try ScenarioInput.loadAllOrExit(path: file)
    }

    /// The documents `--scenario` keeps (all when not given).
    func selectedDocuments(of documents: [ScenarioFile]) throws -> [ScenarioFile] {
        try ScenarioSelector.documents(scenario, in: documents)
    }

    /// The document `--scenario` names (the first when not given).
    /// A combination (`combine:`) has no background or spectrum of its own: these commands take
    /// one of its parts.
    func selectedDocument(of documents: [ScenarioFile]) throws -> ScenarioFile {
        let document = try ScenarioSelector.document(scenario, in: documents)
        if let combination = document.combination {
            let parts = combination.parts.map { "'\($0.document.documentName)'" }.joined(separator: ", ")
            throw UsageFailure("--scenario \(scenario ?? document.documentName): '\(document.documentName)' combines \(parts); this command reads one of them (--scenario NAME), or use reach project / plot / export for the combination")
        }
        return document
    }

    /// The variants `--variant` keeps in `document` (nil: all of them).
    func selectedVariants(in document: ScenarioFile) throws -> [Int]? {
        try VariantSelector.indices(variant, in: document)
    }

    /// The variant `--variant` names in `document` (the first when not given).
    func selectedVariant(in document: ScenarioFile) throws -> Int {
        try selectedVariants(in: document)?.first ?? 0
    }

    /// The file's name without folder and extension, the stem of figure names.
    var stem: String { FigureNaming.stem(of: file) }
}

/// Where a table goes and how much is said about it: shared by `project`, `background`, `scan`.
struct TableOutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output file; - or none: standard output.")
    var output: String?

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    var messages: Messages { Messages(quiet: quiet) }

    /// Where the summary line says the table went.
    var destination: String { output ?? "stdout" }

    /// The output must be writable before any work is done, and must not be an input.
    func check(against documents: [ScenarioFile], extra: [String] = []) throws {
        try OutputFile.checkDestination(output)
        try OutputFile.checkDistinct(outputs: [output].compactMap { $0 } + extra, from: documents.flatMap(\.inputPaths))
    }

    func emit(_ text: String) throws { try OutputFile.emit(text, to: output) }
}

/// Table formats of `project` and `scan`.
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json
}
