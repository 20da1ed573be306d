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

/// One projection: exposure, detector, background and analysis.
public struct Variant: Sendable {
    public var label: String
    public var exposure: Exposure
    public var detector: Detector
    public var background: BackgroundSource
    public var analysis: Analysis

    public init(label: String, exposure: Exposure, detector: Detector, background: BackgroundSource, analysis: Analysis) {
        self.label = label
        self.exposure = exposure
        self.detector = detector
        self.background = background
        self.analysis = analysis
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

    public init(name: String, kaonDecays: Double?, prescale: Double = 1, triggerEfficiency: Double = 1, statedEffectiveKaonDecays: Double? = nil) {
        self.name = name
        self.kaonDecays = kaonDecays
        self.prescale = prescale
        self.triggerEfficiency = triggerEfficiency
        self.statedEffectiveKaonDecays = statedEffectiveKaonDecays
    }

    public var effectiveKaonDecays: Double {
        statedEffectiveKaonDecays ?? ((kaonDecays ?? 0) * triggerEfficiency / prescale)
    }
}


/// Where the background m²_miss spectrum comes from.
public enum BackgroundSource: Sendable, Equatable {
    /// The built-in radiative generator (K → π0 e ν γ, K → μ ν γ …) and the veto model.
    case radiative
    /// A user table dN/dm²_miss (absolute path, resolved against the scenario's folder).
    case table(path: String, normalisation: TableNormalisation)
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
}

/// Width of the signal window m_N² ± kσ.
public enum WindowWidth: Sendable, Equatable {
    /// Fixed k (seed 001: k = 1.4 maximises s/√b for a flat background).
    case fixed(k: Double)
    /// k chosen per mass point to minimise the expected limit.
    case optimal

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
    /// Relative background uncertainty δb/b.
    public var backgroundUncertainty: Double
    public var backgroundPrior: BackgroundUncertaintyModel

    public init(window: WindowWidth = .seed001, statistic: Statistic = .medianExclusion, confidence: Double = 0.90, backgroundUncertainty: Double = 0, backgroundPrior: BackgroundUncertaintyModel = .gaussian) {
        self.window = window
        self.statistic = statistic
        self.confidence = confidence
        self.backgroundUncertainty = backgroundUncertainty
        self.backgroundPrior = backgroundPrior
    }
}

/// What the figure of a scenario file shows. Decoded here, drawn by the plot layer.
public struct FigureSettings: Sendable, Equatable {
    /// A reference curve: a bundled id (`pienu_2018`) or a user file.
    public enum Reference: Sendable, Equatable {
        case bundled(id: String)
        case file(path: String, label: String, kind: ReferenceKind)
    }
    public enum ReferenceKind: String, Sendable, Equatable, CaseIterable {
        case upperLimit = "upper_limit"
        case lowerBound = "lower_bound"
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
