import Foundation
import Projection
import Scenario
import Simulation

/// A full `reach project` of a scenario file: background generation (the sample caches are
/// emptied first), every mass of the grid with detection, median exclusion and CLs with bands,
/// and the CSV text (target ≤ 0.5 s wall). Run for the four-variant K+ → π0 e+ N scenario and
/// for `scenarios/na62-kmun.yaml` (K_μ2γ and K_μ3 with both photons lost).
enum ProjectionBenchmark {
    static let target = 0.5
    static let kaonToMuonScenario = "scenarios/na62-kmun.yaml"

    /// The file's variants plus one more: its last variant with a better m²_miss resolution
    /// (1.2 × 10⁻³ GeV²), which reuses the generated sample through a different smearing.
    static func fourVariants(_ file: ScenarioFile) -> ScenarioFile {
        var extended = file
        if var extra = file.variants.last {
            extra.label += ", σ = 1.2e-3 GeV²"
            extra.detector.resolutionGeV2 = 1.2e-3
            extended.variants.append(extra)
        }
        return extended
    }

    /// `name` introduces the table line (the file, or how it was extended).
    static func run(file: ScenarioFile, name: String, workers: Workers, repetitions: Int) throws
        -> (row: BenchmarkRow, projection: DocumentProjection) {
        let projector = Projector(workers: workers)
        var failure: Error?
        var result: DocumentProjection?
        var bytes = 0
        let clock = WallClock(repetitions: repetitions) {
            emptySampleCaches()
            do {
                let projection = try projector.project(file)
                bytes += ProjectionTable.csv(projection).utf8.count
                result = projection
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard let result, bytes > 0 else { throw BenchmarkError("the projection benchmark produced no table") }
        let masses = file.masses.massesGeV.count
        let row = BenchmarkRow(quantity: "project \(name), \(file.variants.count) variants × \(masses) masses with CLs bands (wall)",
                               measured: formatSeconds(clock.best), target: "≤ 0.5 s", met: clock.best <= target)
        return (row, result)
    }
}

/// Empties every cache of generated samples, so that a timed run includes the generation.
func emptySampleCaches() {
    RadiativeSampleCache.shared.removeAll()
    PhotonPairSample.cache.removeAll()
    MuonDecaySample.cache.removeAll()
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
