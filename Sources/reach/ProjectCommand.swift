import ArgumentParser
import Foundation
import Projection
import Scenario

/// `reach project`: the sensitivity table of a scenario file, one row per variant and mass.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project a scenario into |U|² sensitivity curves, written as CSV or JSON.",
        discussion: """
            For each variant and mass: B/|U|², N_K, acceptance, window, signal per |U|², background \
            and its uncertainty, veto pass fraction, and |U|² for detection, median exclusion and \
            CLs (median and ±1σ/±2σ band edges).

            A file may hold several scenario documents separated by '---' (one figure each, e.g. \
            one per channel): all of them go into one table, in file order. The CSV's last two \
            columns, scenario and channel, name each row's document (its 'name', or the channel's \
            default kpi0en, ken, kmun, kpi0mun) and its channel; they are written for \
            single-document files too. The JSON of one document is one object with a "scenario" \
            key; of several, {"scenarios": [one such object per document]}. --variant applies to \
            every document; --scenario keeps one.

            Example:
              reach project scenarios/na62-kpi0en.yaml --format csv -o kpi0en.csv
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Only this variant: its label or 1-based index.")
    var variant: String?

    @Option(help: "Only this scenario document of a file with several: its name or 1-based index.")
    var scenario: String?

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
        let documents = try ScenarioSelector.documents(scenario, in: ScenarioInput.loadAllOrExit(path: file))
        try OutputFile.checkDistinct(outputs: [output].compactMap { $0 }, from: documents.flatMap(\.inputPaths))
        let selections = try documents.map { try VariantSelector.indices(variant, in: $0) }
        let projector = Projector(generation: simulation.generation, workers: simulation.workers)
        let progress = Progress(quiet: quiet)
        defer { progress.clear() }
        let projections: [Projection]
        do {
            projections = try zip(documents, selections).map { document, selection in
                let name = documents.count > 1 ? document.documentName : nil
                return try projector.project(document, variants: selection) { progress.update("projecting " + Progress.variantText($0, of: $1, document: name)) }
            }
        } catch {
            throw InputFailure("\(error)")
        }
        progress.clear()
        ProjectionTable.warnings(projections).forEach(messages.warning)
        let text = format == .csv ? ProjectionTable.csv(projections) : ProjectionTable.json(projections)
        try OutputFile.emit(text, to: output)
        let curves = projections.reduce(0) { $0 + $1.curves.count }
        let rows = projections.reduce(0) { $0 + $1.curves.reduce(0) { $0 + $1.points.count } }
        let what = projections.count == 1
            ? "\(curves) variant(s) × \(rows / max(curves, 1)) masses"
            : "\(projections.count) scenario documents, \(curves) variants, \(rows) rows"
        messages.summary("projected \(what) → \(output ?? "stdout") in \(elapsedSeconds(since: start))")
    }
}
