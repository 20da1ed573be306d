import Foundation

/// The command line of `ReachBenchmarks`: `[scenario.yaml] [--jobs N] [--generators] [--costs]
/// [--limits] [--quick]`.
///
/// `--jobs N` bounds the threads of the parallel lines (background, project) as `reach --jobs`
/// does; the generator lines run on one thread whatever N. `--generators` prints only the
/// generator lines (quick before/after comparisons); `--costs` only the K_e3γ cost per call;
/// `--limits` the time of every configuration of the CLs line; `--quick` leaves out the
/// 20 × 10 001 scan.
struct BenchmarkOptions {
    var scenarioPath = "scenarios/na62-kpi0en.yaml"
    var jobs = Machine.cores
    var generatorsOnly = false
    var costsOnly = false
    var limitsOnly = false
    var quick = false

    static let usage = "usage: ReachBenchmarks [scenario.yaml] [--jobs N] [--generators] [--costs] [--limits] [--quick]"

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        var path: String?
        while let argument = rest.popFirst() {
            switch argument {
            case "--costs": costsOnly = true
            case "--generators": generatorsOnly = true
            case "--limits": limitsOnly = true
            case "--quick": quick = true
            case "--jobs", "-j":
                guard let text = rest.popFirst(), let n = Int(text), n >= 1 else {
                    throw BenchmarkError("\(argument) expects a thread count ≥ 1\n\(Self.usage)")
                }
                jobs = n
            case let flag where flag.hasPrefix("--jobs="):
                guard let n = Int(flag.dropFirst("--jobs=".count)), n >= 1 else {
                    throw BenchmarkError("--jobs expects a thread count ≥ 1\n\(Self.usage)")
                }
                jobs = n
            case let flag where flag.hasPrefix("-"):
                throw BenchmarkError("unknown option \(flag)\n\(Self.usage)")
            default:
                guard path == nil else { throw BenchmarkError("one scenario file only\n\(Self.usage)") }
                path = argument
            }
        }
        if let path { scenarioPath = path }
    }
}
