import Simulation

/// Generator throughput on one thread: weighted events per second of wall-clock time through
/// the sample generator's hot loop (target ≥ 10⁷ per core), for K_e3γ and for K_e2γ with
/// structure-dependent emission.
enum GeneratorBenchmark {
    static let events = 1 << 21
    static let target = 1e7

    static func run(repetitions: Int) -> BenchmarkRow {
        row("K_e3γ generator, weighted events/s on one core", repetitions: repetitions) {
            SimulationBenchmarks.generateOnOneThread(events: events, seed: 1)
        }
    }

    static func runLeptonic(repetitions: Int) -> BenchmarkRow {
        row("K_e2γ (IB + SD) generator, weighted events/s on one core", repetitions: repetitions) {
            SimulationBenchmarks.generateLeptonicOnOneThread(events: events, seed: 1)
        }
    }

    private static func row(_ quantity: String, repetitions: Int, _ generate: () -> Double) -> BenchmarkRow {
        var checksum = 0.0
        let clock = WallClock(repetitions: repetitions) {
            checksum += generate()
        }
        precondition(checksum.isFinite && checksum > 0, "generator benchmark produced no weight")
        let rate = Double(events) / clock.best
        return BenchmarkRow(quantity: quantity, measured: String(format: "%.1f M/s", rate / 1e6),
                            target: "≥ 10.0 M/s", met: rate >= target)
    }
}
