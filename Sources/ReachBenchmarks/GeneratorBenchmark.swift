import Simulation

/// K_e3γ generator throughput on one thread: weighted events per second of wall-clock time
/// through the sample generator's hot loop (target ≥ 10⁷ per core).
enum GeneratorBenchmark {
    static let events = 1 << 21
    static let target = 1e7

    static func run(repetitions: Int) -> BenchmarkRow {
        var checksum = 0.0
        let clock = WallClock(repetitions: repetitions) {
            checksum += SimulationBenchmarks.generateOnOneThread(events: events, seed: 1)
        }
        precondition(checksum.isFinite && checksum > 0, "generator benchmark produced no weight")
        let rate = Double(events) / clock.best
        return BenchmarkRow(quantity: "K_e3γ generator, weighted events/s on one core",
                            measured: String(format: "%.1f M/s", rate / 1e6),
                            target: "≥ 10.0 M/s", met: rate >= target)
    }
}
