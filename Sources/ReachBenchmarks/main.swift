import Simulation

// Benchmarks for `make bench` (release build): each line names its target and whether it is met.
for line in SimulationBenchmarks.run() { print(line) }
