import Foundation
import Scenario
import Simulation

// `make bench` (release build): one table of the hot paths against their targets.
// Usage: ReachBenchmarks [scenario.yaml] [--jobs N] [--generators] [--costs] [--limits] [--quick] (`BenchmarkOptions`;
// default scenario scenarios/na62-kpi0en.yaml, run from the repository root).
let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("ReachBenchmarks: \(error)\n".utf8))
    exit(2)
}
if options.costsOnly {
    let costs = SimulationBenchmarks.costPerCallNanoseconds()
    print(String(format: "K_e3γ CPU time per call: |M|² %.1f ns (reference spinor form %.1f ns), whole weighted event %.1f ns",
                 costs.amplitude, costs.reference, costs.event))
    exit(0)
}
if options.limitsOnly {
    // Every configuration of the CLs line, fastest of 3 runs each.
    for line in LimitBenchmark.allConfigurations(repetitions: 3) { print(line) }
    for (label, seconds) in CombinationBenchmark.configurations(repetitions: 3) { print("combination, \(label): \(formatSeconds(seconds))") }
    exit(0)
}
let repetitions = 7
let workers = Workers.threads(options.jobs)

func load(_ path: String) -> ScenarioFile {
    switch ScenarioLoader.load(path: path) {
    case .success(let loaded):
        return loaded
    case .failure(let errors):
        FileHandle.standardError.write(Data("ReachBenchmarks: cannot load \(path):\n\(errors)\n".utf8))
        exit(1)
    }
}

print("reach benchmarks, \(Machine.date)")
print("machine: \(Machine.cores) cores (nproc), \(Machine.cpuModel); --jobs \(options.jobs) for the parallel lines")
print("measured: wall clock (DispatchTime), best of \(repetitions) repetitions after a warm-up (generators: of \(GeneratorBenchmark.repetitions)")
print("runs of 2¹⁹ events); CLs: mean of 20 calls per window (StatisticsBenchmarks), best of 3 runs; scenario")
print("\(options.scenarioPath) (+1 variant for the first project line)")
print("")

var rows: [BenchmarkRow] = GeneratorBenchmark.run(repetitions: GeneratorBenchmark.repetitions)
if !options.generatorsOnly {
    let file = load(options.scenarioPath)
    let kaonToMuon = load(ProjectionBenchmark.kaonToMuonScenario)
    do {
        rows.append(try BackgroundBenchmark.run(file: file, workers: workers, repetitions: repetitions))
        rows.append(LimitBenchmark.run(repetitions: 3))
        rows.append(CombinationBenchmark.run(repetitions: 3))
        rows.append(try ScanBenchmark.shapeFit(file: file, repetitions: 3))
        let fourVariants = ProjectionBenchmark.fourVariants(file)
        let name = (options.scenarioPath as NSString).lastPathComponent + " + 1 variant"
        let projection = try ProjectionBenchmark.run(file: fourVariants, name: name, workers: workers, repetitions: repetitions)
        rows.append(projection.row)
        let kaonToMuonName = (ProjectionBenchmark.kaonToMuonScenario as NSString).lastPathComponent
        rows.append(try ProjectionBenchmark.run(file: kaonToMuon, name: kaonToMuonName, workers: workers, repetitions: repetitions).row)
        rows.append(try PlotBenchmark.run(file: fourVariants, projection: projection.projection, repetitions: repetitions))
        if !options.quick { rows.append(try ScanBenchmark.fineScan(file: file)) }
    } catch {
        FileHandle.standardError.write(Data("ReachBenchmarks: \(error)\n".utf8))
        exit(1)
    }
}
let peak = Machine.peakResidentBytes
rows.append(BenchmarkRow(quantity: "peak memory (VmHWM)", measured: peak.map { String(format: "%.0f MB", $0 / 1e6) } ?? "unavailable",
                         target: "≤ 200 MB", met: peak.map { $0 <= 200e6 }))
print(BenchmarkTable.render(rows))
