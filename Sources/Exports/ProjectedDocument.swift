import Projection
import Scenario

/// One scenario document with its projection, and the basename of its files (the figure's:
/// `na62-kpi0en`, or `hike-kpi0en` in a file of several documents) — what every export reads.
public struct ProjectedDocument: Sendable {
    public var scenario: ScenarioFile
    public var projection: DocumentProjection
    public var basename: String

    public init(scenario: ScenarioFile, projection: DocumentProjection, basename: String) {
        self.scenario = scenario
        self.projection = projection
        self.basename = basename
    }

    /// The scenario's variant of a curve (by label) and its 1-based position in the file.
    func variant(of curve: SensitivityCurve) -> (variant: Variant, number: Int)? {
        guard let index = scenario.variants.firstIndex(where: { $0.label == curve.label }) else { return nil }
        return (scenario.variants[index], index + 1)
    }
}
