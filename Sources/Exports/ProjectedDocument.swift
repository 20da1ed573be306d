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
    /// A combined curve ("combined: LABEL") is the combination's variant LABEL; a part's curve
    /// in a combination has none (the part's own document has it).
    func variant(of curve: SensitivityCurve) -> (variant: Variant, number: Int)? {
        let label = curve.isCombination ? String(curve.label.dropFirst(CombinedProjection.labelPrefix.count)) : curve.label
        guard scenario.combination == nil || curve.isCombination,
              let index = scenario.variants.firstIndex(where: { $0.label == label }) else { return nil }
        return (scenario.variants[index], index + 1)
    }
}
