import ArgumentParser
import Foundation
import Physics
import Projection
import Scenario
import Simulation

/// `reach background`: the reconstructed m²_miss spectrum of the radiative background, before and
/// after the photon veto, for one variant's N_K — the counterpart of seed 001's Fig. 2.
struct BackgroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "background",
        abstract: "Write the reconstructed m²_miss background spectrum (before/after the veto) as CSV.",
        discussion: """
            Columns: m2_GeV2 (bin centre), events_before_veto, events_after_veto, \
            uncertainty_after_veto — events per bin for the variant's N_K; the bin width and the \
            normalisation are stated in header comments.

            Example:
              reach background scenarios/na62-kpi0en.yaml --variant 1 -o background.csv
            """
    )

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "The variant: its label or 1-based index (default: the first).")
    var variant: String?

    @Option(help: "The scenario document of a file with several: its name or 1-based index (default: the first).")
    var scenario: String?

    @Option(help: "Bin width in m²_miss, with its unit (e.g. 5e-4 GeV^2).")
    var binWidth: String = "5e-4 GeV^2"

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @OptionGroup var simulation: SimulationOptions

    @Flag(help: "No summary line on stderr.")
    var quiet = false

    func validate() throws {
        _ = try binWidthGeV2()
    }

    func run() throws {
        let start = DispatchTime.now()
        let width = try binWidthGeV2()
        try OutputFile.checkDestination(output)
        let scenarioFile = try ScenarioSelector.document(scenario, in: ScenarioInput.loadAllOrExit(path: file))
        try OutputFile.checkDistinct(outputs: [output].compactMap { $0 }, from: scenarioFile.inputPaths)
        let index = try VariantSelector.indices(variant, in: scenarioFile)?.first ?? 0
        let variantScenario = scenarioFile.variants[index]
        let spectrum: BackgroundSpectrum
        do {
            spectrum = try BackgroundSpectrum.make(for: variantScenario, channel: scenarioFile.channel, binWidthGeV2: width,
                                                   generation: simulation.generation, workers: simulation.workers)
        } catch {
            throw BackgroundSpectrumOptions.failure(error, binWidth: binWidth)
        }
        try OutputFile.emit(spectrum.csv(header: [
            "reach background: \(scenarioFile.channel.name), variant '\(variantScenario.label)'",
            "events per bin of width \(ProjectionTable.format(width)) GeV^2 for N_K = \(ProjectionTable.format(spectrum.kaonDecays)), background acceptance \(ProjectionTable.format(spectrum.acceptance))",
            "generator: \(simulation.statistics.events) events, seed \(simulation.seed); veto and resolution of the variant",
        ]), to: output)
        Messages(quiet: quiet).summary("background spectrum of '\(variantScenario.label)', \(spectrum.bins.count) bins → \(output ?? "stdout") in \(elapsedSeconds(since: start))")
    }
}

extension BackgroundCommand {
    private func binWidthGeV2() throws -> Double { try BackgroundSpectrumOptions.binWidthGeV2(binWidth) }
}

/// What `background` and `plot-background` share about the spectrum's options.
enum BackgroundSpectrumOptions {
    /// --bin-width in GeV², positive.
    static func binWidthGeV2(_ text: String) throws -> Double {
        switch Quantity.parse(text, as: .massSquared) {
        case .success(let q) where q.canonicalValue > 0: return q.canonicalValue
        case .success: throw ValidationError("--bin-width \(text): expected a positive squared mass like 5e-4 GeV^2")
        case .failure(let e): throw ValidationError("--bin-width \(text): \(e); expected a squared mass like 5e-4 GeV^2")
        }
    }

    /// A spectrum problem as the command line's error: the bin width, or the variant chosen.
    static func failure(_ problem: BackgroundSpectrum.Problem, binWidth: String) -> UsageFailure {
        if case .binWidth = problem { return UsageFailure("--bin-width \(binWidth): \(problem)") }
        return UsageFailure("\(problem)")
    }
}

