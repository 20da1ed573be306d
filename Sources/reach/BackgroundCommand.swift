import ArgumentParser
import Foundation
import Physics
import Projection
import Scenario
import Simulation

/// `reach background`: the reconstructed m²_miss spectrum of a variant's background, component by
/// component, after and before the photon veto, for its N_K — the counterpart of seed 001's Fig. 2.
struct BackgroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "background",
        abstract: "Write the reconstructed m²_miss background spectrum (before/after the veto) as CSV.",
        discussion: """
            Columns: m2_GeV2 (bin centre), then one column per background component (its events \
            after the veto, headed by its name), events_after_veto (the total), \
            uncertainty_after_veto (its MC uncertainty) and events_before_veto (empty when a user \
            table, given after the veto, is a component) — events per bin for the variant's N_K; \
            the bin width and the normalisation are stated in header comments.

            Example:
              reach background scenarios/na62-kpi0en.yaml --variant 1 -o background.csv
            """
    )

    @OptionGroup var input: ScenarioOptions

    @Option(help: "Bin width in m²_miss, with its unit (e.g. 5e-4 GeV^2).")
    var binWidth: SquaredMassArgument = SquaredMassArgument(argument: "5e-4 GeV^2")!

    @OptionGroup var output: TableOutputOptions

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        _ = try binWidth.positiveValue(option: "--bin-width")
    }

    func run() throws {
        let start = DispatchTime.now()
        let width = try binWidth.positiveValue(option: "--bin-width")
        let document = try input.selectedDocument(of: input.loadDocuments())
        try output.check(against: [document])
        let variant = document.variants[try input.selectedVariant(in: document)]
        let spectrum = try BackgroundSpectrumOptions.spectrum(of: variant, in: document, binWidthGeV2: width, written: binWidth.text,
                                                              simulation: simulation)
        try output.emit(spectrum.csv(header: [
            "reach background: \(document.channel.name), variant '\(variant.label)'",
            "events per bin of width \(TableFormatting.format(width)) GeV^2 for N_K = \(TableFormatting.format(spectrum.kaonDecays)), background acceptance \(TableFormatting.format(spectrum.acceptance))",
            "generator: \(simulation.statistics.events) events, seed \(simulation.seed); veto and resolution of the variant",
        ]))
        output.messages.summary("background spectrum of '\(variant.label)', \(spectrum.bins.count) bins → \(output.destination) in \(elapsedSeconds(since: start))")
    }
}

/// What `background` and `plot-background` share about the spectrum's options.
enum BackgroundSpectrumOptions {
    /// The variant's spectrum, or the command's error for why it cannot be made.
    static func spectrum(of variant: Variant, in document: ScenarioFile, binWidthGeV2: Double, written: String,
                         simulation: SimulationOptions) throws -> BackgroundSpectrum {
        do {
            return try BackgroundSpectrum.make(for: variant, channel: document.channel, binWidthGeV2: binWidthGeV2,
                                               generation: simulation.generation, workers: simulation.workers)
        } catch {
            throw failure(error, binWidth: written)
        }
    }

    /// A spectrum that cannot be made: the bin width is the command line's error (64); a
    /// table that cannot be read is the input's (65).
    static func failure(_ error: any Error, binWidth: String) -> any Error {
        if let problem = error as? BackgroundSpectrum.Problem { return UsageFailure("--bin-width \(binWidth): \(problem)") }
        return InputFailure("\(error)")
    }
}
