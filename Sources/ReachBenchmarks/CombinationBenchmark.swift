import Foundation
import Statistics

/// Combined expected CLs limit with bands for two channels at one mass, (a, b) and (a/2, b/2),
/// the worst over b ∈ {1, 10, 30, 60 (in the blend), 100, 10³, 10⁵} and δb/b ∈ {0, 0.1, 0.5} of
/// the time per mass point (target ≤ 50 ms, so that a 200-mass combined curve takes ≤ 10 s on one core
/// even where every mass is in the exact regime; in the asymptotic regime it is microseconds).
enum CombinationBenchmark {
    static let backgrounds: [Double] = [1, 10, 30, 60, 100, 1e3, 1e5]
    static let relativeUncertainties: [Double] = [0, 0.1, 0.5]
    static let target = 50e-3

    /// Seconds per mass point of each configuration, the fastest of `repetitions` runs.
    static func configurations(repetitions: Int) -> [(label: String, seconds: Double)] {
        let clock = ContinuousClock()
        var results: [(String, Double)] = []
        for relative in relativeUncertainties {
            for b in backgrounds {
                var best = Double.infinity
                for i in 0..<max(1, repetitions) {
                    let scale = 1 + 1e-9 * Double(i)
                    let channels = [
                        CombinedChannel(signalPerParameter: 1, experiment: CountingExperiment(background: b * scale, backgroundUncertainty: relative * b)),
                        CombinedChannel(signalPerParameter: 0.5, experiment: CountingExperiment(background: b / 2, backgroundUncertainty: relative * b / 2)),
                    ]
                    var sink = 0.0
                    let elapsed = clock.measure { sink += combinedExpectedLimits(channels).median }
                    precondition(sink.isFinite)
                    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                }
                results.append(("b = \(String(format: "%g", b)), δb/b = \(relative)", best))
            }
        }
        return results
    }

    static func run(repetitions: Int) -> BenchmarkRow {
        let worst = configurations(repetitions: repetitions).max { $0.seconds < $1.seconds } ?? (label: "none", seconds: .nan)
        return BenchmarkRow(quantity: "CLs combination of 2 channels with bands per mass point, worst case",
                            measured: "\(formatSeconds(worst.seconds)) (\(worst.label))", target: "≤ 50 ms", met: worst.seconds <= target)
    }
}
