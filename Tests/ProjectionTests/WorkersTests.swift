import Foundation
import XCTest
import ProjectionFixtures
import Physics
import Scenario
import Simulation
@testable import Projection

/// `--jobs N`: the generator and the mass scan both run on the workers they are given — one
/// worker never starts a thread, N workers never use more than N — and the results do not
/// depend on N.
final class WorkersTests: XCTestCase {
    /// Records, for every item it runs, the thread it ran on and the worker count it was asked for.
    final class RecordingExecutor: ParallelExecutor, @unchecked Sendable {
        private let lock = NSLock()
        private(set) var requestedWorkers: [Int] = []
        private(set) var threads: Set<UInt> = []
        private(set) var items = 0
        let base = ThreadExecutor()

        func perform(iterations: Int, workers: Int, _ body: (Int) -> Void) {
            lock.withLock { requestedWorkers.append(workers) }
            base.perform(iterations: iterations, workers: workers) { i in
                let thread = UInt(bitPattern: Int(bitPattern: UInt(pthread_self())))
                lock.withLock {
                    threads.insert(thread)
                    items += 1
                }
                body(i)
            }
        }
    }

    private var callingThread: UInt { UInt(pthread_self()) }

    func testOneWorkerRunsEverythingOnTheCallingThread() {
        let executor = RecordingExecutor()
        let workers = Workers(count: 1, executor: executor)
        let scan = MassScan(channel: .kaonToPi0ElectronN, massesGeV: stride(from: 0.1, to: 0.3, by: 0.01).map { $0 }, workers: workers)
        _ = scan.curve(for: seed001Variant(kaonDecays: 3e10), background: FlatBackground(eventsPerGeV2: 1e6))
        XCTAssertEqual(executor.requestedWorkers, [1])
        XCTAssertEqual(executor.items, 20)
        XCTAssertEqual(executor.threads, [callingThread])
    }

    func testTwoWorkersUseAtMostTwoThreads() {
        let executor = RecordingExecutor()
        let workers = Workers(count: 2, executor: executor)
        workers.perform(iterations: 64) { _ in usleep(200) }
        XCTAssertEqual(executor.requestedWorkers, [2])
        XCTAssertLessThanOrEqual(executor.threads.count, 2)
        XCTAssertEqual(executor.items, 64)
    }

    /// The generator goes through the workers it is given (before, it always used every core).
    func testTheGeneratorRunsOnTheGivenWorkers() {
        let executor = RecordingExecutor()
        let workers = Workers(count: 1, executor: executor)
        let events = 3 * RadiativeSample.chunkSize
        let serial = RadiativeSample.generate(channel: .kaonToPi0ElectronN, events: events, seed: 5, workers: workers)
        XCTAssertEqual(executor.requestedWorkers, [], "one worker: the chunks run in the calling loop, no thread is started")
        let two = RecordingExecutor()
        let parallel = RadiativeSample.generate(channel: .kaonToPi0ElectronN, events: events, seed: 5, workers: Workers(count: 2, executor: two))
        XCTAssertEqual(Set(two.requestedWorkers), [2])
        XCTAssertEqual(two.items, 3, "one item per chunk")
        XCTAssertEqual(parallel.weights, serial.weights)
    }

    /// A projection with one worker: the generator and the scan run on the calling thread.
    func testAProjectionWithOneJobStartsNoThread() throws {
        let executor = RecordingExecutor()
        let file = ScenarioFile(path: "test.yaml", title: "t", channel: .kaonToPi0ElectronN,
                                masses: MassGrid(fromGeV: 0.1, toGeV: 0.15, stepGeV: 0.01),
                                variants: [seed001Variant(kaonDecays: 3e10)], figure: FigureSettings())
        RadiativeSampleCache.shared.removeAll()
        _ = try Projector(generation: .init(events: 40_000, seed: 9), workers: Workers(count: 1, executor: executor)).project(file)
        XCTAssertEqual(executor.requestedWorkers, [1], "the mass scan asked for one worker")
        XCTAssertEqual(executor.threads, [callingThread])
    }
}
