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
        let table = windowTable(for: scenario, background: background)
        var points = [SensitivityPoint?](repeating: nil, count: massesGeV.count)
        points.withUnsafeMutableBufferPointer { buffer in
            let output = UnsafeSendableBuffer(buffer)
            workers.perform(iterations: massesGeV.count) { i in
                output.buffer[i] = point(massGeV: massesGeV[i], scenario: scenario, kaonDecays: kaonDecays, background: background,
                                         windowTable: table)
            }
        }
        return SensitivityCurve(label: scenario.label, kaonDecaysEffective: kaonDecays, confidence: scenario.analysis.confidence,
                                statistic: scenario.analysis.statistic, points: points.map { $0! },
                                backgroundComponents: background.components.map(\.label))
    }

    /// One hypothesis (docs/physics.md §4 and §6; seed 001 Eqs. 1–3; seed 000 Sec. 6): the
    /// signal model and its region (a window around an HNL peak, or a cut above m0² for a
    /// continuum), then one counting experiment for every channel.
    public func point(massGeV: Double, scenario: Variant, kaonDecays: Double, background: BackgroundComposition) -> SensitivityPoint {
        point(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays, background: background, windowTable: nil)
    }

    /// As `point(massGeV:scenario:kaonDecays:background:)`, the candidate windows of
    /// `window: optimal` counted from `windowTable` if given.
    func point(massGeV: Double, scenario: Variant, kaonDecays: Double, background: BackgroundComposition,
               windowTable: WindowBackgroundTable?) -> SensitivityPoint {
        let analysis = scenario.analysis
        let hypothesis = channel.isContinuum
            ? continuumHypothesis(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays, background: background)
            : peakHypothesis(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays, background: background,
                             windowTable: windowTable)
        let signal = hypothesis.signal, region = hypothesis.region
        let signalFraction = signal.fraction(in: region)
        // b and δb in the region. δb comes from the components' relative uncertainties; the
        // generator's MC uncertainty is a property of the tool's sample, not of the experiment,
        // so it is reported beside b (and kept small by the default statistics), not folded in.
        let counted = background.estimate(in: region)
        let estimate = counted.total
        let db = hypothesis.sidebandUncertainty ?? counted.uncertainty
        let byComponent = counted.components.map(\.events)
        let b = estimate.events
        let signalPerU2 = signal.eventsPerUnitParameter * signalFraction

        let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: analysis.backgroundPrior)
        // Outside the physical range of the statistics (b or δb not finite, or above 10³⁰⁰ events)
        // nothing is computed: NaN, reported as not finite by `ProjectionTable.warnings`.
        let inRange = experiment.rangeError == nil
        let toU2 = { (events: Double) in u2(fromSignalEvents: events, signalEventsPerU2: signalPerU2) }
        let clsToU2: (Double) -> Double
        let cls: ExpectedLimits
        if analysis.statistic == .shape, case .window(let centre, _, let sigma) = region {
            // The CLs columns hold the shape fit over its own range (docs/statistics.md §14).
            let fit = ShapeFit(binning: analysis.shape, centreGeV2: centre, resolutionGeV2: sigma)
            let limits = fit.expectedLimits(signal: signal, background: background, confidence: analysis.confidence)
            cls = limits.events
            clsToU2 = { (events: Double) in u2(fromSignalEvents: events, signalEventsPerU2: limits.signalPerU2) }
        } else {
            cls = inRange ? expectedLimits(experiment, confidence: analysis.confidence, method: .cls) : ExpectedLimits(all: .nan)
            clsToU2 = toU2
        }
        // The s/√b formulas say nothing without background (b = δb = 0): NaN, reported by
        // `ProjectionTable.warnings` and written empty. CLs stays defined (2.303 events at 90 %).
        let simpleDefined = inRange && SimpleSensitivity.isDefined(background: b, backgroundUncertainty: db)
        return SensitivityPoint(
            massGeV: massGeV,
            branchingFractionPerU2: hypothesis.branchingFractionPerU2,
            kaonDecaysEffective: kaonDecays,
            signalAcceptance: hypothesis.acceptance,
            windowK: hypothesis.windowK,
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
            u2CLs: ExpectedLimits(minus2: clsToU2(cls.minus2), minus1: clsToU2(cls.minus1), median: clsToU2(cls.median),
                                  plus1: clsToU2(cls.plus1), plus2: clsToU2(cls.plus2)),
            backgroundByComponent: byComponent,
            cutGeV2: hypothesis.cutGeV2,
            branchingFractionPerCouplingSquared: hypothesis.branchingFractionPerCouplingSquared)
    }

    /// The table of the candidate windows' background for a peak scan with `window: optimal`,
    /// over the union of its windows m_N² ± 3σ; nil for other scans, and where its grid would
    /// cost more direct integrals than ≈ 10 per mass (a scan of ≈ 25 windows per mass then
    /// computes them directly).
    func windowTable(for scenario: Variant, background: BackgroundComposition) -> WindowBackgroundTable? {
        guard case .optimal = scenario.analysis.window, !channel.isContinuum, !massesGeV.isEmpty else { return nil }
        let reach = WindowChoice.candidates.last ?? 3
        let resolution = scenario.detector.resolution
        var lower = Double.infinity, upper = -Double.infinity, smallest = Double.infinity
        for mass in massesGeV {
            let centre = mass * mass
            let sigma = resolution.sigmaGeV2(atMissingMassSquaredGeV2: centre)
            lower = min(lower, centre - reach * sigma)
            upper = max(upper, centre + reach * sigma)
            smallest = min(smallest, sigma)
        }
        for x in [lower, upper] { smallest = min(smallest, resolution.sigmaGeV2(atMissingMassSquaredGeV2: x)) }
        guard lower.isFinite, upper > lower else { return nil }
        return WindowBackgroundTable(composition: background, rangeGeV2: lower...upper, smallestSigmaGeV2: smallest,
                                     maximumPoints: 10 * massesGeV.count, workers: workers)
    }

    /// What one hypothesis puts where: its signal model, the region it is tested in, and the
    /// columns that describe them.
    struct Hypothesis {
        var signal: any SignalModel
        var region: SignalRegion
        var acceptance: Double
        /// B/|U|² of an HNL; 0 for a continuum (no |U|²).
        var branchingFractionPerU2: Double = 0
        /// k of a window; 0 for a cut.
        var windowK: Double = 0
        var cutGeV2: Double?
        var branchingFractionPerCouplingSquared: Double?
        /// δb from the sidebands (`analysis.background_uncertainty: sideband-fit`): NaN when
        /// the range holds too few sideband bins; nil: the components' uncertainties.
        var sidebandUncertainty: Double?
    }

    /// An HNL: a Gaussian peak at m_N² in the window ±kσ (seed 001 Eq. 1 and Sec. IV).
    func peakHypothesis(massGeV: Double, scenario: Variant, kaonDecays: Double, background: BackgroundComposition,
                        windowTable: WindowBackgroundTable? = nil) -> Hypothesis {
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
        let k: Double
        switch analysis.window {
        case .fixed(let fixedK): k = fixedK
        case .optimal:
            k = WindowChoice.optimalK(confidence: analysis.confidence) { k in
                if let windowTable { return windowTable.estimate(in: region(k: k)) }
                let trial = background.estimate(in: region(k: k))
                return (trial.total.events, trial.uncertainty)
            }
        case .cut, .optimalCut:
            // The decoder gives HNL channels a window; a cut here tests the peak above m0².
            k = WindowWidth.seed001K
        }
        // Seed 000 Sec. 5: δN_exp from the fits to the expected sideband counts.
        let sideband = analysis.sidebandFit.map { fit in
            SidebandUncertainty.estimate(massGeV: massGeV, sigmaM2GeV2: sigma, k: k, fit: fit, background: background)?.uncertainty ?? .nan
        }
        return Hypothesis(signal: signal, region: region(k: k), acceptance: yield.signalAcceptance,
                          branchingFractionPerU2: yield.branchingFractionPerU2, windowK: k, sidebandUncertainty: sideband)
    }

    /// A continuum (K+ → μ+ ν X): the smeared spectrum per unit B above m0², m0² fixed or the
    /// grid value with the strongest expected CLs limit (seed 000 Sec. 6).
    func continuumHypothesis(massGeV: Double, scenario: Variant, kaonDecays: Double, background: BackgroundComposition) -> Hypothesis {
        let analysis = scenario.analysis
        guard let signal = continuumSignal(massGeV: massGeV, scenario: scenario, kaonDecays: kaonDecays) else {
            return Hypothesis(signal: NoSignal(), region: .above(thresholdGeV2: 0), acceptance: 0)
        }
        let spectrum = signal.spectrum
        let threshold: Double
        switch analysis.window {
        case .cut(let fixed): threshold = fixed
        case .optimalCut(let step):
            threshold = WindowChoice.optimalCut(stepGeV2: step, endpointGeV2: spectrum.rangeGeV2.upperBound, confidence: analysis.confidence,
                                                prior: analysis.backgroundPrior) { m0 in
                let trial = background.estimate(in: .above(thresholdGeV2: m0))
                return (trial.total.events, trial.uncertainty, signal.fraction(in: .above(thresholdGeV2: m0)))
            }
        case .fixed, .optimal:
            threshold = 0
        }
        return Hypothesis(signal: signal, region: .above(thresholdGeV2: threshold), acceptance: signal.meanAcceptance,
                          cutGeV2: threshold,
                          branchingFractionPerCouplingSquared: channel == .kaonToMuonNeutrinoX
                              ? MuonNeutrinoMediatorRate(mediator: scenario.mediator ?? .scalar, mediatorMassGeV: massGeV).branchingFractionPerCouplingSquared : nil)
    }
}

extension MassScan {
    /// The smeared continuum signal of one hypothesis (docs/physics.md §10.3); nil when the
    /// mediator mass lies outside the kinematic range.
    func continuumSignal(massGeV: Double, scenario: Variant, kaonDecays: Double) -> ContinuumSignal? {
        let detector = scenario.detector
        guard let spectrum = channel.continuumSpectrum(mediator: scenario.mediator ?? .scalar, massGeV: massGeV) else { return nil }
        return ContinuumSignal(spectrum: spectrum, kaonDecays: kaonDecays, acceptance: detector.signalAcceptance,
                               resolution: detector.resolution, tail: detector.resolutionTail,
                               visibleDecayFraction: detector.visibleDecayFraction)
    }
}

/// No signal at all (a mediator mass outside the kinematic range): every limit is +∞.
struct NoSignal: SignalModel {
    var eventsPerUnitParameter: Double { 0 }
    func fraction(in region: SignalRegion) -> Double { 0 }
}

/// A buffer written by disjoint indices from concurrent workers.
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
