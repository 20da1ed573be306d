import Foundation
import Physics
import Statistics
import DetectorModel

/// One scenario document, decoded and validated: a figure's worth of projections. A file holds
/// one or several documents (separated by `---`).
/// All quantities are in the units their names say (GeV, GeV², rad); the YAML carries units
/// and decoding converts them.
public struct ScenarioFile: Sendable {
    /// Path the file was read from (for messages); relative paths inside resolve against its folder.
    public var path: String
    public var title: String
    public var channel: Channel
    public var masses: MassGrid
    /// The variants in file order, each a full scenario (base with overrides deep-merged).
    /// A file without `variants` has one, labelled with the title.
    public var variants: [Variant]
    public var figure: FigureSettings
    /// The `name` written in the document (a slug like `kpi0en-veto`), nil when not written;
    /// `documentName` falls back to the channel's default.
    public var name: String?
    /// For a document that combines others of its file (`combine:`): its parts. Its `channel`,
    /// `masses` and variant labels are then the first part's.
    public var combination: Combination?

    public init(path: String, title: String, channel: Channel, masses: MassGrid, variants: [Variant], figure: FigureSettings, name: String? = nil) {
        self.name = name
        self.path = path
        self.title = title
        self.channel = channel
        self.masses = masses
        self.variants = variants
        self.figure = figure
    }
}

/// The parts of a combined document (`combine: [name, …]`, docs/statistics.md §18): documents of
/// the same file whose channels share the parameter (|U_l|² of one flavour, or one branching
/// fraction), projected on the combination's masses; each combined variant takes one variant
/// of every part.
public struct Combination: Sendable {
    public struct Part: Sendable {
        public var document: ScenarioFile
        /// For each variant of the combination, the index of the part's variant it takes.
        public var variantIndices: [Int]

        public init(document: ScenarioFile, variantIndices: [Int]) {
            self.document = document
            self.variantIndices = variantIndices
        }
    }

    public var parts: [Part]

    /// A combined curve's label is this prefix and the combination's variant label.
    public static let curveLabelPrefix = "combined: "

    public init(parts: [Part]) { self.parts = parts }
}

/// One projection: exposure, detector, background and analysis.
public struct Variant: Sendable {
    public var label: String
    public var exposure: Exposure
    public var detector: Detector
    /// The background's components, in file order (one for the shorthand forms).
    public var background: [BackgroundComponent]
    public var analysis: Analysis
    /// `signal.mediator`: the X of K+ → μ+ ν X; nil for the other channels.
    public var mediator: Mediator?

    public init(label: String, exposure: Exposure, detector: Detector, background: [BackgroundComponent], analysis: Analysis,
                mediator: Mediator? = nil) {
        self.label = label
        self.exposure = exposure
        self.detector = detector
        self.background = background
        self.analysis = analysis
        self.mediator = mediator
    }

    /// A variant whose background is one source, with the analysis' uncertainty.
    public init(label: String, exposure: Exposure, detector: Detector, background: BackgroundSource, analysis: Analysis,
                mediator: Mediator? = nil) {
        self.init(label: label, exposure: exposure, detector: detector, background: [BackgroundComponent(background)], analysis: analysis,
                  mediator: mediator)
    }

    /// δb/b of a component: its own, else `analysis.background_uncertainty`.
    public func relativeUncertainty(of component: BackgroundComponent) -> Double {
        component.relativeUncertainty ?? analysis.backgroundUncertainty
    }
}

/// Kaon decays recorded in one or more trigger streams.
public struct Exposure: Sendable, Equatable {
    public var streams: [TriggerStream]
    public init(streams: [TriggerStream]) { self.streams = streams }

    /// N_K effective: Σ over streams (seed 001 Sec. V adds the streams' N_K).
    public var effectiveKaonDecays: Double { streams.reduce(0) { $0 + $1.effectiveKaonDecays } }
}

