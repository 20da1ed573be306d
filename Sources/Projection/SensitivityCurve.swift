import Physics
import Scenario

/// The projection of one variant: its label, N_K and one point per mass.
public struct SensitivityCurve: Sendable, Equatable {
    public var label: String
    public var kaonDecaysEffective: Double
    public var points: [SensitivityPoint]

    public init(label: String, kaonDecaysEffective: Double, points: [SensitivityPoint]) {
        self.label = label
        self.kaonDecaysEffective = kaonDecaysEffective
        self.points = points
    }
}

/// All variants of a scenario document, in file order.
public struct Projection: Sendable, Equatable {
    /// The document's name (`ScenarioFile.documentName`: its `name`, or the channel's default).
    public var name: String
    public var title: String
    public var channel: Channel
    /// Confidence level of the limits (from the first variant's analysis).
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
