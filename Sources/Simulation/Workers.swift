import Foundation
import Synchronization

/// The threads parallel work may use (`--jobs N`): the background generator and the mass scan
/// both run through one `Workers` value, so N is honoured everywhere. Work is split into
/// items by index and results are written by index, so every output is the same for any N.
public struct Workers: Sendable {
    /// Most threads used at once; 1 runs everything on the calling thread.
    public let count: Int
    private let executor: any ParallelExecutor

    /// `count` threads (at least 1), the calling thread alone for 1.
    public static func threads(_ count: Int) -> Workers {
        Workers(count: count, executor: ThreadExecutor())
    }

    /// One per core of this machine.
    public static var allCores: Workers { threads(ProcessInfo.processInfo.activeProcessorCount) }

    /// Workers that hand their work to `executor` (tests count the threads through one).
    public init(count: Int, executor: some ParallelExecutor) {
        self.count = max(1, count)
        self.executor = executor
    }

    /// Calls `body(i)` for every i in 0..<iterations, on at most `count` threads; returns when
    /// all calls have returned.
    public func perform(iterations: Int, _ body: (Int) -> Void) {
        guard iterations > 0 else { return }
        executor.perform(iterations: iterations, workers: min(count, iterations), body)
    }
}

/// How `Workers` runs its items.
public protocol ParallelExecutor: Sendable {
    /// Calls `body(i)` for every i in 0..<iterations on at most `workers` threads.
    func perform(iterations: Int, workers: Int, _ body: (Int) -> Void)
}

/// Real threads: `workers` Dispatch workers, each taking the next item not yet taken (a worker
/// on a busy core takes fewer); one worker runs on the calling thread and starts no other.
public struct ThreadExecutor: ParallelExecutor {
    public init() {}

    public func perform(iterations: Int, workers: Int, _ body: (Int) -> Void) {
        guard workers > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { body in
            let work = SendableBody(body)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < iterations else { return }
                    work.body(i)
                }
            }
        }
    }
}

/// The work closures only read shared immutable values and write their own slots.
private struct SendableBody: @unchecked Sendable {
    let body: (Int) -> Void
    init(_ body: @escaping (Int) -> Void) { self.body = body }
}
