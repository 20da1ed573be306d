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
            one per channel): all of them go into one table, in file order. The CSV's columns \
            scenario and channel name each row's document (its 'name', or the channel's default \
            kpi0en, ken, kmun, kpi0mun) and its channel, and confidence and statistic its \
            variant's analysis; they are written for single-document files too. The JSON of one document is one object with a "scenario" \
            key; of several, {"scenarios": [one such object per document]}. --variant applies to \
            every document; --scenario keeps one.

            Example:
              reach project scenarios/na62-kpi0en.yaml --format csv -o kpi0en.csv
            """
    )

    @OptionGroup var input: ScenarioOptions

    @Option(help: "Output format: csv or json.")
    var format: TableFormat = .csv

    @OptionGroup var output: TableOutputOptions

    @OptionGroup var simulation: SimulationOptions

    func run() throws {
        let start = DispatchTime.now()
        let messages = output.messages
        let documents = try input.selectedDocuments(of: input.loadDocuments())
        try output.check(against: documents)
        let selections = try documents.map { try input.selectedVariants(in: $0) }
        let projector = Projector(generation: simulation.generation, workers: simulation.workers)
        let progress = Progress(quiet: output.quiet)
        defer { progress.clear() }
        let projections: [DocumentProjection]
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
        try output.emit(format == .csv ? ProjectionTable.csv(projections) : ProjectionTable.json(projections))
        let curves = projections.reduce(0) { $0 + $1.curves.count }
        let rows = projections.reduce(0) { $0 + $1.curves.reduce(0) { $0 + $1.points.count } }
        let what = projections.count == 1
            ? "\(curves) variant(s) × \(rows / max(curves, 1)) masses"
            : "\(projections.count) scenario documents, \(curves) variants, \(rows) rows"
        messages.summary("projected \(what) → \(output.destination) in \(elapsedSeconds(since: start))")
    }
}
