import ArgumentParser
import Foundation
import Physics
import BackgroundTables
import Projection
import Scenario
import Statistics

extension LimitMethod: ExpressibleByArgument {}
extension BackgroundUncertaintyModel: ExpressibleByArgument {}

/// `reach limit`: upper limits on the signal events of one counting window (CLs, asymptotic
/// CLs or the seed-001 formula). A thin shell over `Statistics.expectedLimits/observedLimit`.
struct LimitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limit",
        abstract: "Upper limits on the number of signal events in one counting window.",
        discussion: """
            Prints the expected limit under the background-only hypothesis (median and the \
            edges of the ±1σ/±2σ bands) and, with --observed, the observed limit.

            Example (NA62 2021, K+ → μ+ ν ν ν̄: 1184 observed, 1526 expected at 90 % CL):
              reach limit --background 7549 --background-uncertainty 928 --observed 6894

            With --table, a CSV of counts per mass (mass_MeV, n_obs, n_exp, dn_exp and \
            optionally acceptance, u2_ses or br_ses; scenarios/README.md) gives observed and \
            expected limits against mass, in events and, with the single-event sensitivities, \
            in B and |U|² (CSV, or --format json):
              reach limit --table counts.csv --channel "K+ -> mu+ N" --kaon-decays 1.14e10 -o limits.csv
            """
    )

    /// Output formats (`csv` is the table's, text the single window's default).
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    // `.unconditional`: a negative number is read as the value (and then rejected with a clear
    // message) rather than mistaken for an option.
    @Option(parsing: .unconditional, help: "Expected background b in the window, in events, 0 to 1e300 (e.g. 7549 or 1.2e6).")
    var background: String?

    @Option(help: "A CSV of counts per mass (mass_MeV,n_obs,n_exp,dn_exp[,acceptance|u2_ses|br_ses]) instead of one window.")
    var table: String?

    @Option(help: "With --table: the channel, to convert into |U|² (B/|U|² of its production).")
    var channel: Channel?

    @Option(parsing: .unconditional, help: "With --table and an acceptance column: the effective kaon decays N_K (B_SES = 1/(N_K A_N)).")
    var kaonDecays: String?

    @Option(name: .shortAndLong, help: "With --table: output file (default: stdout).")
    var output: String?

    @Option(parsing: .unconditional, help: "Absolute uncertainty δb on the background, in events, 0 to 1e300.")
    var backgroundUncertainty: String = "0"

    @Option(parsing: .unconditional, help: "Observed number of events (a non-negative integer); adds the observed limit.")
    var observed: String?

    @Option(name: .customLong("cl"), parsing: .unconditional, help: "Confidence level, above 0.5 and at most 0.9999.")
    var confidence: String = "0.90"

    @Option(help: "Statistical method: cls (exact at small counts), asymptotic, or simple (seed-001 formula).")
    var method: LimitMethod = .cls

    @Option(help: "Background prior for δb: gaussian (truncated at 0, reproduces NA62) or log-normal.")
    var prior: BackgroundUncertaintyModel = .gaussian

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        if table != nil {
            _ = try tableOptions()
            return
        }
        _ = try inputs()
    }

    func run() throws {
        if let table {
            try runTable(path: table)
            return
        }
        let (experiment, confidence, observedCount) = try inputs()
        let expected = expectedLimits(experiment, confidence: confidence, method: method)
        let observedValue = try observedCount.map {
            try observedLimit(observed: $0, experiment: experiment, confidence: confidence, method: method)
        }
        switch format {
        case .json: print(json(observed: observedValue, expected: expected, confidence: confidence), terminator: "")
        case .text, .csv: print(text(experiment: experiment, observed: observedValue, observedCount: observedCount, expected: expected, confidence: confidence))
        }
    }

    /// The table form's options: CL, N_K and the format, with the single-window options refused.
    private func tableOptions() throws -> (confidence: Double, kaonDecays: Double?, format: Format) {
        for (given, option) in [(background != nil, "--background"), (observed != nil, "--observed"), (backgroundUncertainty != "0", "--background-uncertainty")] where given {
            throw ValidationError("\(option) cannot be used with --table: the table gives n_obs, n_exp and dn_exp for every mass")
        }
        if method == .simple {
            throw ValidationError("--method simple cannot be used with --table: the seed-001 formula has no observed limit; use cls or asymptotic")
        }
        let cl = try Self.number(confidence, option: "--cl", expected: ConfidenceLevel.expectation) { ConfidenceLevel.isValid($0) }
        let kaons = try kaonDecays.map {
            try Self.number($0, option: "--kaon-decays", expected: "a number of kaon decays in [1, 1e20], like 1.14e10") { $0 >= 1 && $0 <= 1e20 }
        }
        if format == .text { return (cl, kaons, .csv) }
        return (cl, kaons, format)
    }

    /// `--table`: read, compute, write (the output only once everything succeeded).
    private func runTable(path: String) throws {
        let (cl, kaons, tableFormat) = try tableOptions()
        try OutputFile.checkDestination(output)
        try OutputFile.checkDistinct(outputs: output.map { [$0] } ?? [], from: [path])
        let text: String
        switch InputFile.readText(path: path, maximumBytes: 50_000_000) {
        case .failure(let problem): throw InputFailure("\(path): \(problem.phrase); expected a count table (CSV: mass_MeV,n_obs,n_exp,dn_exp)")
        case .success(let read): text = read
        }
        let counts: CountTable
        do { counts = try CountTable.parse(text, source: path) } catch { throw InputFailure(error.description) }
        if counts.conversion == .acceptance, kaons == nil {
            throw UsageFailure("--kaon-decays: missing; \(path) gives the acceptance, and B_SES = 1/(N_K A_N) needs the effective kaon decays N_K")
        }
        let points: [CountTableLimits.Point]
        do {
            points = try CountTableLimits.limits(counts, confidence: cl, prior: prior, method: method, kaonDecays: kaons, channel: channel)
        } catch {
            throw InputFailure("\(path): \(error.description)")
        }
        let result = tableFormat == .json ? CountTableLimitTable.json(points, confidence: cl) : CountTableLimitTable.csv(points)
        try OutputFile.emit(result, to: output)
    }

    /// The parsed and checked options: b and δb in the physical range of `CountingExperiment`
    /// (finite, 0 … 1e300 events), the CL in the range of `ConfidenceLevel` (0.5 < CL ≤ 0.9999).
    private func inputs() throws -> (CountingExperiment, Double, Int?) {
        let events = CountingExperimentError.expectation
        guard let background else { throw ValidationError("Missing expected argument '--background <background>' (or --table FILE)") }
        if channel != nil || kaonDecays != nil || output != nil {
            throw ValidationError("--channel, --kaon-decays and -o go with --table; one window prints its limits")
        }
        if format == .csv { throw ValidationError("--format csv goes with --table; one window prints text or json") }
        let b = try Self.number(background, option: "--background", expected: events) { CountingExperiment.isInRange(events: $0) }
        let db = try Self.number(backgroundUncertainty, option: "--background-uncertainty", expected: events) {
            CountingExperiment.isInRange(events: $0)
        }
        let cl = try Self.number(confidence, option: "--cl", expected: ConfidenceLevel.expectation) { ConfidenceLevel.isValid($0) }
        var count: Int?
        if let observed {
            let n = try Self.number(observed, option: "--observed", expected: "a non-negative integer number of events below 1e15") {
                $0 >= 0 && $0 == $0.rounded() && $0 < 1e15
            }
            if method == .simple {
                throw ValidationError("--observed cannot be used with --method simple: the seed-001 formula has no observed limit; use cls or asymptotic")
            }
            count = Int(n)  // an integer below 1e15: exact
        }
        do {
            return (try CountingExperiment(checkedBackground: b, backgroundUncertainty: db, uncertaintyModel: prior), cl, count)
        } catch {
            throw ValidationError(error.description)  // unreachable: both values were checked above
        }
    }

    private static func number(_ text: String, option: String, expected: String, _ isValid: (Double) -> Bool) throws -> Double {
        guard let value = Quantity.parseNumber(text), isValid(value) else {
            throw ValidationError("\(option) \(text): expected \(expected)")
        }
        return value
    }

    /// `{"cl", "expected": {"median", "minus1", "minus2", "plus1", "plus2"}, "method", "observed"}`,
    /// keys sorted, numbers with every digit (the observed limit only with --observed).
    private func json(observed: Double?, expected: ExpectedLimits, confidence: Double) -> String {
        struct Edges: Encodable { let minus2, minus1, median, plus1, plus2: Double }
        struct Limits: Encodable {
            let observed: Double?
            let expected: Edges
            let cl: Double
            let method: String
        }
        let edges = Edges(minus2: expected.minus2, minus1: expected.minus1, median: expected.median, plus1: expected.plus1, plus2: expected.plus2)
        return TableFormatting.json(Limits(observed: observed, expected: edges, cl: confidence, method: method.rawValue))
    }

    private func text(experiment: CountingExperiment, observed: Double?, observedCount: Int?, expected: ExpectedLimits, confidence: Double) -> String {
        let clPercent = Self.format(100 * confidence, digits: 15)  // 0.9 prints 90, 0.99995 prints 99.995
        var background = Self.format(experiment.background, digits: 7)
        if experiment.backgroundUncertainty > 0 {
            background += " ± " + Self.format(experiment.backgroundUncertainty, digits: 7) + " (\(prior.rawValue) prior)"
        }
        var rows: [(String, String)] = [("background", background)]
        if let observed, let observedCount {
            rows.append(("observed limit", Self.format(observed, digits: 6) + "   (n_obs = \(observedCount))"))
        }
        let labels = ["expected −2σ", "expected −1σ", "expected median", "expected +1σ", "expected +2σ"]
        rows += zip(labels, expected.values).map { ($0, Self.format($1, digits: 6)) }
        let width = rows.map(\.0.count).max() ?? 0
        let header = "Upper limits on signal events at \(clPercent) % CL — method: \(method.rawValue), background prior: \(prior.rawValue)"
        let note = method == .simple ? "\n(simple: seed-001 median exclusion s = z√(b + s + δb²); no bands, all edges equal the median)" : ""
        return ([header] + rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }).joined(separator: "\n") + note
    }

    /// Fixed significant digits, C locale: deterministic output.
    private static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)g", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}