/// A trigger stream: N_decays kaon decays in the fiducial volume, recorded with prescale P and
/// trigger efficiency ε_trig, contributes N_decays · ε_trig / P (docs/physics.md §4.1); or it states
/// its effective kaon decays directly.
public struct TriggerStream: Sendable, Equatable {
    public var name: String
    public var kaonDecays: Double?
    public var prescale: Double
    public var triggerEfficiency: Double
    /// Given directly instead of kaon_decays × efficiency / prescale.
    public var statedEffectiveKaonDecays: Double?
    /// The running conditions `kaonDecays` was computed from, when the scenario gives them.
    public var running: RunningConditions?

    public init(name: String, kaonDecays: Double?, prescale: Double = 1, triggerEfficiency: Double = 1, statedEffectiveKaonDecays: Double? = nil,
                running: RunningConditions? = nil) {
        self.name = name
        self.kaonDecays = kaonDecays
        self.prescale = prescale
        self.triggerEfficiency = triggerEfficiency
        self.statedEffectiveKaonDecays = statedEffectiveKaonDecays
        self.running = running
    }

    public var effectiveKaonDecays: Double {
        statedEffectiveKaonDecays ?? ((kaonDecays ?? 0) * triggerEfficiency / prescale)
    }
}


/// The K+ decays in the fiducial volume of a stream as a proposal states them, from the running
/// conditions (seed 000 Sec. 1: 0.92 × 10⁶ spills of 3 s, 1.3–2.2 × 10¹² protons per spill,
/// a 3.7 MHz K+ decay rate): spills (or days × spills per day) times the decays per spill —
/// protons per spill × K+ decays per proton, or the decay rate × the spill length.
public struct RunningConditions: Sendable, Equatable {
    public enum Spills: Sendable, Equatable {
        case count(Double)
        case days(Double, spillsPerDay: Double)
    }
    public enum DecaysPerSpill: Sendable, Equatable {
        case protons(perSpill: Double, kaonDecaysPerProton: Double)
        case rate(hertz: Double, spillLengthSeconds: Double)
    }
    public var spills: Spills
    public var decaysPerSpill: DecaysPerSpill

    public init(spills: Spills, decaysPerSpill: DecaysPerSpill) {
        self.spills = spills
        self.decaysPerSpill = decaysPerSpill
    }

    public var spillCount: Double {
        switch spills {
        case .count(let n): return n
        case .days(let days, let perDay): return days * perDay
        }
    }

    public var kaonDecaysPerSpill: Double {
        switch decaysPerSpill {
        case .protons(let protons, let perProton): return protons * perProton
        case .rate(let hertz, let seconds): return hertz * seconds
        }
    }

    /// K+ decays in the fiducial volume: spills × decays per spill.
    public var kaonDecays: Double { spillCount * kaonDecaysPerSpill }
}

/// Where a background component's m²_miss spectrum comes from.
public enum BackgroundSource: Sendable, Equatable {
    /// The channel's own radiative decay (K → π0 e ν γ for K → π0 e N, …) through the veto model.
    case radiative
    /// A named built-in process, generated with the variant's veto, resolution and acceptance.
    case process(BackgroundProcess)
    /// A user table dN/dm²_miss (absolute path, resolved against the scenario's folder).
    case table(path: String, normalisation: TableNormalisation)
    /// A user table of N_exp(m0²) and δN_exp(m0²) above each cut m²_miss > m0², for the
    /// variant's exposure (`{table: …, kind: above}`; `CutTable`).
    case cutTable(path: String)

    /// Whether the tool generates it (and so needs the photon-veto model).
    public var isGenerated: Bool { !isTable }

    /// Whether it is a user table.
    public var isTable: Bool {
        switch self {
        case .table, .cutTable: return true
        case .radiative, .process: return false
        }
    }

    /// The user table's path, if it is one.
    public var tablePath: String? {
        switch self {
        case .table(let path, _), .cutTable(let path): return path
        case .radiative, .process: return nil
        }
    }

    /// The process generated for `channel`, nil for a table.
    public func process(for channel: Channel) -> BackgroundProcess? {
        switch self {
        case .radiative: return BackgroundProcess(RadiativeProcess(backgroundFor: channel))
        case .process(let process): return process
        case .table, .cutTable: return nil
        }
    }
}

