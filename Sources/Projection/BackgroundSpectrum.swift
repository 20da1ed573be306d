import Foundation
import Physics
import Scenario
import Simulation

/// The reconstructed m²_miss spectrum of a variant's generated background, before and after
/// the photon veto, for the variant's N_K (seed 001 Fig. 2): the one definition of its range,
/// binning and CSV, used by `reach background`, `reach plot-background` and the benchmarks.
public struct BackgroundSpectrum: Sendable {
    /// More bins than this is a typo in the bin width, not a spectrum.
    public static let maximumBins = 100_000
    /// The spectrum runs from this many σ below 0 …
    public static let sigmasBelowZero = 5.0
    /// … to this many σ beyond the background's m²_miss endpoint (the smeared tail).
    public static let sigmasBeyondEndpoint = 3.0

    /// Why a spectrum cannot be made.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        /// The variant's background is a user table (nothing is generated to show).
        case tabulatedBackground(variant: String, table: String)
        /// The width gives more bins than `maximumBins`, or is wider than the whole range.
        case binWidth(GeV2: Double, bins: Double, range: ClosedRange<Double>)

        public var description: String {
            switch self {
            case .tabulatedBackground(let variant, let table):
                return "variant '\(variant)' uses the background table \(table); expected a variant with the radiative background model"
            case .binWidth(let width, let bins, let range):
                let span = range.upperBound - range.lowerBound
                let over = "over [\(TableFormatting.format(range.lowerBound)), \(TableFormatting.format(range.upperBound))] GeV^2"
                if bins < 1 {
                    return "\(TableFormatting.format(width)) GeV^2 is wider than the whole spectrum \(over); expected a width of at most \(TableFormatting.format(span)) GeV^2"
                }
                return "gives \(String(format: "%.3g", bins)) bins \(over); expected at most \(BackgroundSpectrum.maximumBins) bins, a width of at least \(TableFormatting.format(span / Double(BackgroundSpectrum.maximumBins))) GeV^2"
            }
        }
    }

    public var process: RadiativeProcess
    public var bins: [SpectrumBin]
    public var binWidthGeV2: Double
    public var kaonDecays: Double
    /// The background acceptance the spectrum is shown with (`VariantBackground.spectrumAcceptance`).
    public var acceptance: Double

    /// The m²_miss range of the spectrum for a background ending at `endpointGeV2`, smeared by σ.
    public static func rangeGeV2(endpointGeV2: Double, resolutionGeV2: Double) -> ClosedRange<Double> {
        (-sigmasBelowZero * resolutionGeV2)...(endpointGeV2 + sigmasBeyondEndpoint * resolutionGeV2)
    }

    /// The spectrum of `scenario`'s generated background in bins of `binWidthGeV2`.
    public static func make(for scenario: Variant, channel: Channel, binWidthGeV2: Double,
                            generation: VariantBackground.Generation = .init(), workers: Workers = .allCores) throws(Problem) -> BackgroundSpectrum {
        if case .table(let path, _) = scenario.background {
            throw .tabulatedBackground(variant: scenario.label, table: path)
        }
        let process = RadiativeProcess(backgroundFor: channel)
        let range = rangeGeV2(endpointGeV2: process.missingMassSquaredEndpointGeV2, resolutionGeV2: scenario.detector.resolutionGeV2)
        let bins = (range.upperBound - range.lowerBound) / binWidthGeV2
        guard binWidthGeV2 > 0, bins >= 1, bins <= Double(maximumBins) else {
            throw .binWidth(GeV2: binWidthGeV2, bins: bins, range: range)
        }
        var shown = scenario
        shown.detector.backgroundAcceptance = VariantBackground.spectrumAcceptance(for: scenario)
        let model = VariantBackground.radiativeModel(for: shown, channel: channel, generation: generation, workers: workers)
        return BackgroundSpectrum(process: process, bins: model.spectrum(binWidthGeV2: binWidthGeV2, rangeGeV2: range),
                                  binWidthGeV2: binWidthGeV2, kaonDecays: model.kaonDecays, acceptance: model.acceptance)
    }

    /// The CSV's columns: the bin centre, then events per bin.
    public static let columns: [TableColumn<SpectrumBin>] = [
        .init("m2_GeV2", unit: "GeV^2") { $0.m2GeV2 },
        .init("events_before_veto", unit: "events") { $0.beforeVeto },
        .init("events_after_veto", unit: "events") { $0.afterVeto },
        .init("uncertainty_after_veto", unit: "events") { $0.uncertaintyAfterVeto },
    ]

    /// CSV: `#` header lines, then one row per bin.
    public func csv(header: [String]) -> String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        text += Self.columns.map(\.name).joined(separator: ",") + "\n"
        for bin in bins {
            text += Self.columns.map { TableFormatting.csvNumber($0.value(bin)) }.joined(separator: ",") + "\n"
        }
        return text
    }
}
