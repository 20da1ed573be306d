import Scenario
import Simulation
import Statistics

/// The m0² optimisation of one continuum hypothesis (seed 000 Sec. 6 and Fig. 7 left): on the
/// grid of cuts m²_miss > m0² the optimiser searches, the background N_exp(m0²) of the whole
/// composition above m0², its uncertainty δN_exp(m0²), the CLs expected upper limit on the
/// signal events N_S with its ±1σ/±2σ bands (from N_exp and δN_exp alone, as the paper draws
/// them), and the limit on B it gives for this hypothesis,
///
///     B_up(m0²) = N_S,up(m0²) / (N_K · A⁰ · (1 − f_vis) · F(m0²)),   A = A⁰ · F(m0²),
///
/// F the accepted, smeared fraction of the signal above m0² (docs/physics.md §10.3). The cut
/// the projection uses is `chosenCutGeV2`: the optimum of this grid for `m2_miss_above:
/// optimal`, the written m0² otherwise.
public struct CutProfile: Sendable {
    public struct Row: Sendable, Equatable {
        public var cutGeV2: Double
        /// N_exp above m0² [events].
        public var background: Double
        /// δN_exp above m0² [events].
        public var backgroundUncertainty: Double
        /// F(m0²): the signal fraction above m0².
        public var signalFraction: Double
        /// CLs expected limits on N_S [events].
        public var eventLimits: ExpectedLimits
        /// CLs expected limits on B.
        public var branchingLimits: ExpectedLimits
    }

    public var massGeV: Double
    public var variant: String
    public var confidence: Double
    public var chosenCutGeV2: Double
    public var rows: [Row]
}

extension MassScan {
    /// The cut profile of the hypothesis `massGeV` of `scenario`, on the grid of
    /// `analysis.region` (its step when optimal, seed 000's 0.02 GeV² when fixed); nil for a
    /// peak channel or a mass outside the kinematic range.
    public func cutProfile(massGeV: Double, scenario: Variant, background: BackgroundComposition) -> CutProfile? {
        guard channel.isContinuum else { return nil }
        let kaonDecays = scenario.exposure.effectiveKaonDecays
        guard let signal = continuumSignal(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays) else { return nil }
        let analysis = scenario.analysis
        let step: Double
        if case .optimalCut(let optimalStep) = analysis.window { step = optimalStep } else { step = WindowWidth.seed000CutStepGeV2 }
        let rows = WindowChoice.cutCandidates(stepGeV2: step, endpointGeV2: signal.spectrum.rangeGeV2.upperBound).map { m0 -> CutProfile.Row in
            let region = SignalRegion.above(thresholdGeV2: m0)
            let counted = background.estimate(in: region)
            let b = counted.total.events, db = counted.uncertainty
            let fraction = signal.fraction(in: region)
            let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: analysis.backgroundPrior)
            let events = experiment.rangeError == nil
                ? expectedLimits(experiment, confidence: analysis.confidence, method: .cls) : ExpectedLimits(all: .nan)
            let perB = signal.eventsPerUnitParameter * fraction
            let toB = { (n: Double) in u2(fromSignalEvents: n, signalEventsPerU2: perB) }
            return CutProfile.Row(cutGeV2: m0, background: b, backgroundUncertainty: db, signalFraction: fraction, eventLimits: events,
                                  branchingLimits: ExpectedLimits(minus2: toB(events.minus2), minus1: toB(events.minus1), median: toB(events.median),
                                                                  plus1: toB(events.plus1), plus2: toB(events.plus2)))
        }
        let chosen = point(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays, background: background).cutGeV2 ?? 0
        return CutProfile(massGeV: massGeV, variant: scenario.label, confidence: analysis.confidence, chosenCutGeV2: chosen, rows: rows)
    }
}

extension Projector {
    /// The cut profile of one variant at one hypothesis, with the background the projection uses.
    public func cutProfile(of file: ScenarioFile, variant: Int, massGeV: Double) throws -> CutProfile? {
        let scenario = file.variants[variant]
        let background = try VariantBackground.composition(for: scenario, channel: file.channel, generation: generation, workers: workers)
        return MassScan(channel: file.channel, massesGeV: [massGeV], workers: workers).cutProfile(massGeV: massGeV, scenario: scenario, background: background)
    }
}
