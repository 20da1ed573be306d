import ArgumentParser
import Figures
import Foundation
import Plot
import Projection
import References
import Scenario

/// A figure file format.
enum FigureFormat: String, CaseIterable {
    case pdf, png, svg

    /// The plotting layer's format, PNG at `dpi`.
    func output(dpi: Double) -> OutputFormat {
        switch self {
        case .pdf: return .pdf
        case .png: return .png(dpi: dpi)
        case .svg: return .svg
        }
    }
}

/// Output formats of figures, as users write them in `--format pdf,png`.
struct FigureFormats: ExpressibleByArgument {
    var defaultValueDescription: String { formats.map(\.rawValue).joined(separator: ",") }

    var formats: [FigureFormat]

    init?(argument: String) {
        let parsed = argument.split(separator: ",").map { FigureFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
        formats = parsed.compactMap { $0 }
    }

    func formats(dpi: Double) -> [OutputFormat] { formats.map { $0.output(dpi: dpi) } }
}

/// Where and how figures are written: shared by `plot` and `plot-background`.
struct FigureOutputOptions: ParsableArguments {
    @Option(help: "Comma-separated formats: pdf, png, svg.")
    var format: FigureFormats = FigureFormats(argument: "pdf,png")!

    @Option(name: .shortAndLong, help: "Output folder (created if missing).")
    var output: String = "."

    @Option(help: "Resolution of PNG output, dots per inch.")
    var dpi: Double = 150

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    var messages: Messages { Messages(quiet: quiet) }

    func validate() throws {
        guard dpi.isFinite, dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi \(dpi): expected a resolution from 10 to 1200") }
    }

    var formats: [OutputFormat] { format.formats(dpi: dpi) }

    /// The output folder must be a folder, or creatable as one, before any work is done.
    func checkFolder() throws {
        try OutputFile.checkFolder(output)
    }

    /// The files of a figure named `basename`, one per format.
    func paths(basename: String) -> [String] {
        formats.map { FigureFiles.path(folder: output, basename: basename, format: $0) }
    }
}

/// Figures rendered in memory, to be written together (see `OutputFile.write`).
enum FigureFiles {
    /// `folder/basename.<extension>`.
    static func path(folder: String, basename: String, format: OutputFormat) -> String {
        (folder as NSString).appendingPathComponent("\(basename).\(format.fileExtension)")
    }

    /// `figure` rendered in every format, with the render model (the same for all formats).
    static func render(_ figure: Figure, formats: [OutputFormat], folder: String, basename: String) throws -> (items: [OutputFile.Item], model: RenderModel?) {
        var items: [OutputFile.Item] = []
        var model: RenderModel?
        for format in formats {
            let rendered: RenderedFigure
            do {
                rendered = try FigureRenderer.render(figure, as: format)
            } catch {
                throw RunFailure("\(basename).\(format.fileExtension): \(error)")
            }
            items.append(.init(data: rendered.data, path: path(folder: folder, basename: basename, format: format)))
            model = rendered.model
        }
        return (items, model)
    }

    /// Renders and writes one figure; the written paths.
    static func write(_ figure: Figure, formats: [OutputFormat], folder: String, basename: String) throws -> [String] {
        let rendered = try render(figure, formats: formats, folder: folder, basename: basename)
        try OutputFile.write(rendered.items, creatingFolders: [folder])
        return rendered.items.map(\.path)
    }
}

/// `reach plot`: the exclusion figure of a scenario file, beside the published limits.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a scenario's projections beside the published limits (PDF, PNG, SVG).",
        discussion: """
            One figure per scenario, named after the file (na62-kpi0en.yaml → na62-kpi0en.pdf); \
            a file of several documents gives one per document (hike.yaml → hike-kpi0en.pdf …). \
            What the figure shows — references, axis ranges, bands, ratio panel, label — comes \
            from the file's `figure:` section (see scenarios/README.md).

            Example:
              reach plot scenarios/na62-kpi0en.yaml --format pdf,png -o figures
            """
    )

    @OptionGroup var input: ScenarioOptions

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    func run() throws {
        let start = DispatchTime.now()
        let messages = figureOutput.messages
        try figureOutput.checkFolder()
        let all = try input.loadDocuments()
        let documents = try input.selectedDocuments(of: all)
        let library = try ReferenceLibrary.bundled.get()
        let progress = Progress(quiet: figureOutput.quiet)
        defer { progress.clear() }
        // One figure per document: NAME.pdf, or NAME-<document>.pdf when the file holds several.
        let basenames = documents.map { FigureNaming.basename(stem: input.stem, document: all.count > 1 ? $0.documentName : nil) }
        try OutputFile.checkDistinct(outputs: basenames.flatMap(figureOutput.paths), from: documents.flatMap(\.inputPaths))
        // Every document is projected and drawn before any file is written: a failing document
        // leaves every figure of the file as it was.
        var items: [OutputFile.Item] = []
        for (scenario, basename) in zip(documents, basenames) {
            items += try plot(scenario, variants: try input.selectedVariants(in: scenario), library: library, basename: basename,
                              messages: messages, progress: progress, document: all.count > 1 ? scenario.documentName : nil)
        }
        try OutputFile.write(items, creatingFolders: [figureOutput.output])
        messages.summary("plotted \(documents.count) figure(s) → \(items.map(\.path).joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }

    /// Projects one scenario and renders its figure in every requested format.
    private func plot(_ scenario: ScenarioFile, variants: [Int]?, library: ReferenceLibrary, basename: String, messages: Messages,
                      progress: Progress, document: String?) throws -> [OutputFile.Item] {
        let projection: DocumentProjection
        let userCurves: [ReferenceCurve]
        let userTables: [UserLimitTable]
        do {
            userCurves = try UserReferenceCurves.read(for: scenario)
            userTables = try UserLimitTable.read(for: scenario)
            projection = try Projector(generation: simulation.generation, workers: simulation.workers).project(scenario, variants: variants) {
                progress.update("projecting " + Progress.variantText($0, of: $1, document: document))
            }
        } catch {
            throw InputFailure("\(error)")
        }
        let figure = ExclusionFigure.make(file: scenario, projection: projection, library: library, userCurves: userCurves,
                                            userTables: userTables)
        progress.update("drawing \(basename)")
        let result = try FigureFiles.render(figure, formats: figureOutput.formats, folder: figureOutput.output, basename: basename)
        progress.clear()
        for warning in result.model?.warnings ?? [] { messages.warning("\(basename): \(warning)") }
        return result.items
    }
}
