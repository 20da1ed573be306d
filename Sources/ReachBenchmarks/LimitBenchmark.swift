import Foundation
import Statistics

/// Expected CLs limit with ±1σ/±2σ bands for one window: the worst (slowest) over
/// b ∈ {1, 100, 1000, 2900 (in the blend), 10⁴, 10⁷} and δb/b ∈ {0, 0.1, 0.5, 1} of the time
/// per window (target ≤ 50 µs).
enum LimitBenchmark {
    static let backgrounds: Set<Double> = [1, 100, 1e3, 2.9e3, 1e4, 1e7]
    static let relativeUncertainties: Set<Double> = [0, 0.1, 0.5, 1]
    static let target = 50e-6

    static func run(repetitions: Int) -> BenchmarkRow {
        // Each `StatisticsBenchmarks.run` gives the mean over its calls per configuration; the
        // fastest of `repetitions` such runs is kept per configuration, then the slowest one.
        var fastest: [String: (label: String, seconds: Double)] = [:]
        for _ in 0..<max(1, repetitions) {
            for result in StatisticsBenchmarks.run() where backgrounds.contains(result.background)
                && relativeUncertainties.contains(result.relativeUncertainty) {
                let key = "\(result.background) \(result.relativeUncertainty)"
                let label = "b = \(formatBackground(result.background)), δb/b = \(result.relativeUncertainty)"
                if result.secondsPerWindow < fastest[key]?.seconds ?? .infinity { fastest[key] = (label, result.secondsPerWindow) }
            }
        }
        let worst = fastest.values.max { $0.seconds < $1.seconds } ?? (label: "none", seconds: .nan)
        return BenchmarkRow(quantity: "CLs expected limit + bands per window, worst case",
                            measured: "\(formatSeconds(worst.seconds)) (\(worst.label))", target: "≤ 50 µs", met: worst.seconds <= target)
    }

    /// One line per configuration: b, δb/b and the fastest of `repetitions` runs' mean time.
    static func allConfigurations(repetitions: Int) -> [String] {
        var fastest: [String: Double] = [:]
        var order: [String] = []
        for _ in 0..<max(1, repetitions) {
            for result in StatisticsBenchmarks.run() {
                let key = "b = \(formatBackground(result.background)), δb/b = \(result.relativeUncertainty)"
                if fastest[key] == nil { order.append(key) }
                fastest[key] = min(fastest[key] ?? .infinity, result.secondsPerWindow)
            }
        }
        return order.map { "\($0): \(formatSeconds(fastest[$0]!))" }
    }

    static func formatBackground(_ b: Double) -> String { String(format: "%g", b) }
}
