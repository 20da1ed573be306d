import Physics

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

/// All variants of a scenario file, in file order.
public struct Projection: Sendable, Equatable {
    public var title: String
    public var channel: Channel
    /// Confidence level of the limits (from the first variant's analysis).
    public var confidence: Double
    public var curves: [SensitivityCurve]

    public init(title: String, channel: Channel, confidence: Double, curves: [SensitivityCurve]) {
        self.title = title
        self.channel = channel
        self.confidence = confidence
        self.curves = curves
    }
}
