import ArgumentParser
import Scenario

/// `reach validate FILE...`: decode each scenario file and print what was understood (channel,
/// mass grid, N_K per variant, detector, statistic), or every problem, one line each on stderr.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and print what they resolve to.",
        discussion: """
            Every problem in a file is reported as 'file:line:column: field: what is wrong; expected what'. \
            A file may hold several scenario documents separated by '---'; each is checked and summarised \
            under its name. The exit status is non-zero if any file has a problem.

            Example:
              reach validate scenarios/na62-kpi0en.yaml scenarios/hike.yaml
            """
    )

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one scenario file.") }
    }

    func run() throws {
        var failed = false
        var summaries = 0
        for path in files {
            switch ScenarioLoader.loadAll(path: path) {
            case .success(let documents):
                if summaries > 0 { print("") }
                summaries += 1
                ScenarioSummary.lines(forDocuments: documents).forEach { print($0) }
            case .failure(let errors):
                failed = true
                StandardError.write(lines: errors.lines)
            }
        }
        if failed { throw ExitStatus.inputData }
    }
}