/// One named source of background with its relative uncertainty and correlation group
/// (`background:` in a scenario, a list or a single source): uncertainties in one group add
/// linearly, groups and ungrouped components in quadrature (docs/physics.md §5.13).
public struct BackgroundComponent: Sendable, Equatable {
    public var source: BackgroundSource
    /// As written in `label`, nil for the default (`name(for:)`).
    public var label: String?
    /// δb/b of this component; nil: `analysis.background_uncertainty`.
    public var relativeUncertainty: Double?
    /// Components of one group have fully correlated uncertainties.
    public var group: String?
    /// For a radiative process: the parts of the amplitude generated; nil for the default
    /// (`emission(for:)`).
    public var emission: RadiativeEmission?
    /// For K+ → μ+ ν, μ+ → e+ ν ν̄: the fraction in (0, 1] the analysis' vertex and track-quality
    /// criteria keep; nil for the default, 1 (no rejection; docs/physics.md §5.15).
    public var rejection: Double?
    /// For a table: it holds the m²_miss ≤ 0 side, reflected to m²_miss ≥ 0 (seed 000 Sec. 4's
    /// data-driven tail of the K+ → μ+ ν(γ) peak; docs/physics.md §5.8.2).
    public var mirrored: Bool

    public init(_ source: BackgroundSource, label: String? = nil, relativeUncertainty: Double? = nil, group: String? = nil,
                emission: RadiativeEmission? = nil, rejection: Double? = nil, mirrored: Bool = false) {
        self.mirrored = mirrored
        self.source = source
        self.label = label
        self.relativeUncertainty = relativeUncertainty
        self.group = group
        self.emission = emission
        self.rejection = rejection
    }

    /// The rejection factor applied: as written, else 1.
    public var appliedRejection: Double { rejection ?? 1 }

    /// The emission generated: as written, else everything the process has — inner
    /// bremsstrahlung, and for K+ → l+ ν γ the structure-dependent terms and their interference
    /// (docs/physics.md §5.3).
    public func emission(for channel: Channel) -> RadiativeEmission {
        if let emission { return emission }
        guard let radiative = source.process(for: channel)?.radiative else { return .innerBremsstrahlung }
        return RadiativeEmission.innerBremsstrahlungAndStructure.isAvailable(for: radiative) ? .innerBremsstrahlungAndStructure : .innerBremsstrahlung
    }

    /// The name tables and figures show: the label, else the process, else the table's file name.
    public func name(for channel: Channel) -> String {
        if let label { return label }
        switch source {
        case .radiative, .process: return source.process(for: channel)?.rawValue ?? "background"
        case .table(let path, _), .cutTable(let path): return (path as NSString).lastPathComponent
        }
    }
}

/// How a user background table is normalised.
public enum TableNormalisation: Sendable, Equatable {
    /// Events per GeV² per kaon decay: multiplied by the variant's N_K.
    case perKaonDecay
    /// Events per GeV² for the stated number of kaon decays: scaled to the variant's N_K.
    case forKaonDecays(Double)
}

/// The statistic that turns signal and background counts into a limit.
public enum Statistic: String, Sendable, CaseIterable, Equatable {
    /// s = z √(b + δb²): seed 001 Eq. (3), the detection sensitivity (z = 1.28 at 90 % CL).
    case detection
    /// s = z √(b + s + δb²): median expected exclusion (seed 001 Fig. 4).
    case medianExclusion = "median-exclusion"
    /// CLs expected limit (A.L. Read 2002) with ±1σ/±2σ bands.
    case clsExpected = "cls-expected"
    /// CLs expected limit with ±1σ/±2σ bands from a binned likelihood of the m²_miss spectrum
    /// around each hypothesis (`Analysis.shape`; Asimov data and q̃_μ, Cowan, Cranmer, Gross,
    /// Vitells 2011; docs/statistics.md §14). It fills the CLs columns of the table.
    case shape

    /// Whether the statistic's limits are the CLs median and bands (`cls-expected`, `shape`).
    public var hasBands: Bool { self == .clsExpected || self == .shape }
}

