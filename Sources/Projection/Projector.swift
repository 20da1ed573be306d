import Physics
import Scenario
import Simulation

/// Projects every variant of a scenario file (or the selected ones) into sensitivity curves.
public struct Projector: Sendable {
    public var generation: VariantBackground.Generation
    /// The threads of the generator and the mass scan (`--jobs`).
    public var workers: Workers

    public init(generation: VariantBackground.Generation = .init(), workers: Workers = .allCores) {
        self.generation = generation
        self.workers = workers
    }

    /// The projection of `variants` (indices into `file.variants`; all when nil), in file order.
    /// `progress`, if given, is called on the calling thread as each variant starts, with its
    /// 1-based position among the selected variants and their count (for a progress line).
    public func project(_ file: ScenarioFile, variants: [Int]? = nil, progress: ((_ variant: Int, _ of: Int) -> Void)? = nil) throws -> DocumentProjection {
        if let combination = file.combination {
            return try CombinedProjection.project(file, combination: combination, variants: variants, projector: self, progress: progress)
        }
        let scan = MassScan(channel: file.channel, massesGeV: file.masses.massesGeV, workers: workers)
        let selected = variants ?? Array(file.variants.indices)
        let curves = try selected.enumerated().map { position, index in
            progress?(position + 1, selected.count)
            let scenario = file.variants[index]
            let background = try VariantBackground.composition(for: scenario, channel: file.channel, generation: generation, workers: workers)
            return scan.curve(for: scenario, background: background)
        }
        return DocumentProjection(title: file.title, channel: file.channel,
                          confidence: file.variants.first?.analysis.confidence ?? 0.90, curves: curves, name: file.documentName)
    }

    /// The projection of one variant at one mass (what `reach scan` and `reach plot-background`
    /// show at `--mass`): the same window choice, background and statistics as the mass scan.
    public func point(of file: ScenarioFile, variant: Int, massGeV: Double) throws -> SensitivityPoint {
        var single = file
        single.masses = MassGrid(fromGeV: massGeV, toGeV: massGeV, stepGeV: 1)
        guard let point = try project(single, variants: [variant]).curves.first?.points.first else {
            throw ParameterScan.InputError.noProjection(massGeV: massGeV)
        }
        return point
    }
}
