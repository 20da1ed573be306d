import ArgumentParser
import Figures
import Foundation
import Physics
import Plot
import Projection
import Scenario

/// `reach plot-background`: the m²_miss spectrum before and after the veto with the signal
/// window of a chosen mass (seed 001 Fig. 2).
struct PlotBackgroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot-background",
        abstract: "Draw the background m²_miss spectrum before/after the photon veto with a signal window.",
        discussion: """
            Example (seed 001 Fig. 2, window of m_N = 150 MeV):
              reach plot-background scenarios/na62-kpi0en.yaml --mass 150MeV -o figures
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "The variant: its label or 1-based index (default: the first).")
    var variant: String?

    @Option(help: "The scenario document of a file with several: its name or 1-based index (default: the first).")
    var scenario: String?

    @Option(help: "HNL mass whose signal window (m_N² ± kσ, k as the analysis chooses it) is shaded, e.g. 150MeV.")
    var mass: String = "150MeV"

    @Option(help: "Bin width in m²_miss, with its unit.")
    var binWidth: String = "1e-3 GeV^2"

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func validate() throws {
        _ = try CommandQuantity.positive(mass, option: "--mass", as: .mass, example: "150MeV")
        _ = try BackgroundSpectrumOptions.binWidthGeV2(binWidth)
    }

    func run() throws {
        let start = DispatchTime.now()
        let massGeV = try CommandQuantity.positive(mass, option: "--mass", as: .mass, example: "150MeV")
        let width = try BackgroundSpectrumOptions.binWidthGeV2(binWidth)
        try figureOutput.checkFolder()
        let documents = try ScenarioInput.loadAllOrExit(path: file)
        let scenarioFile = try ScenarioSelector.document(scenario, in: documents)
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        let basename = (documents.count == 1 ? stem : stem + "-" + scenarioFile.documentName) + "-background"
        try OutputFile.checkDistinct(outputs: figureOutput.paths(basename: basename), from: scenarioFile.inputPaths)
        if let problem = ParameterScan.massProblem(massGeV, channel: scenarioFile.channel) {
            throw UsageFailure("--mass \(problem)")
        }
        let index = try VariantSelector.indices(variant, in: scenarioFile)?.first ?? 0
        let variantScenario = scenarioFile.variants[index]
        let spectrum: BackgroundSpectrum
        do {
            spectrum = try BackgroundSpectrum.make(for: variantScenario, channel: scenarioFile.channel, binWidthGeV2: width,
                                                   generation: simulation.generation, workers: simulation.workers)
        } catch {
            throw BackgroundSpectrumOptions.failure(error, binWidth: binWidth)
        }
        // The window the projection uses at this mass (a fixed k, or the optimal one).
        let point: SensitivityPoint
        do {
            point = try Projector(generation: simulation.generation, workers: simulation.workers)
                .point(of: scenarioFile, variant: index, massGeV: massGeV)
        } catch {
            throw InputFailure("\(error)")
        }
        let sigma = variantScenario.detector.resolutionGeV2
        let centre = massGeV * massGeV, k = point.windowK
        let choice = variantScenario.analysis.window == .optimal ? "optimal " : ""
        let figure = BackgroundFigure.make(
            bins: spectrum.bins, windowGeV2: (centre - k * sigma)...(centre + k * sigma),
            windowLabel: "signal window, <i>m</i><sub><i>N</i></sub> = \(ProjectionTable.format(massGeV * 1000)) MeV (\(choice)±\(ProjectionTable.format(k))<i>σ</i>)",
            experimentLabel: "\(BackgroundFigure.processMarkup(spectrum.process)), <i>N</i><sub><i>K</i></sub> = \(BackgroundFigure.scientificMarkup(spectrum.kaonDecays))")
        let written = try FigureFiles.write(figure, formats: figureOutput.formats, folder: figureOutput.output, basename: basename)
        Messages(quiet: quiet).summary("background spectrum of '\(variantScenario.label)' → \(written.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }
}

/// Quantities given on the command line (`--mass 135MeV`), with clear errors.
enum CommandQuantity {
    static func positive(_ text: String, option: String, as dimension: Quantity.Dimension, example: String) throws -> Double {
        switch Quantity.parse(text, as: dimension) {
        case .success(let q) where q.canonicalValue > 0: return q.canonicalValue
        case .success: throw ValidationError("\(option) \(text): expected a positive \(dimension.rawValue) like \(example)")
        case .failure(let e): throw ValidationError("\(option) \(text): \(e); expected a \(dimension.rawValue) like \(example)")
        }
    }
}
