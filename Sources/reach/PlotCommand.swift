import ArgumentParser
import Figures
import Foundation
import Plot
import Projection
import References
import Scenario

/// Output formats of figures, as users write them in `--format pdf,png`.
struct FigureFormats: ExpressibleByArgument {
    var defaultValueDescription: String { names.joined(separator: ",") }

    var names: [String]

    init?(argument: String) {
        let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !names.isEmpty, names.allSatisfy({ ["pdf", "png", "svg"].contains($0) }) else { return nil }
        self.names = names
    }

    func formats(dpi: Double) -> [OutputFormat] {
        names.map { $0 == "pdf" ? .pdf : $0 == "svg" ? .svg : .png(dpi: dpi) }
    }
}

/// Where and how figures are written: shared by `plot` and `plot-background`.
struct FigureOutputOptions: ParsableArguments {
    @Option(help: "Comma-separated formats: pdf, png, svg.")
    var format: FigureFormats = FigureFormats(argument: "pdf,png")!

    @Option(name: .shortAndLong, help: "Output folder (must exist).")
    var output: String = "."

    @Option(help: "Resolution of PNG output, dots per inch.")
    var dpi: Double = 150

    func validate() throws {
        guard dpi.isFinite, dpi >= 10, dpi <= 1200 else { throw ValidationError("--dpi \(dpi): expected a resolution from 10 to 1200") }
    }

    var formats: [OutputFormat] { format.formats(dpi: dpi) }
    var folder: URL { URL(fileURLWithPath: output) }

    /// The output folder must exist before any work is done.
    func checkFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RunFailure("-o \(output): no such folder; expected an existing folder for the figures")
        }
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

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func run() throws {
        let start = DispatchTime.now()
        let messages = Messages(quiet: quiet)
        try figureOutput.checkFolder()
        let documents = try ScenarioInput.loadAllOrExit(path: file)
        let library = try ReferenceLibrary.bundled.get()
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let progress = Progress(quiet: quiet)
        defer { progress.clear() }
        var written: [String] = []
        for scenario in documents {
            // One figure per document: NAME.pdf, or NAME-<document>.pdf when the file holds several.
            let basename: String = documents.count == 1 ? stem : stem + "-" + scenario.documentName
            let files: [URL] = try plot(scenario, library: library, basename: basename, messages: messages, progress: progress,
                                        document: documents.count > 1 ? scenario.documentName : nil)
            for url in files { written.append(figureOutput.output + "/" + url.lastPathComponent) }
        }
        messages.summary("plotted \(documents.count) figure(s) → \(written.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }

    /// Projects one scenario and writes its figure in every requested format.
    private func plot(_ scenario: ScenarioFile, library: ReferenceLibrary, basename: String, messages: Messages,
                      progress: Progress, document: String?) throws -> [URL] {
        let projection: Projection
        let userCurves: [ReferenceCurve]
        do {
            userCurves = try UserReferenceCurves.read(for: scenario)
            projection = try Projector(generation: simulation.generation, jobs: simulation.jobs).project(scenario) {
                progress.update("projecting " + Progress.variantText($0, of: $1, document: document))
            }
        } catch {
            throw RunFailure("\(error)")
        }
        let figure = ExclusionFigure.make(file: scenario, projection: projection, library: library, userCurves: userCurves)
        let result: (files: [URL], model: RenderModel?)
        progress.update("drawing \(basename)")
        do {
            result = try FigureRenderer.write(figure, formats: figureOutput.formats, to: figureOutput.folder, basename: basename)
        } catch {
            throw RunFailure("\(error)")
        }
        progress.clear()
        for warning in result.model?.warnings ?? [] { messages.warning("\(basename): \(warning)") }
        return result.files
    }
}
