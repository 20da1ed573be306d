import Foundation
import Physics
import Scenario
import Simulation
import BackgroundTables
import DetectorModel

/// Builds the background of one variant: the radiative generator's sample (shared by every
/// variant of the file: variants differing in exposure or veto reweight one sample) seen through
/// the variant's veto and resolution, or the user's dN/dm²_miss table.
public enum VariantBackground {
    /// Generator settings: events and seed (`--statistics`, `--seed`).
    public struct Generation: Sendable, Equatable {
        public var events: Int
        public var seed: UInt64
        public init(events: Int = RadiativeSample.defaultEvents, seed: UInt64 = 1) {
            self.events = events
            self.seed = seed
        }
    }

    /// The radiative background model of a variant: the shared generated sample seen through the
    /// variant's veto and resolution, for its N_K and background acceptance (when no background
    /// acceptance is stated: acceptance 1, to be scaled by ε_sig(m_N) per window). `emission`
    /// adds structure-dependent K_l2γ emission; the default is inner bremsstrahlung alone.
    public static func radiativeModel(for scenario: Variant, channel: Channel, generation: Generation = Generation(),
                                      emission: RadiativeEmission = .innerBremsstrahlung,
                                      workers: Workers = .allCores) -> BackgroundModel {
        let sample = RadiativeSampleCache.shared.sample(
            process: RadiativeProcess(backgroundFor: channel), emission: emission, events: generation.events, seed: generation.seed,
            photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV, workers: workers)
        let detector = scenario.detector
        return BackgroundModel(sample: sample, veto: detector.veto, resolutionGeV2: detector.resolutionGeV2,
                               kaonDecays: scenario.exposure.effectiveKaonDecays, acceptance: detector.backgroundAcceptance ?? 1)
    }

    /// The acceptance the reconstructed background spectrum is shown with: the stated background
    /// acceptance, else a constant signal acceptance, else seed 001's 10 %.
    public static func spectrumAcceptance(for scenario: Variant) -> Double {
        if let stated = scenario.detector.backgroundAcceptance { return stated }
        if case .constant(let value) = scenario.detector.signalAcceptance { return value }
        return BackgroundModel.defaultAcceptance
    }

    /// The background of `scenario` for `channel`, normalised to the variant's N_K.
    public static func make(for scenario: Variant, channel: Channel, generation: Generation = Generation(),
                            workers: Workers = .allCores) throws -> any MissingMassBackground {
        let kaonDecays = scenario.exposure.effectiveKaonDecays
        switch scenario.background {
        case .radiative:
            let model = radiativeModel(for: scenario, channel: channel, generation: generation, workers: workers)
            // Background acceptance: stated, or the signal acceptance at each mass (then the
            // model is built for acceptance 1 and scaled per window).
            if scenario.detector.backgroundAcceptance != nil { return model }
            return AcceptanceScaledBackground(base: model, acceptance: scenario.detector.signalAcceptance)
        case .table(let path, let normalisation):
            let table: BackgroundTable
            switch BackgroundTableFile.read(path: path) {
            case .success(let read): table = read
            case .failure(let failure): throw failure
            }
            switch normalisation {
            case .perKaonDecay:
                return TabulatedBackground(table: table, kaonDecays: kaonDecays, tableKaonDecays: nil)
            case .forKaonDecays(let stated):
                return TabulatedBackground(table: table, kaonDecays: kaonDecays, tableKaonDecays: stated)
            }
        }
    }
}

/// A background whose acceptance follows the signal acceptance ε_sig(m_N) of the window's mass
/// (the paper's shared 10 % when ε_sig is constant).
struct AcceptanceScaledBackground: MissingMassBackground {
    let base: BackgroundModel
    let acceptance: SignalAcceptance

    func events(in region: SignalRegion) -> BackgroundEstimate {
        let factor = acceptance.value(atMassGeV: max(region.hypothesisGeV2, 0).squareRoot())
        var estimate = base.events(in: region)
        estimate.events *= factor
        estimate.mcUncertainty *= factor
        estimate.eventsBeforeVeto = estimate.eventsBeforeVeto.map { $0 * factor }
        return estimate
    }
}
