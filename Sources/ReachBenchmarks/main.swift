import Foundation
import Scenario
import Simulation

// `make bench` (release build): one table of the hot paths against their targets.
// Usage: ReachBenchmarks [scenario.yaml] (default scenarios/na62-kpi0en.yaml, run from the
// repository root); `ReachBenchmarks --costs` prints only the CPU cost per K_e3γ event instead,
// `ReachBenchmarks --limits` the time of every configuration of the CLs line; `--quick` leaves
// out the 20 × 10 001 scan.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--costs" {
    let costs = SimulationBenchmarks.costPerCallNanoseconds()
    print(String(format: "K_e3γ CPU time per call: |M|² %.1f ns (reference spinor form %.1f ns), whole weighted event %.1f ns",
                 costs.amplitude, costs.reference, costs.event))
    exit(0)
}
if arguments.first == "--limits" {
    // Every configuration of the CLs line, fastest of 3 runs each.
    for line in LimitBenchmark.allConfigurations(repetitions: 3) { print(line) }
    exit(0)
}
let path = arguments.first { !$0.hasPrefix("--") } ?? "scenarios/na62-kpi0en.yaml"
let repetitions = 7

let file: ScenarioFile
switch ScenarioLoader.load(path: path) {
case .success(let loaded):
    file = loaded
case .failure(let errors):
    FileHandle.standardError.write(Data("ReachBenchmarks: cannot load \(path):\n\(errors)\n".utf8))
    exit(1)
}

print("reach benchmarks, \(Machine.date)")
print("machine: \(Machine.cores) cores (nproc), \(Machine.cpuModel)")
print("measured: wall clock (DispatchTime), best of \(repetitions) repetitions after a warm-up; CLs: mean of 20 calls")
print("per window (StatisticsBenchmarks), best of 3 runs; scenario \(path) (+1 variant for project)")
print("")

var rows: [BenchmarkRow] = []
do {
    rows.append(GeneratorBenchmark.run(repetitions: repetitions))
    rows.append(GeneratorBenchmark.runLeptonic(repetitions: repetitions))
    rows.append(PhotonPairGeneratorBenchmark.run(repetitions: repetitions))
    rows.append(try BackgroundBenchmark.run(file: file, repetitions: repetitions))
    rows.append(LimitBenchmark.run(repetitions: 3))
    rows.append(try ScanBenchmark.shapeFit(file: file, repetitions: 3))
    let fourVariants = ProjectionBenchmark.fourVariants(file)
    let projection = try ProjectionBenchmark.run(file: fourVariants, repetitions: repetitions)
    rows.append(projection.row)
    rows.append(try PlotBenchmark.run(file: fourVariants, projection: projection.projection, repetitions: repetitions))
    if !arguments.contains("--quick") { rows.append(try ScanBenchmark.fineScan(file: file)) }
} catch {
    FileHandle.standardError.write(Data("ReachBenchmarks: \(error)\n".utf8))
    exit(1)
}
let peak = Machine.peakResidentBytes
rows.append(BenchmarkRow(quantity: "peak memory (VmHWM)", measured: peak.map { String(format: "%.0f MB", $0 / 1e6) } ?? "unavailable",
                         target: "≤ 200 MB", met: peak.map { $0 <= 200e6 }))
print(BenchmarkTable.render(rows))
