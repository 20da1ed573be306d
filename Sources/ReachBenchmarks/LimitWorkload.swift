import Statistics

/// Timings of the expected-limit calculation, for the benchmark executable (no printing here).
enum StatisticsBenchmarks {
    /// One measurement: the mean wall time of `expectedLimits` (median + four band edges) for
    /// one window.
    struct Result: Sendable {
        var background: Double
        var relativeUncertainty: Double
        var secondsPerWindow: Double
        /// The target: ≤ 50 µs per window at any b up to 10⁷.
        var meetsTarget: Bool { secondsPerWindow <= 50e-6 }

        var description: String {
            let microseconds = secondsPerWindow * 1e6
            return "expected CLs limits, b = \(background), δb/b = \(relativeUncertainty): "
                + "\((microseconds * 10).rounded() / 10) µs per window (target ≤ 50 µs) "
                + (meetsTarget ? "met" : "NOT met")
        }
    }

    /// Times `.cls` expected limits at b = 1, 100, 1000, 2900 (exact and asymptotic both run in
    /// the blend), 10⁴ and 10⁷, each with δb/b = 0, 0.1, 0.5 and 1.
    static func run(repetitions: Int = 20) -> [Result] {
        var results: [Result] = []
        let clock = ContinuousClock()
        for relative in [0.0, 0.1, 0.5, 1] {
            for b in [1.0, 100, 1e3, 2.9e3, 1e4, 1e7] {
                let experiment = CountingExperiment(background: b, backgroundUncertainty: relative * b)
                var sink = 0.0
                let elapsed = clock.measure {
                    for i in 0..<repetitions {
                        // Vary b by a hair so nothing can be hoisted out of the loop.
                        var varied = experiment
                        varied.background *= 1 + 1e-9 * Double(i)
                        sink += expectedLimits(varied).median
                    }
                }
                precondition(sink.isFinite)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
                results.append(Result(background: b, relativeUncertainty: relative, secondsPerWindow: seconds / Double(repetitions)))
            }
        }
        return results
    }
}