/// The bins of a shape fit (`analysis.shape`), in units of the resolution σ(m²_miss) at the
/// hypothesis: bins of `binWidthSigmas` covering m_N² ± `rangeSigmas` σ. The default, ±5σ in
/// bins of 0.5σ (20 bins), keeps all but 6×10⁻⁷ of a Gaussian peak and resolves its shape to
/// ≈ 0.5 % in the Fisher information (the loss of a bin of width w is ≈ w²/24σ² of its
/// information at the curvature of the peak); finer bins change the limit by less than that.
public struct ShapeBinning: Sendable, Equatable {
    /// Half-width R of the fitted range, in σ.
    public var rangeSigmas: Double
    /// Width w of every bin, in σ; 2R/w is an integer.
    public var binWidthSigmas: Double
    /// Whether the background normalisation floats freely (true) or is constrained by the
    /// scenario's relative background uncertainty (false; δ = 0 fixes it).
    public var freeNormalisation: Bool

    public static let defaultRangeSigmas = 5.0
    public static let defaultBinWidthSigmas = 0.5
    /// The most bins a fit may have.
    public static let maximumBins = 1000

    public init(rangeSigmas: Double = defaultRangeSigmas, binWidthSigmas: Double = defaultBinWidthSigmas, freeNormalisation: Bool = false) {
        self.rangeSigmas = rangeSigmas
        self.binWidthSigmas = binWidthSigmas
        self.freeNormalisation = freeNormalisation
    }

    /// 2R/w, rounded.
    public var binCount: Int { Int((2 * rangeSigmas / binWidthSigmas).rounded()) }

    /// The bin edges in σ from the hypothesis, −R … R (computed, not summed).
    public var edgesSigmas: [Double] {
        let n = binCount
        return (0...n).map { -rangeSigmas + 2 * rangeSigmas * Double($0) / Double(n) }
    }
}

/// The signal region of each hypothesis: a window m_N² ± kσ around an HNL peak
/// (`analysis.window`), or a cut m²_miss ≥ m0² for a continuum signal (`analysis.region`,
/// seed 000 Sec. 6).
public enum WindowWidth: Sendable, Equatable {
    /// Fixed k (seed 001: k = 1.4 maximises s/√b for a flat background).
    case fixed(k: Double)
    /// k chosen per mass point to minimise the expected limit.
    case optimal
    /// The cut m²_miss ≥ m0² at a fixed m0² [GeV²].
    case cut(thresholdGeV2: Double)
    /// m0² chosen per hypothesis on the grid 0, step, 2·step, … below the endpoint
    /// (m_K − m_μ)², keeping the strongest expected CLs limit (seed 000 Sec. 6: step 0.02 GeV²).
    case optimalCut(stepGeV2: Double)

    /// Seed 000's grid of m0² values, 0.02 GeV² (Sec. 6: "rounded up to the nearest multiple of
    /// 0.02 GeV²/c⁴").
    public static let seed000CutStepGeV2 = 0.02

    /// Whether it is a cut (continuum channels) rather than a window (HNL channels).
    public var isCut: Bool {
        switch self {
        case .fixed, .optimal: return false
        case .cut, .optimalCut: return true
        }
    }

    /// Seed 001's k = 1.4, which maximises s/√b for a flat background (seed 001 Sec. IV): the
    /// default window, and where the search for the optimal k starts.
    public static let seed001K = 1.4
    public static let seed001 = WindowWidth.fixed(k: seed001K)
}


/// How the counts become a limit.
public struct Analysis: Sendable, Equatable {
    public var window: WindowWidth
    public var statistic: Statistic
    /// Confidence level, e.g. 0.90.
    public var confidence: Double
    /// Relative background uncertainty δb/b (when not from the sidebands).
    public var backgroundUncertainty: Double
    public var backgroundPrior: BackgroundUncertaintyModel
    /// δb from a polynomial fit to the expected sideband counts (seed 000 Sec. 5) instead of
    /// the components' relative uncertainties; nil: those.
    public var sidebandFit: SidebandFit?
    /// The bins of `statistic: shape`.
    public var shape: ShapeBinning

    public init(window: WindowWidth = .seed001, statistic: Statistic = .medianExclusion, confidence: Double = 0.90, backgroundUncertainty: Double = 0,
                backgroundPrior: BackgroundUncertaintyModel = .gaussian, sidebandFit: SidebandFit? = nil, shape: ShapeBinning = ShapeBinning()) {
        self.shape = shape
        self.window = window
        self.statistic = statistic
        self.confidence = confidence
        self.backgroundUncertainty = backgroundUncertainty
        self.backgroundPrior = backgroundPrior
        self.sidebandFit = sidebandFit
    }
}

