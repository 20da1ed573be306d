import Foundation
import Physics
import Projection
import Scenario
import Simulation

/// The two statistics-heavy projections: a shape fit per mass point (one thread, the sample
/// already generated; target ≤ 1 ms), and a fine scan of 20 variants × 10 001 masses with
/// `window: optimal` and CLs bands at δb/b = 0.1 (wall, generation included; target ≤ 20 s).
enum ScanBenchmark {
    /// `statistic: shape` (±5σ in 20 bins) at every mass of the file's first variant, per point.
    static func shapeFit(file: ScenarioFile, repetitions: Int) throws -> BenchmarkRow {
        guard var variant = file.variants.first else { throw BenchmarkError("the scenario has no variant") }
        variant.analysis.statistic = .shape
        variant.analysis.backgroundUncertainty = 0.1
        let background = try VariantBackground.composition(for: variant, channel: file.channel, workers: .threads(Machine.cores))
        let masses = file.masses.massesGeV
        let scan = MassScan(channel: file.channel, massesGeV: masses, workers: .threads(1))
        let kaonDecays = variant.exposure.effectiveKaonDecays
        var sink = 0.0
        let clock = WallClock(repetitions: repetitions) {
            for mass in masses { sink += scan.point(massGeV: mass, scenario: variant, kaonDecays: kaonDecays, background: background).u2CLs.median }
        }
        precondition(!sink.isNaN)
        let perPoint = clock.best / Double(masses.count)
        return BenchmarkRow(quantity: "shape fit (20 bins, constrained) per mass point, one core",
                            measured: formatSeconds(perPoint), target: "≤ 1 ms", met: perPoint <= 1e-3)
    }

    /// 20 variants of the file's first (N_K × 1 … 20, so one generated sample serves all) on
    /// 10 001 masses over the file's range, `window: optimal`, `statistic: cls-expected`,
    /// δb/b = 0.1; one run, the sample cache emptied first.
    static func fineScan(file: ScenarioFile) throws -> BenchmarkRow {
        guard let first = file.variants.first else { throw BenchmarkError("the scenario has no variant") }
        var scan = file
        scan.variants = (1...20).map { factor in
            var variant = first
            variant.label = "N_K × \(factor)"
            variant.exposure.streams = variant.exposure.streams.map { stream in
                var scaled = stream
                if let decays = stream.kaonDecays { scaled.kaonDecays = decays * Double(factor) }
                if let stated = stream.statedEffectiveKaonDecays { scaled.statedEffectiveKaonDecays = stated * Double(factor) }
                return scaled
            }
            variant.analysis.window = .optimal
            variant.analysis.statistic = .clsExpected
            variant.analysis.backgroundUncertainty = 0.1
            return variant
        }
        let from = file.masses.massesGeV.first ?? 0.1, to = file.masses.massesGeV.last ?? 0.3
        scan.masses = MassGrid(fromGeV: from, toGeV: to, stepGeV: (to - from) / 10_000)
        RadiativeSampleCache.shared.removeAll()
        let projector = Projector(workers: .threads(Machine.cores))
        var failure: Error?
        let clock = WallClock(repetitions: 1, warmUp: false) {
            do { _ = try projector.project(scan) } catch { failure = error }
        }
        if let failure { throw failure }
        return BenchmarkRow(quantity: "project, 20 variants × \(scan.masses.massesGeV.count) masses, window: optimal, CLs bands (wall)",
                            measured: formatSeconds(clock.best), target: "≤ 20 s", met: clock.best <= 20)
    }
}
