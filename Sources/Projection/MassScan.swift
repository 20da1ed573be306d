import Dispatch
import Physics
import Scenario
import Simulation
import Statistics

/// The projection engine: for each mass of the grid, the window, signal, background and the
/// |U|² every statistic reaches, for one variant.
///
/// Masses are independent, so they run in parallel on the given workers; results are written
/// by index, so the output order — and every byte of it — does not depend on scheduling.
public struct MassScan: Sendable {
    public var channel: Channel
    public var massesGeV: [Double]
    /// The threads the masses run on; one runs them on the calling thread.
    public var workers: Workers

    public init(channel: Channel, massesGeV: [Double], workers: Workers = .allCores) {
        self.channel = channel
        self.massesGeV = massesGeV
        self.workers = workers
    }

    /// Scans one variant whose background in any window is given by `background`, with the
    /// variant's relative background uncertainty.
    public func curve(for scenario: Variant, background: any MissingMassBackground) -> SensitivityCurve {
        curve(for: scenario, background: .single(background, label: "background", relativeUncertainty: scenario.analysis.backgroundUncertainty))
    }

    /// Scans one variant whose background is the composition `background`.
    public func curve(for scenario: Variant, background: BackgroundComposition) -> SensitivityCurve {
        let kaonDecays = scenario.exposure.effectiveKaonDecays
        var points = [SensitivityPoint?](repeating: nil, count: massesGeV.count)
        points.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendableBuffer(buffer)
            workers.perform(iterations: massesGeV.count) { i in
                output.buffer[i] = point(massGeV: massesGeV[i], scenario: scenario, kaonDecays: kaonDecays, background: background)
            }
        }
        return SensitivityCurve(label: scenario.label, kaonDecaysEffective: kaonDecays, confidence: scenario.analysis.confidence,
                                statistic: scenario.analysis.statistic, points: points.map { $0! },
                                backgroundComponents: background.components.map(\.label))
    }

    /// One mass point (docs/physics.md §4 and §6; seed 001 Eqs. 1–3).
    public func point(massGeV: Double, scenario: Variant, kaonDecays: Double, background: BackgroundComposition) -> SensitivityPoint {
        let detector = scenario.detector
        let analysis = scenario.analysis
        let centre = massGeV * massGeV
        let yield = SignalYield(
            kaonDecays: kaonDecays,
            branchingFractionPerU2: channel.branchingFractionPerU2(massGeV: massGeV),
            signalAcceptance: detector.signalAcceptance.value(atMassGeV: massGeV),
            visibleDecayFraction: detector.visibleDecayFraction)
        // The signal peak and its window ±kσ use σ at the hypothesis, σ(m²_miss = m_N²)
        // (docs/physics.md §4.3 and §5.8).
        let sigma = detector.resolution.sigmaGeV2(atMissingMassSquaredGeV2: centre)
        let signal = PeakSignal(yield: yield, centreGeV2: centre, resolutionGeV2: sigma, tail: detector.resolutionTail)
        func region(k: Double) -> SignalRegion { .window(centreGeV2: centre, k: k, resolutionGeV2: sigma) }

        // b and δb in the window ±kσ. δb comes from the components' relative uncertainties; the
        // generator's MC uncertainty is a property of the tool's sample, not of the experiment,
        // so it is reported beside b (and kept small by the default statistics), not folded in.
        let k: Double
        switch analysis.window {
        case .fixed(let fixedK): k = fixedK
        case .optimal:
            k = WindowChoice.optimalK(confidence: analysis.confidence) { k in
                let trial = background.estimate(in: region(k: k))
                return (trial.total.events, trial.uncertainty)
            }
        }
        let signalFraction = signal.fraction(in: region(k: k))
        let counted = background.estimate(in: region(k: k))
        let estimate = counted.total, db = counted.uncertainty
        let byComponent = counted.components.map(\.events)
        let b = estimate.events
        let signalPerU2 = signal.eventsPerUnitParameter * signalFraction

        let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: analysis.backgroundPrior)
        // Outside the physical range of the statistics (b or δb not finite, or above 10³⁰⁰ events)
        // nothing is computed: NaN, reported as not finite by `ProjectionTable.warnings`.
        let inRange = experiment.rangeError == nil
        let cls = inRange ? expectedLimits(experiment, confidence: analysis.confidence, method: .cls) : ExpectedLimits(all: .nan)
        let toU2 = { (events: Double) in u2(fromSignalEvents: events, signalEventsPerU2: signalPerU2) }
        // The s/√b formulas say nothing without background (b = δb = 0): NaN, reported by
        // `ProjectionTable.warnings` and written empty. CLs stays defined (2.303 events at 90 %).
        let simpleDefined = inRange && SimpleSensitivity.isDefined(background: b, backgroundUncertainty: db)
        return SensitivityPoint(
            massGeV: massGeV,
            branchingFractionPerU2: yield.branchingFractionPerU2,
            kaonDecaysEffective: kaonDecays,
            signalAcceptance: yield.signalAcceptance,
            windowK: k,
            windowSignalFraction: signalFraction,
            signalPerU2: signalPerU2,
            background: b,
            backgroundUncertainty: db,
            backgroundMCUncertainty: estimate.mcUncertainty,
            vetoPassFraction: estimate.vetoPassFraction ?? .nan,
            u2Detection: simpleDefined
                ? toU2(SimpleSensitivity.detectionSignal(background: b, backgroundUncertainty: db, confidence: analysis.confidence)) : .nan,
            u2MedianExclusion: simpleDefined
                ? toU2(SimpleSensitivity.medianExclusionSignal(background: b, backgroundUncertainty: db, confidence: analysis.confidence)) : .nan,
            u2CLs: ExpectedLimits(minus2: toU2(cls.minus2), minus1: toU2(cls.minus1), median: toU2(cls.median), plus1: toU2(cls.plus1), plus2: toU2(cls.plus2)),
            backgroundByComponent: byComponent)
    }
}

/// A buffer written by disjoint indices from concurrent workers.
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
