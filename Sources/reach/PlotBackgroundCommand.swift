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

    @OptionGroup var input: ScenarioOptions

    @Option(help: "HNL mass whose signal window (m_N² ± kσ, k as the analysis chooses it) is shaded, e.g. 150MeV.")
    var mass: MassArgument = MassArgument(argument: "150MeV")!

    @Option(help: "Bin width in m²_miss, with its unit.")
    var binWidth: SquaredMassArgument = SquaredMassArgument(argument: "1e-3 GeV^2")!

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        _ = try mass.positiveValue(option: "--mass")
        _ = try binWidth.positiveValue(option: "--bin-width")
    }

    func run() throws {
        let start = DispatchTime.now()
        let massGeV = try mass.positiveValue(option: "--mass")
        let width = try binWidth.positiveValue(option: "--bin-width")
        try figureOutput.checkFolder()
        let documents = try input.loadDocuments()
        let document = try input.selectedDocument(of: documents)
        let basename = FigureNaming.basename(stem: input.stem, document: documents.count > 1 ? document.documentName : nil, suffix: "background")
        try OutputFile.checkDistinct(outputs: figureOutput.paths(basename: basename), from: document.inputPaths)
        if let problem = ParameterScan.massProblem(massGeV, channel: document.channel) {
            throw UsageFailure("--mass \(problem)")
        }
        let index = try input.selectedVariant(in: document)
        let variant = document.variants[index]
        let spectrum = try BackgroundSpectrumOptions.spectrum(of: variant, in: document, binWidthGeV2: width, written: binWidth.text,
                                                              simulation: simulation)
        // The window the projection uses at this mass (a fixed k, or the optimal one).
        let point: SensitivityPoint
        do {
            point = try Projector(generation: simulation.generation, workers: simulation.workers)
                .point(of: document, variant: index, massGeV: massGeV)
        } catch {
            throw InputFailure("\(error)")
        }
        let centre = massGeV * massGeV, k = point.windowK
        let sigma = variant.detector.resolution.sigmaGeV2(atMissingMassSquaredGeV2: centre)
        let choice = variant.analysis.window == .optimal ? "optimal " : ""
        let figure = BackgroundFigure.make(
            bins: spectrum.bins, windowGeV2: (centre - k * sigma)...(centre + k * sigma),
            windowLabel: "signal window, <i>m</i><sub><i>N</i></sub> = \(TableFormatting.format(massGeV * 1000)) MeV (\(choice)±\(TableFormatting.format(k))<i>σ</i>)",
            experimentLabel: spectrum.components.count > 1
                ? "<i>N</i><sub><i>K</i></sub> = \(BackgroundFigure.scientificMarkup(spectrum.kaonDecays))"
                : "\(BackgroundFigure.processMarkup(spectrum.process)), <i>N</i><sub><i>K</i></sub> = \(BackgroundFigure.scientificMarkup(spectrum.kaonDecays))",
            components: spectrum.components)
        let written = try FigureFiles.write(figure, formats: figureOutput.formats, folder: figureOutput.output, basename: basename)
        figureOutput.messages.summary("background spectrum of '\(variant.label)' → \(written.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }
}
