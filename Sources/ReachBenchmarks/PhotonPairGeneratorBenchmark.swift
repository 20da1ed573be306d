import Simulation

/// K_μ3 with π0 → γγ generator throughput on one thread: weighted events per second of
/// wall-clock time, each with both photons' lab angle and energy (target ≥ 2 × 10⁷ per core).
enum PhotonPairGeneratorBenchmark {
    static let events = 1 << 22
    static let target = 2e7

    static func run(repetitions: Int) -> BenchmarkRow {
        var checksum = 0.0
        let clock = WallClock(repetitions: repetitions) {
            checksum += SimulationBenchmarks.generatePhotonPairsOnOneThread(events: events, seed: 1)
        }
        precondition(checksum.isFinite && checksum > 0, "photon-pair generator benchmark produced no weight")
        let rate = Double(events) / clock.best
        return BenchmarkRow(quantity: "K_μ3 π0 → γγ generator, weighted events/s on one core",
                            measured: String(format: "%.1f M/s", rate / 1e6),
                            target: "≥ 20.0 M/s", met: rate >= target)
    }
}
