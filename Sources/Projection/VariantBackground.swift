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

    /// The generated background of `process` for a variant: the shared sample seen through the
    /// variant's veto and resolution, for its N_K and background acceptance (when no background
    /// acceptance is stated: acceptance 1, to be scaled by ε_sig(m_N) per window). `emission`
    /// adds structure-dependent K_l2γ emission; the default is inner bremsstrahlung alone.
    public static func radiativeModel(of process: RadiativeProcess, for scenario: Variant, generation: Generation = Generation(),
                                      emission: RadiativeEmission = .innerBremsstrahlung,
                                      workers: Workers = .allCores) -> BackgroundModel {
        let sample = RadiativeSampleCache.shared.sample(
            process: process, emission: emission, events: generation.events, seed: generation.seed,
            photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV, workers: workers)
        let detector = scenario.detector
        return BackgroundModel(sample: sample, veto: detector.veto, resolution: detector.resolution, tail: detector.resolutionTail,
                               kaonDecays: scenario.exposure.effectiveKaonDecays, acceptance: detector.backgroundAcceptance ?? 1)
    }

    /// The channel's own radiative background for a variant (`radiativeModel(of:for:)`).
    public static func radiativeModel(for scenario: Variant, channel: Channel, generation: Generation = Generation(),
                                      emission: RadiativeEmission = .innerBremsstrahlung,
                                      workers: Workers = .allCores) -> BackgroundModel {
        radiativeModel(of: RadiativeProcess(backgroundFor: channel), for: scenario, generation: generation, emission: emission, workers: workers)
    }

    /// The acceptance the reconstructed background spectrum is shown with: the stated background
    /// acceptance, else a constant signal acceptance, else seed 001's 10 %.
    public static func spectrumAcceptance(for scenario: Variant) -> Double {
        if let stated = scenario.detector.backgroundAcceptance { return stated }
        if case .constant(let value) = scenario.detector.signalAcceptance { return value }
        return BackgroundModel.defaultAcceptance
    }

    /// The background of `scenario` for `channel`: its components, each normalised to the
    /// variant's N_K, with their relative uncertainties and correlation groups.
    public static func composition(for scenario: Variant, channel: Channel, generation: Generation = Generation(),
                                   workers: Workers = .allCores) throws -> BackgroundComposition {
        BackgroundComposition(components: try scenario.background.map { component in
            BackgroundComposition.Component(
                label: component.name(for: channel),
                source: try source(component.source, for: scenario, channel: channel, generation: generation,
                                   emission: component.emission(for: channel), rejection: component.appliedRejection,
                                   mirrored: component.mirrored, workers: workers),
                relativeUncertainty: scenario.relativeUncertainty(of: component), group: component.group)
        })
    }

    /// A built-in process through the variant's detector, from the run's shared samples.
    static func generatedModel(of process: BackgroundProcess, for scenario: Variant, generation: Generation,
                               emission: RadiativeEmission, rejection: Double = 1, workers: Workers) -> any MissingMassBackground {
        if let radiative = process.radiative {
            return radiativeModel(of: radiative, for: scenario, generation: generation, emission: emission, workers: workers)
        }
        let detector = scenario.detector
        if process == .kmu2MuonDecay {
            // No photon: the veto does not act; the rejection stands for the vertex criteria.
            return MuonDecayBackground(sample: MuonDecaySample.cached(events: generation.events, seed: generation.seed, workers: workers),
                                       resolution: detector.resolution, tail: detector.resolutionTail,
                                       kaonDecays: scenario.exposure.effectiveKaonDecays,
                                       acceptance: detector.backgroundAcceptance ?? 1, rejection: rejection, workers: workers)
        }
        let flavour = process.undetectedPionFlavour ?? .muon
        return UndetectedPionBackground(sample: PhotonPairSample.cached(flavour: flavour, events: generation.events, seed: generation.seed, workers: workers),
                                        veto: detector.veto, resolution: detector.resolution, tail: detector.resolutionTail,
                                        kaonDecays: scenario.exposure.effectiveKaonDecays, acceptance: detector.backgroundAcceptance ?? 1,
                                        workers: workers)
    }

    /// The background of one source, normalised to the variant's N_K; `rejection` scales the
    /// muon-decay process (1 elsewhere: the decoder refuses it for other sources); `mirrored`
    /// reflects a table of the m²_miss ≤ 0 side to m²_miss ≥ 0.
    public static func source(_ source: BackgroundSource, for scenario: Variant, channel: Channel, generation: Generation = Generation(),
                              emission: RadiativeEmission = .innerBremsstrahlung, rejection: Double = 1, mirrored: Bool = false,
                              workers: Workers = .allCores) throws -> any MissingMassBackground {
        let kaonDecays = scenario.exposure.effectiveKaonDecays
        switch source {
        case .radiative, .process:
            let process = source.process(for: channel) ?? BackgroundProcess(RadiativeProcess(backgroundFor: channel))
            let generated = generatedModel(of: process, for: scenario, generation: generation, emission: emission,
                                           rejection: rejection, workers: workers)
            // Background acceptance: stated, or the signal acceptance at each mass (then the
            // model is built for acceptance 1 and scaled per window).
            if scenario.detector.backgroundAcceptance != nil { return generated }
            return AcceptanceScaledBackground(base: generated, acceptance: scenario.detector.signalAcceptance)
        case .table(let path, let normalisation):
            let table: BackgroundTable
            switch BackgroundTableFile.read(path: path, mirrored: mirrored) {
            case .success(let read): table = read
            case .failure(let failure): throw failure
            }
            switch normalisation {
            case .perKaonDecay:
                return TabulatedBackground(table: table, kaonDecays: kaonDecays, tableKaonDecays: nil)
            case .forKaonDecays(let stated):
                return TabulatedBackground(table: table, kaonDecays: kaonDecays, tableKaonDecays: stated)
            }
        case .cutTable(let path):
            return try CutTableBackground.read(path: path, for: scenario, channel: channel)
        }
    }
}

/// A background whose acceptance follows the signal acceptance ε_sig(m_N) of the window's mass
/// (the paper's shared 10 % when ε_sig is constant).
struct AcceptanceScaledBackground: MissingMassBackground {
    let base: any MissingMassBackground
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