/// Seed 000 Sec. 5's background estimate: in each mass hypothesis, the reconstructed m_miss
/// spectrum in sidebands k σ_m < |m_miss − m_N| < `outerSigmas` σ_m (inside `rangeGeV`), in bins
/// of `binSigmas` σ_m, is fitted with polynomials of order 2 and 3; the statistical uncertainty
/// of the order-2 prediction for the ±k σ_m window and the difference of the two orders, in
/// quadrature, are δN_exp (docs/statistics.md §5.1).
public struct SidebandFit: Sendable, Equatable {
    /// The m_miss range the sidebands must lie in [GeV] (seed 000: 188–386 MeV).
    public var rangeGeV: ClosedRange<Double>
    /// Outer edge of the sidebands in σ_m (seed 000: 11.25).
    public var outerSigmas: Double
    /// Bin width in σ_m (seed 000: 0.75).
    public var binSigmas: Double

    public static let seed000OuterSigmas = 11.25
    public static let seed000BinSigmas = 0.75

    public init(rangeGeV: ClosedRange<Double>, outerSigmas: Double = SidebandFit.seed000OuterSigmas, binSigmas: Double = SidebandFit.seed000BinSigmas) {
        self.rangeGeV = rangeGeV
        self.outerSigmas = outerSigmas
        self.binSigmas = binSigmas
    }
}

/// What the figure of a scenario file shows. Decoded here, drawn by the plot layer.
public struct FigureSettings: Sendable, Equatable {
    /// A reference curve: a bundled id (`pienu_2018`) or a user file; or a user's table of
    /// observed and expected limits (`reach limit --table`, `kind: limit_table`), drawn with
    /// its expected bands.
    public enum Reference: Sendable, Equatable {
        case bundled(id: String)
        case file(path: String, label: String, kind: ReferenceKind)
        case limitTable(path: String, label: String)
    }
    public enum ReferenceKind: String, Sendable, Equatable, CaseIterable {
        case upperLimit = "upper_limit"
        case lowerBound = "lower_bound"
    }
    /// The limit tables among `references`, in order.
    public var limitTables: [(path: String, label: String)] {
        references.compactMap { if case .limitTable(let path, let label) = $0 { return (path, label) } else { return nil } }
    }
    public enum AxisScale: String, Sendable, Equatable, CaseIterable {
        case linear, log
    }

    /// |U|² range; `nil`: automatic.
    public var yRange: ClosedRange<Double>?
    /// Mass range [GeV]; `nil`: the scan range.
    public var xRangeGeV: ClosedRange<Double>?
    public var xScale: AxisScale
    public var references: [Reference]
    /// Statistics drawn for each variant (default: the analysis statistic of each variant).
    public var statistics: [Statistic]
    /// Label of the variant drawn with ±1σ/±2σ CLs bands, if any.
    public var bandsVariant: String?
    /// Label of the baseline variant of the ratio panel, if any.
    public var ratioBaseline: String?
    /// Experiment label inside the frame ("NA62 projection").
    /// `envelope`: the band between two variants' curves (e.g. an assumption's two extremes).
    public var envelope: Envelope?
    public struct Envelope: Sendable, Equatable {
        public var first: String
        public var second: String
        /// `envelope_label`, the legend text; nil: "between A and B".
        public var label: String?
        public init(first: String, second: String, label: String? = nil) {
            self.first = first
            self.second = second
            self.label = label
        }
    }
    public var label: String?

    public init(yRange: ClosedRange<Double>? = nil, xRangeGeV: ClosedRange<Double>? = nil, xScale: AxisScale = .linear, references: [Reference] = [], statistics: [Statistic] = [], bandsVariant: String? = nil, ratioBaseline: String? = nil, label: String? = nil) {
        self.yRange = yRange
        self.xRangeGeV = xRangeGeV
        self.xScale = xScale
        self.references = references
        self.statistics = statistics
        self.bandsVariant = bandsVariant
        self.ratioBaseline = ratioBaseline
        self.label = label
    }
}
