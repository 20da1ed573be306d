import Projection
import Scenario
import Simulation

/// The background b of one variant at every mass of its grid (201 for na62-kpi0en.yaml), at
/// default statistics, generation included (the sample caches are emptied before each run).
enum BackgroundBenchmark {
    static let target = 0.3

    static func run(file: ScenarioFile, workers: Workers, repetitions: Int) throws -> BenchmarkRow {
        let scenario = file.variants[0]
        let masses = file.masses.massesGeV
        let k: Double
        if case .fixed(let fixed) = scenario.analysis.window { k = fixed } else { k = WindowWidth.seed001K }
        var failure: Error?
        var checksum = 0.0
        let clock = WallClock(repetitions: repetitions) {
            emptySampleCaches()
            do {
                let background = try VariantBackground.composition(for: scenario, channel: file.channel, workers: workers)
                for mass in masses {
                    checksum += background.estimate(in: .window(centreGeV2: mass * mass, k: k, resolutionGeV2: scenario.detector.resolution.sigmaGeV2(atMissingMassSquaredGeV2: mass * mass))).total.events
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        precondition(checksum.isFinite && checksum > 0, "background benchmark produced no background")
        return BenchmarkRow(quantity: "background of one variant, \(masses.count) masses, generation included (wall)",
                            measured: formatSeconds(clock.best), target: "≤ 0.3 s", met: clock.best <= target)
    }
}
