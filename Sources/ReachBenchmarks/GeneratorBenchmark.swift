import Simulation

/// Generator throughput on one thread: weighted events per second of wall-clock time through
/// each generated background's hot loop (target ≥ 2 × 10⁷ per core), one line per source.
enum GeneratorBenchmark {
    static let target = 2e7
    /// Many short runs rather than a few long ones: on a shared machine the fastest of them is
    /// the one least disturbed by other load.
    static let repetitions = 25

    /// A generated source: its table line and Σw/N of `events` events from seed 1.
    struct Source: Sendable {
        var quantity: String
        var events: Int
        var generate: @Sendable (_ events: Int) -> Double
    }

    static let sources = [
        Source(quantity: "K_e3γ generator, weighted events/s on one core", events: 1 << 19) {
            SimulationBenchmarks.generateOnOneThread(events: $0, seed: 1)
        },
        Source(quantity: "K_e2γ (IB + SD) generator, weighted events/s on one core", events: 1 << 19) {
            SimulationBenchmarks.generateLeptonicOnOneThread(process: .ke2Gamma, events: $0, seed: 1)
        },
        Source(quantity: "K_μ2γ (IB + SD) generator, weighted events/s on one core", events: 1 << 19) {
            SimulationBenchmarks.generateLeptonicOnOneThread(process: .kmu2Gamma, events: $0, seed: 1)
        },
        Source(quantity: "K_μ3 π0 → γγ generator, weighted events/s on one core", events: 1 << 19) {
            SimulationBenchmarks.generatePhotonPairsOnOneThread(events: $0, seed: 1)
        },
        Source(quantity: "K_μ2 μ → e decay-in-flight generator, events/s on one core", events: 1 << 19) {
            SimulationBenchmarks.generateMuonDecaysOnOneThread(events: $0, seed: 1)
        },
    ]

    static func run(repetitions: Int) -> [BenchmarkRow] {
        sources.map { row($0, repetitions: repetitions) }
    }

    private static func row(_ source: Source, repetitions: Int) -> BenchmarkRow {
        var checksum = 0.0
        let clock = WallClock(repetitions: repetitions) {
            checksum += source.generate(source.events)
        }
        precondition(checksum.isFinite && checksum > 0, "generator benchmark produced no weight: \(source.quantity)")
        let rate = Double(source.events) / clock.best
        return BenchmarkRow(quantity: source.quantity, measured: String(format: "%.1f M/s", rate / 1e6),
                            target: String(format: "≥ %.1f M/s", target / 1e6), met: rate >= target)
    }
}
