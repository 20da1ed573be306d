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

    /// More bins than this is a typo in --bin-width, not a spectrum.
    static let maximumBins = 100_000

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
        let scenario = scenarioFile.variants[index]
        if case .table(let path, _) = scenario.background {
            throw UsageFailure("variant '\(scenario.label)' uses the background table \(path); expected a variant with the radiative background model")
        }
        // The spectrum's range: from −5σ to 3σ beyond the background's m²_miss endpoint.
        let process = RadiativeProcess(backgroundFor: scenarioFile.channel)
        let upper = process.missingMassSquaredEndpointGeV2 + 3 * scenario.detector.resolutionGeV2
        let lower = -5 * scenario.detector.resolutionGeV2
        let binCount = (upper - lower) / width
        guard binCount <= Double(Self.maximumBins) else {
            throw UsageFailure("--bin-width \(binWidth): gives \(String(format: "%.3g", binCount)) bins over [\(ProjectionTable.format(lower)), \(ProjectionTable.format(upper))] GeV^2; expected at most \(Self.maximumBins) bins, a width of at least \(ProjectionTable.format((upper - lower) / Double(Self.maximumBins))) GeV^2")
        }
        var spectrumScenario = scenario
        spectrumScenario.detector.backgroundAcceptance = VariantBackground.spectrumAcceptance(for: scenario)
        let model = VariantBackground.radiativeModel(for: spectrumScenario, channel: scenarioFile.channel, generation: simulation.generation, workers: simulation.workers)
        let bins = model.spectrum(binWidthGeV2: width, rangeGeV2: lower...upper)
        try OutputFile.emit(BackgroundSpectrumTable.csv(bins: bins, header: [
            "reach background: \(scenarioFile.channel.name), variant '\(scenario.label)'",
            "events per bin of width \(ProjectionTable.format(width)) GeV^2 for N_K = \(ProjectionTable.format(model.kaonDecays)), background acceptance \(ProjectionTable.format(model.acceptance))",
            "generator: \(simulation.statistics.events) events, seed \(simulation.seed); veto and resolution of the variant",
        ]), to: output)
        Messages(quiet: quiet).summary("background spectrum of '\(scenario.label)', \(bins.count) bins → \(output ?? "stdout") in \(elapsedSeconds(since: start))")
    }
}

extension BackgroundCommand {
    /// --bin-width in GeV², positive.
    private func binWidthGeV2() throws -> Double {
        switch Quantity.parse(binWidth, as: .massSquared) {
        case .success(let q) where q.canonicalValue > 0: return q.canonicalValue
        case .success: throw ValidationError("--bin-width \(binWidth): expected a positive squared mass like 5e-4 GeV^2")
        case .failure(let e): throw ValidationError("--bin-width \(binWidth): \(e); expected a squared mass like 5e-4 GeV^2")
        }
    }
}

/// CSV of a reconstructed spectrum.
enum BackgroundSpectrumTable {
    static func csv(bins: [SpectrumBin], header: [String]) -> String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        text += "m2_GeV2,events_before_veto,events_after_veto,uncertainty_after_veto\n"
        for bin in bins {
            text += [bin.m2GeV2, bin.beforeVeto, bin.afterVeto, bin.uncertaintyAfterVeto].map(ProjectionTable.format).joined(separator: ",") + "\n"
        }
        return text
    }
}
