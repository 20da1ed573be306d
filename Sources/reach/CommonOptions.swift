import ArgumentParser
import Foundation
import Projection
import Scenario
import Simulation

/// Options shared by every command that simulates the background.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Seed of the background generator (same seed, same bytes).")
    var seed: UInt64 = 1

    @Option(help: "Generated background events, a whole number such as 2000000 or 2e6 (default \(RadiativeSample.defaultEvents)); more for smaller MC errors.")
    var statistics: EventCount = EventCount(RadiativeSample.defaultEvents)

    @Option(help: "Worker threads of the background generator and the mass scan (default: all cores; 1 runs on one thread).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard statistics.events >= 1000 else { throw ValidationError("--statistics \(statistics.events): expected at least 1000 events") }
        guard statistics.events <= 1_000_000_000 else { throw ValidationError("--statistics \(statistics.events): expected at most 1e9 events") }
        guard jobs >= 1 else { throw ValidationError("--jobs \(jobs): expected at least 1") }
        guard jobs <= 1024 else { throw ValidationError("--jobs \(jobs): expected at most 1024 threads") }
    }

    var generation: VariantBackground.Generation { .init(events: statistics.events, seed: seed) }
    var workers: Workers { .threads(jobs) }
}

/// `--statistics`: a whole number of events, written plainly (2000000) or in exponent form (2e6).
struct EventCount: ExpressibleByArgument {
    var events: Int

    init(_ events: Int) { self.events = events }

    init?(argument: String) {
        if let plain = Int(argument) {
            events = plain
            return
        }
        guard let value = Double(argument), value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        events = Int(value)
    }

    var defaultValueDescription: String { String(events) }
}

/// `--variant`: a label or a 1-based index into the file's variants.
enum VariantSelector {
    static func indices(_ selector: String?, in file: ScenarioFile) throws -> [Int]? {
        guard let selector else { return nil }
        if let index = file.variants.firstIndex(where: { $0.label == selector }) { return [index] }
        if let number = Int(selector), number >= 1, number <= file.variants.count { return [number - 1] }
        let labels = file.variants.enumerated().map { "\($0.offset + 1) '\($0.element.label)'" }.joined(separator: ", ")
        throw UsageFailure("--variant \(selector): no such variant in \(file.path); expected a label or 1-based index: \(labels)")
    }
}

/// Progress and summary lines on stderr; `--quiet` silences them.
struct Messages {
    var quiet: Bool

    func summary(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data(("reach: " + text + "\n").utf8))
    }

    func warning(_ text: String) {
        FileHandle.standardError.write(Data(("reach: warning: " + text + "\n").utf8))
    }
}

/// Wall-clock seconds since `start`, for summary lines.
func elapsedSeconds(since start: DispatchTime) -> String {
    String(format: "%.2f s", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
}
