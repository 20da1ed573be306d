import Foundation
import Physics
import Scenario
import Simulation

/// The reconstructed m²_miss spectrum of a variant's background, component by component, before
/// and after the photon veto, for the variant's N_K (seed 001 Fig. 2; seed 000 Fig. 2 for a
/// background of several sources): the one definition of its range, binning and CSV, used by
/// `reach background` and `reach plot-background`. A user table is given after the veto: its
/// count before the veto is unknown, and so is the total's when it is one of the components.
public struct BackgroundSpectrum: Sendable {
    /// More bins than this is a typo in the bin width, not a spectrum.
    public static let maximumBins = 100_000
    /// The spectrum runs from this many σ below 0 …
    public static let sigmasBelowZero = 5.0
    /// … to this many σ beyond the background's m²_miss endpoint (the smeared tail).
    public static let sigmasBeyondEndpoint = 3.0

    /// Why a spectrum cannot be made.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        /// The width gives more bins than `maximumBins`, or is wider than the whole range.
        case binWidth(GeV2: Double, bins: Double, range: ClosedRange<Double>)

        public var description: String {
            switch self {
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

    /// The channel's own radiative decay (what the figure's label names).
    public var process: RadiativeProcess
    /// The total of every component.
    public var bins: [SpectrumBin]
    /// Each component's name and spectrum, in the scenario's order.
    public var components: [(name: String, bins: [SpectrumBin])]
    public var binWidthGeV2: Double
    public var kaonDecays: Double
    /// The background acceptance the spectrum is shown with (`VariantBackground.spectrumAcceptance`).
    public var acceptance: Double
    /// Components reduced by a stated rejection factor (the muon decaying in flight): their
    /// count over the spectrum after it, and before it (raw = after / R, the factor is linear).
    public var rejections: [Rejection] = []

    public struct Rejection: Sendable {
        public var name: String
        public var factor: Double
        public var events: Double
        public var rawEvents: Double { events / factor }
    }

    /// The m²_miss range of the spectrum for a background ending at `endpointGeV2`, smeared by σ
    /// (the largest σ of a resolution that depends on the mass).
    public static func rangeGeV2(endpointGeV2: Double, resolutionGeV2: Double) -> ClosedRange<Double> {
        (-sigmasBelowZero * resolutionGeV2)...(endpointGeV2 + sigmasBeyondEndpoint * resolutionGeV2)
    }

    /// The spectrum of `scenario`'s background in bins of `binWidthGeV2`.
    public static func make(for scenario: Variant, channel: Channel, binWidthGeV2: Double,
                            generation: VariantBackground.Generation = .init(), workers: Workers = .allCores) throws -> BackgroundSpectrum {
        let process = RadiativeProcess(backgroundFor: channel)
        let range = rangeGeV2(endpointGeV2: process.missingMassSquaredEndpointGeV2, resolutionGeV2: scenario.detector.resolution.largestGeV2)
        let bins = (range.upperBound - range.lowerBound) / binWidthGeV2
        guard binWidthGeV2 > 0, bins >= 1, bins <= Double(maximumBins) else {
            throw Problem.binWidth(GeV2: binWidthGeV2, bins: bins, range: range)
        }
        // Shown with one acceptance for every mass (the figure has no hypothesis).
        var shown = scenario
        let acceptance = VariantBackground.spectrumAcceptance(for: scenario)
        shown.detector.backgroundAcceptance = acceptance
        let components = try scenario.background.map { component in
            let source = try VariantBackground.source(component.source, for: shown, channel: channel, generation: generation,
                                                      emission: component.emission(for: channel), rejection: component.appliedRejection,
                                                      mirrored: component.mirrored, workers: workers)
            return (name: component.name(for: channel), bins: spectrum(of: source, binWidthGeV2: binWidthGeV2, rangeGeV2: range))
        }
        let rejections = zip(scenario.background, components).compactMap { component, spectrum -> Rejection? in
            guard component.appliedRejection < 1 else { return nil }
            return Rejection(name: spectrum.name, factor: component.appliedRejection, events: spectrum.bins.reduce(0) { $0 + $1.afterVeto })
        }
        return BackgroundSpectrum(process: process, bins: total(components.map(\.bins)), components: components,
                                  binWidthGeV2: binWidthGeV2, kaonDecays: scenario.exposure.effectiveKaonDecays, acceptance: acceptance,
                                  rejections: rejections)
    }

    /// One source's bins: the generator's own histogram, or the integral of any other source
    /// over each bin (a table has no count before the veto: NaN there, written empty).
    static func spectrum(of source: any MissingMassBackground, binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>) -> [SpectrumBin] {
        if let model = source as? BackgroundModel { return model.spectrum(binWidthGeV2: binWidthGeV2, rangeGeV2: rangeGeV2) }
        let count = max(1, Int(((rangeGeV2.upperBound - rangeGeV2.lowerBound) / binWidthGeV2).rounded(.up)))
        return (0..<count).map { index in
            let lo = rangeGeV2.lowerBound + Double(index) * binWidthGeV2
            let estimate = source.events(in: .interval(lowerGeV2: lo, upperGeV2: lo + binWidthGeV2))
            return SpectrumBin(m2GeV2: lo + 0.5 * binWidthGeV2, widthGeV2: binWidthGeV2,
                               beforeVeto: estimate.eventsBeforeVeto ?? .nan, uncertaintyBeforeVeto: .nan,
                               afterVeto: estimate.events, uncertaintyAfterVeto: estimate.mcUncertainty)
        }
    }

    /// Bin by bin: counts add, MC uncertainties in quadrature; one component is its own total.
    static func total(_ components: [[SpectrumBin]]) -> [SpectrumBin] {
        guard components.count != 1 else { return components.first ?? [] }
        guard let first = components.first else { return [] }
        return first.indices.map { i in
            let parts = components.map { $0[i] }
            func quadrature(_ value: (SpectrumBin) -> Double) -> Double { parts.reduce(0) { $0 + value($1) * value($1) }.squareRoot() }
            return SpectrumBin(m2GeV2: first[i].m2GeV2, widthGeV2: first[i].widthGeV2,
                               beforeVeto: parts.reduce(0) { $0 + $1.beforeVeto }, uncertaintyBeforeVeto: quadrature(\.uncertaintyBeforeVeto),
                               afterVeto: parts.reduce(0) { $0 + $1.afterVeto }, uncertaintyAfterVeto: quadrature(\.uncertaintyAfterVeto))
        }
    }

    /// Whether the count before the veto is known (no component is a user table).
    public var knowsCountBeforeVeto: Bool { bins.allSatisfy { $0.beforeVeto.isFinite } }

    /// The CSV's columns: the bin centre, each component's events after the veto (headed by
    /// its name), the total after the veto and its MC uncertainty, the total before the veto.
    public var columnNames: [String] {
        ["m2_GeV2"] + components.map(\.name) + ["events_after_veto", "uncertainty_after_veto", "events_before_veto"]
    }

    /// CSV: `#` header lines, then one row per bin (the count before the veto empty where a
    /// user table, given after the veto, is among the components).
    public func csv(header: [String]) -> String {
        var text = header.map { "# " + $0 + "\n" }.joined()
        if !knowsCountBeforeVeto {
            text += "# events_before_veto is empty: a user table is given after the veto\n"
        }
        for rejection in rejections {
            text += "# '\(rejection.name)': \(TableFormatting.format(rejection.rawEvents)) events over the spectrum before the rejection factor "
                + "\(TableFormatting.format(rejection.factor)), \(TableFormatting.format(rejection.events)) after it (the column)\n"
        }
        text += columnNames.map(TableFormatting.csvField).joined(separator: ",") + "\n"
        for (index, bin) in bins.enumerated() {
            let values = [bin.m2GeV2] + components.map { $0.bins[index].afterVeto } + [bin.afterVeto, bin.uncertaintyAfterVeto, bin.beforeVeto]
            text += values.map(TableFormatting.csvNumber).joined(separator: ",") + "\n"
        }
        return text
    }
}
