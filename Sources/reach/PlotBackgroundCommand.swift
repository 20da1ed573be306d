import ArgumentParser
import Figures
import Foundation
import Physics
import Plot
import Projection

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

    @Option(help: "HNL mass whose signal window (m_N² ± kσ) is shaded, e.g. 150MeV.")
    var mass: String = "150MeV"

    @Option(help: "Bin width in m²_miss, with its unit.")
    var binWidth: String = "1e-3 GeV^2"

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func run() throws {
        let start = DispatchTime.now()
        let massGeV = try CommandQuantity.positive(mass, option: "--mass", as: .mass, example: "150MeV")
        let width = try CommandQuantity.positive(binWidth, option: "--bin-width", as: .massSquared, example: "1e-3 GeV^2")
        try figureOutput.checkFolder()
        let scenarioFile = try ScenarioInput.loadOrExit(path: file)
        let basename = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + "-background"
        try OutputFile.checkDistinct(outputs: figureOutput.paths(basename: basename), from: scenarioFile.inputPaths)
        let index = try VariantSelector.indices(variant, in: scenarioFile)?.first ?? 0
        var scenario = scenarioFile.variants[index]
        guard case .radiative = scenario.background else {
            throw UsageFailure("variant '\(scenario.label)' uses a background table; expected a variant with the radiative background model")
        }
        scenario.detector.backgroundAcceptance = VariantBackground.spectrumAcceptance(for: scenario)
        let model = VariantBackground.radiativeModel(for: scenario, channel: scenarioFile.channel, generation: simulation.generation, workers: simulation.workers)
        let sigma = scenario.detector.resolutionGeV2
        let bins = model.spectrum(binWidthGeV2: width, rangeGeV2: (-4 * sigma)...(model.sample.process.missingMassSquaredEndpointGeV2 + 2 * sigma))
        let k: Double
        if case .fixed(let fixedK) = scenario.analysis.window { k = fixedK } else { k = 1.4 }
        let centre = massGeV * massGeV
        let figure = BackgroundFigure.make(
            bins: bins, windowGeV2: (centre - k * sigma)...(centre + k * sigma),
            windowLabel: "signal window, <i>m</i><sub><i>N</i></sub> = \(ProjectionTable.format(massGeV * 1000)) MeV (±\(ProjectionTable.format(k))<i>σ</i>)",
            experimentLabel: "\(BackgroundFigure.processMarkup(model.sample.process)), <i>N</i><sub><i>K</i></sub> = \(BackgroundFigure.scientificMarkup(model.kaonDecays))")
        let written = try FigureFiles.write(figure, formats: figureOutput.formats, folder: figureOutput.output, basename: basename)
        Messages(quiet: quiet).summary("background spectrum of '\(scenario.label)' → \(written.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }
}

/// Quantities given on the command line (`--mass 135MeV`), with clear errors.
enum CommandQuantity {
    static func positive(_ text: String, option: String, as dimension: Quantity.Dimension, example: String) throws -> Double {
        switch Quantity.parse(text, as: dimension) {
        case .success(let q) where q.canonicalValue > 0: return q.canonicalValue
        case .success: throw UsageFailure("\(option) \(text): expected a positive \(dimension.rawValue) like \(example)")
        case .failure(let e): throw UsageFailure("\(option) \(text): \(e); expected a \(dimension.rawValue) like \(example)")
        }
    }
}
