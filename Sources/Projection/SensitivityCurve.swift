import Physics
import Scenario
import Statistics

/// The projection of one variant: its label, N_K, the confidence level and statistic of its
/// analysis, and one point per mass.
public struct SensitivityCurve: Sendable, Equatable {
    public var label: String
    public var kaonDecaysEffective: Double
    /// The variant's `analysis.confidence` (every limit of its points is at this CL).
    public var confidence: Double
    /// The variant's `analysis.statistic` (the one drawn for it by default).
    public var statistic: Statistic
    public var points: [SensitivityPoint]
    /// The names of the background's components (each point's `backgroundByComponent`).
    public var backgroundComponents: [String]
    /// For a combined curve (`combine:`), the parts it joins, each with its points on the same
    /// masses; empty for one channel.
    public var parts: [CombinedPart]

    /// Whether the curve combines channels: its per-channel columns (acceptance, window, N_K,
    /// ⟨ε_bkg⟩) are undefined.
    public var isCombination: Bool { !parts.isEmpty }

    public init(label: String, kaonDecaysEffective: Double, confidence: Double = 0.90, statistic: Statistic = .medianExclusion,
                points: [SensitivityPoint], backgroundComponents: [String] = [], parts: [CombinedPart] = []) {
        self.parts = parts
        self.label = label
        self.kaonDecaysEffective = kaonDecaysEffective
        self.confidence = confidence
        self.statistic = statistic
        self.points = points
        self.backgroundComponents = backgroundComponents
    }
}

/// One part of a combined curve: its document's name, the background prior of its variant and
/// its points (the counting window each combined point joins).
public struct CombinedPart: Sendable, Equatable {
    public var name: String
    public var prior: BackgroundUncertaintyModel
    public var points: [SensitivityPoint]

    public init(name: String, prior: BackgroundUncertaintyModel, points: [SensitivityPoint]) {
        self.name = name
        self.prior = prior
        self.points = points
    }
}

/// All variants of a scenario document, in file order.
public struct DocumentProjection: Sendable, Equatable {
    /// The document's name (`ScenarioFile.documentName`: its `name`, or the channel's default).
    public var name: String
    public var title: String
    public var channel: Channel
    /// Confidence level of the first variant's limits; each curve carries its own.
    public var confidence: Double
    public var curves: [SensitivityCurve]

    /// `name` nil: the channel's default document name.
    public init(title: String, channel: Channel, confidence: Double, curves: [SensitivityCurve], name: String? = nil) {
        self.name = name ?? ScenarioFile.defaultName(for: channel)
        self.title = title
        self.channel = channel
        self.confidence = confidence
        self.curves = curves
    }
}
