import Foundation

/// Deterministic parallelism: work split into a fixed number of chunks (independent of the
/// number of cores), computed concurrently in waves, and handed back in chunk order, so the
/// floating-point sums — and hence every output — are identical on any machine and for any
/// number of workers (tested: one worker, run serially, gives the same bytes).
enum ParallelChunks {
    /// Chunks in flight per worker: results of a wave are held at once (bounded memory), and
    /// several chunks per worker let a worker that falls behind (a busy core) be caught up by
    /// the others within the wave.
    static let chunksPerWorker = 4

    /// Calls `body(chunk)` for chunk in 0..<count, concurrently on `workers` threads (serially
    /// for one), and `combine` on the results in chunk order.
    static func run<Result>(count: Int, workers: Workers = .allCores,
                            body: (Int) -> Result, combine: (Result) -> Void) {
        guard workers.count > 1 else {
            for chunk in 0..<count { combine(body(chunk)) }
            return
        }
        let wave = workers.count * chunksPerWorker
        var start = 0
        while start < count {
            let size = min(wave, count - start)
            let slots = UnsafeMutablePointer<Result?>.allocate(capacity: size)
            slots.initialize(repeating: nil, count: size)
            let box = SlotBox(slots)
            let first = start
            workers.perform(iterations: size) { index in
                box.slots[index] = body(first + index)
            }
            for index in 0..<size {
                if let result = slots[index] { combine(result) }
            }
            slots.deinitialize(count: size)
            slots.deallocate()
            start += size
        }
    }

    /// Maps 0..<count to results in parallel, in index order.
    static func map<Result>(count: Int, workers: Workers = .allCores, _ body: (Int) -> Result) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(count)
        run(count: count, workers: workers, body: body) { results.append($0) }
        return results
    }
}

/// Each concurrent iteration writes only its own slot.
private final class SlotBox<Result>: @unchecked Sendable {
    let slots: UnsafeMutablePointer<Result?>
    init(_ slots: UnsafeMutablePointer<Result?>) { self.slots = slots }
}
