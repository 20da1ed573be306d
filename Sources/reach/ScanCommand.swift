import ArgumentParser
import Figures
import Plot
import Foundation
import Physics
import Projection
import References
import Scenario

/// `reach scan`: the limit at one HNL mass against one numeric scenario key — what a better veto,
/// resolution or trigger buys. Each value is written into the variant's YAML tree and decoded
/// with the rules of a scenario file; the projection is `reach project`'s at that mass.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "The |U|² limit at one mass as one scenario key takes a list of values (CSV or JSON).",
        discussion: """
            --parameter names a numeric key of a projection by its path in the file, below base \
            or a variant (detector.resolution, detector.veto.hermetic_angle, \
            detector.veto.inefficiency, detector.signal_acceptance, exposure.streams[0].prescale, \
            analysis.background_uncertainty, analysis.window, …). Values are written as in the \
            file: with a unit where the key has one (30mrad), plain numbers otherwise. The value \
            replaces the key in the chosen variant (the first unless --variant names one).

            Columns: value, unit, then |U|² for detection, median exclusion and CLs (median and \
            band edges), the background b and the signal per |U|² in the window.

            Example:
              reach scan scenarios/na62-kpi0en.yaml --mass 135MeV \\
                --parameter detector.veto.hermetic_angle --values 30mrad,50mrad,75mrad,100mrad,150mrad

            A second --parameter/--values pair scans the grid of both (columns value_1, unit_1, \\
            value_2, unit_2, then the limits), and --plot draws it as a heat map of the CLs \\
            expected median with labelled contours:
              reach scan scenarios/na62-kpi0en.yaml --mass 135MeV \\
                --parameter detector.veto.hermetic_angle --values 30mrad,50mrad,100mrad \\
                --parameter exposure.streams[0].kaon_decays --values 4.5e12,4.5e13
            """
    )

    @OptionGroup var input: ScenarioOptions

    @Option(parsing: .unconditional, help: "HNL mass, with its unit (e.g. 135MeV).")
    var mass: MassArgument

    @Option(help: "Path of a numeric key in the file, below base or a variant (e.g. detector.veto.hermetic_angle); give two for a grid.")
    var parameter: [String]

    @Option(parsing: .unconditionalSingleValue, help: "Comma-separated values of the key, with units where it has one (e.g. 30mrad,50mrad); one list per --parameter.")
    var values: [String]

    @Option(help: "Output format: csv or json.")
    var format: TableFormat = .csv

    @OptionGroup var output: TableOutputOptions

    @OptionGroup var simulation: SimulationOptions

    @Option(help: "Also draw the scan into this folder, created if missing (PDF and PNG, named after the file and the parameter).")
    var plot: String?

    func validate() throws {
        _ = try mass.value(option: "--mass")
        guard (1...2).contains(parameter.count), values.count == parameter.count else {
            throw ValidationError("--parameter and --values: expected one pair (a scan) or two pairs (a grid), each --parameter with its --values; got \(parameter.count) and \(values.count)")
        }
        for index in parameter.indices {
            _ = try scenarioParameter(index)
            _ = try valueList(index)
        }
        if parameter.count == 2, parameter[0] == parameter[1] {
            throw ValidationError("--parameter \(parameter[0]) given twice; expected two different keys for a grid")
        }
    }

    func run() throws {
        let start = DispatchTime.now()
        let messages = output.messages
        if let plot {
            try OutputFile.checkFolder(plot, option: "--plot", what: "the figure")
        }
        let progress = Progress(quiet: output.quiet)
        defer { progress.clear() }
        let documents = try input.loadDocuments()
        let document = try input.selectedDocument(of: documents)
        let basename = FigureNaming.basename(stem: input.stem, document: documents.count > 1 ? document.documentName : nil,
                                             suffix: "scan-" + parameter.map(FigureNaming.slug).joined(separator: "-"))
        let plotPaths = plot.map { folder in [OutputFormat.pdf, .png(dpi: 150)].map { FigureFiles.path(folder: folder, basename: basename, format: $0) } } ?? []
        try output.check(against: [document], extra: plotPaths)
        if parameter.count == 2 {
            let grid = try Self.grid(path: input.file, documents: documents, document: document, variant: try input.selectedVariant(in: document),
                                     massGeV: try mass.value(option: "--mass"), parameters: (try scenarioParameter(0), try scenarioParameter(1)),
                                     values: (try valueList(0), try valueList(1)), simulation: simulation) { progress.update("scanning point \($0)/\($1)") }
            progress.clear()
            grid.rows.flatMap(ParameterScanTable.warnings).forEach(messages.warning)
            try output.emit(format == .csv ? ParameterGrid.csv(grid) : ParameterGrid.json(grid))
            if let plot {
                let written = try FigureFiles.write(GridFigure.make(grid, streams: document.variants[try input.selectedVariant(in: document)].exposure.streams), formats: [.pdf, .png(dpi: 150)], folder: plot, basename: basename)
                messages.summary("grid figure → \(written.joined(separator: ", "))")
            }
            messages.summary("scanned \(grid.first.path) × \(grid.second.path) over \(grid.firstValues.count) × \(grid.secondValues.count) values at \(TableFormatting.format(grid.rows[0].massGeV * 1000)) MeV, variant '\(grid.rows[0].variant)' → \(output.destination) in \(elapsedSeconds(since: start))")
            return
        }
        let scan = try Self.scan(path: input.file, documents: documents, document: document, variant: try input.selectedVariant(in: document),
                                 massGeV: try mass.value(option: "--mass"), parameter: try scenarioParameter(0),
                                 values: try valueList(0), simulation: simulation) { progress.update("scanning value \($0)/\($1)") }
        progress.clear()
        ParameterScanTable.warnings(scan).forEach(messages.warning)
        try output.emit(format == .csv ? ParameterScanTable.csv(scan) : ParameterScanTable.json(scan))
        if let plot {
            let written = try FigureFiles.write(ScanFigure.make(scan), formats: [.pdf, .png(dpi: 150)], folder: plot, basename: basename)
            messages.summary("scan figure → \(written.joined(separator: ", "))")
        }
        messages.summary("scanned \(scan.parameter.path) over \(scan.points.count) value(s) at \(TableFormatting.format(scan.massGeV * 1000)) MeV, variant '\(scan.variant)' → \(output.destination) in \(elapsedSeconds(since: start))")
    }

    /// The data of a scan, for tables and figures: the file checked as written, the variant
    /// chosen, the file decoded once per value and projected at one mass. Problems in the file
    /// or the values go to stderr, one line each, and exit with failure.
    static func scan(path: String, documents: [ScenarioFile], document scenarioFile: ScenarioFile, variant index: Int, massGeV: Double,
                     parameter: ScenarioParameter, values: [String],
                     simulation: SimulationOptions, progress: ((Int, Int) -> Void)? = nil) throws -> ParameterScan {
        let documentIndex = documents.firstIndex { $0.documentName == scenarioFile.documentName } ?? 0
        if let problem = ParameterScan.massProblem(massGeV, channel: scenarioFile.channel) {
            throw UsageFailure("--mass \(problem)")
        }
        let overrideSets = values.map { [ScenarioOverride(parameter: parameter, value: $0, variantIndex: index, origin: "--values")] }
        let variations = try Self.variations(path: path, documents: documents, documentIndex: documentIndex, overrideSets: overrideSets)
        let projector = Projector(generation: simulation.generation, workers: simulation.workers)
        do {
            return try projector.scan(variations, values: values, parameter: parameter, variant: index, massGeV: massGeV, progress: progress)
        } catch {
            throw InputFailure("\(error)")
        }
    }

    /// The file decoded once per set of overrides (problems to stderr, one line each, and the
    /// input-data exit status): what a scan or a grid projects.
    private static func variations(path: String, documents: [ScenarioFile], documentIndex: Int,
                                   overrideSets: [[ScenarioOverride]]) throws -> [ScenarioFile] {
        switch ScenarioLoader.loadVariations(path: path, knownReferenceIDs: ScenarioInput.knownReferenceIDs, overrideSets: overrideSets,
                                             document: documents.count > 1 ? documentIndex : nil) {
        case .success(let files): return files
        case .failure(let errors):
            StandardError.write(lines: errors.lines)
            throw ExitStatus.inputData
        }
    }

    /// The grid of two parameters: the file decoded once per pair of values (second-major) and
    /// projected at one mass, as `scan` does for one.
    static func grid(path: String, documents: [ScenarioFile], document scenarioFile: ScenarioFile, variant index: Int, massGeV: Double,
                     parameters: (ScenarioParameter, ScenarioParameter), values: ([String], [String]),
                     simulation: SimulationOptions, progress: ((Int, Int) -> Void)? = nil) throws -> ParameterGrid {
        let documentIndex = documents.firstIndex { $0.documentName == scenarioFile.documentName } ?? 0
        if let problem = ParameterScan.massProblem(massGeV, channel: scenarioFile.channel) {
            throw UsageFailure("--mass \(problem)")
        }
        let overrideSets = values.1.flatMap { second in
            values.0.map { first in
                [ScenarioOverride(parameter: parameters.0, value: first, variantIndex: index, origin: "--values"),
                 ScenarioOverride(parameter: parameters.1, value: second, variantIndex: index, origin: "--values")]
            }
        }
        let variations = try Self.variations(path: path, documents: documents, documentIndex: documentIndex, overrideSets: overrideSets)
        let projector = Projector(generation: simulation.generation, workers: simulation.workers)
        do {
            return try projector.grid(variations, first: parameters.0, firstValues: values.0, second: parameters.1, secondValues: values.1,
                                      variant: index, massGeV: massGeV, progress: progress)
        } catch {
            throw InputFailure("\(error)")
        }
    }

    private func scenarioParameter(_ index: Int) throws -> ScenarioParameter {
        switch ScenarioParameter.parse(parameter[index]) {
        case .success(let parsed): return parsed
        case .failure(let error): throw ValidationError("--parameter \(error)")
        }
    }

    /// The values of the `index`-th pair, split at commas; none may be empty.
    private func valueList(_ index: Int) throws -> [String] {
        let text = values[index]
        let list = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !list.contains(where: \.isEmpty) else {
            throw ValidationError("--values '\(text)': an empty value; expected comma-separated values like 30mrad,50mrad")
        }
        return list
    }
}
