import ArgumentParser
import Foundation
import Projection

/// `reach project`: the sensitivity table of a scenario file, one row per variant and mass.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project a scenario into |U|² sensitivity curves, written as CSV or JSON.",
        discussion: """
            For each variant and mass: B/|U|², N_K, acceptance, window, signal per |U|², background \
            and its uncertainty, veto pass fraction, and |U|² for detection, median exclusion and \
            CLs (median and ±1σ/±2σ band edges).

            Example:
              reach project scenarios/na62-kpi0en.yaml --format csv -o kpi0en.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Only this variant: its label or 1-based index.")
    var variant: String?

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func run() throws {
        let start = DispatchTime.now()
        let messages = Messages(quiet: quiet)
        try OutputFile.checkDestination(output)
        let scenario = try ScenarioInput.loadOrExit(path: file)
        let indices = try VariantSelector.indices(variant, in: scenario)
        let projector = Projector(generation: simulation.generation, jobs: simulation.jobs)
        let projection: Projection
        do {
            projection = try projector.project(scenario, variants: indices)
        } catch {
            throw RunFailure("\(error)")
        }
        ProjectionTable.warnings(projection).forEach(messages.warning)
        let text = format == .csv ? ProjectionTable.csv(projection) : ProjectionTable.json(projection)
        try OutputFile.emit(text, to: output)
        let rows = projection.curves.reduce(0) { $0 + $1.points.count }
        messages.summary("projected \(projection.curves.count) variant(s) × \(rows / max(projection.curves.count, 1)) masses → \(output ?? "stdout") in \(elapsedSeconds(since: start))")
    }
}
