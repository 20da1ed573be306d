import Dispatch

/// Wall-clock timing by repetition: the machine is shared, so other load can only make a run
/// slower; the table reports the fastest repetition (and keeps the median for the record).
struct WallClock {
    /// Seconds of each repetition, in the order run.
    let seconds: [Double]

    /// Runs `body` `repetitions` times (after one untimed warm-up when `warmUp`).
    init(repetitions: Int, warmUp: Bool = true, _ body: () -> Void) {
        if warmUp { body() }
        seconds = (0..<max(1, repetitions)).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        }
    }

    var best: Double { seconds.min() ?? .nan }

    var median: Double {
        let sorted = seconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle])
    }
}
