import Physics
import Scenario

/// Projects every variant of a scenario file (or the selected ones) into sensitivity curves.
public struct Projector: Sendable {
    public var generation: VariantBackground.Generation
    public var jobs: Int

    public init(generation: VariantBackground.Generation = .init(), jobs: Int = 2) {
        self.generation = generation
        self.jobs = jobs
    }

    /// The projection of `variants` (indices into `file.variants`; all when nil), in file order.
    public func project(_ file: ScenarioFile, variants: [Int]? = nil) throws -> Projection {
        let scan = MassScan(channel: file.channel, massesGeV: file.masses.massesGeV, jobs: jobs)
        let selected = variants ?? Array(file.variants.indices)
        let curves = try selected.map { index in
            let scenario = file.variants[index]
            let background = try VariantBackground.make(for: scenario, channel: file.channel, generation: generation)
            return scan.curve(for: scenario, background: background)
        }
        return Projection(title: file.title, channel: file.channel,
                          confidence: file.variants.first?.analysis.confidence ?? 0.90, curves: curves, name: file.documentName)
    }
}
