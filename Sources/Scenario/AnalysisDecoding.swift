import Foundation
import Physics
import Statistics

/// `analysis:` how counts become a limit. Every key has a default: window 1.4 sigma (seed 001:
/// maximises s/sqrt(b) for a flat background), statistic median-exclusion, confidence 0.90,
/// background_uncertainty 0, background_prior gaussian (reproduces NA62's CLs numbers, seed 000).
enum AnalysisDecoding {
    static let keys = ["window", "statistic", "confidence", "background_uncertainty", "background_prior"]
    static let windowExpected = "a half-width k in (0, 10] of the m2_miss window in units of sigma, like '1.4 sigma', or 'optimal'"
    static let statisticExpected = "one of " + Statistic.allCases.map(\.rawValue).joined(separator: ", ")
    static let confidenceExpected = "a confidence level above 0.5 and at most 0.9999, like 0.90"
    static let uncertaintyExpected = "a relative background uncertainty delta_b/b in [0, 10], like 0.12"
    static let priorExpected = "one of " + BackgroundUncertaintyModel.allCases.map(\.rawValue).joined(separator: ", ")

    static func decode(_ node: SourceNode?, log: DiagnosticLog) -> Analysis? {
        let defaults = Analysis()
        guard let node else { return defaults }
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {window, statistic, confidence, background_uncertainty, background_prior}", log: log)
        else { return nil }
        let window = reader.optional("window").map { decodeWindow($0, log: log) } ?? defaults.window
        let statistic = reader.optional("statistic").map {
            ValueDecoding.choice($0, ValueDecoding.cases(Statistic.self), expected: statisticExpected, log: log)
        } ?? defaults.statistic
        let confidence = reader.optional("confidence").map {
            ValueDecoding.number($0, range: .confidenceLevel, expected: confidenceExpected, log: log)
        } ?? defaults.confidence
        let uncertainty = reader.optional("background_uncertainty").map {
            ValueDecoding.number($0, range: PhysicalRanges.backgroundUncertainty, expected: uncertaintyExpected, log: log)
        } ?? defaults.backgroundUncertainty
        let prior = reader.optional("background_prior").map {
            ValueDecoding.choice($0, ValueDecoding.cases(BackgroundUncertaintyModel.self), expected: priorExpected, log: log)
        } ?? defaults.backgroundPrior
        guard let window, let statistic, let confidence, let uncertainty, let prior else { return nil }
        return Analysis(window: window, statistic: statistic, confidence: confidence,
                        backgroundUncertainty: uncertainty, backgroundPrior: prior)
    }

    /// `1.4 sigma`, `1.4σ`, `1.4` or `optimal`.
    private static func decodeWindow(_ node: SourceNode, log: DiagnosticLog) -> WindowWidth? {
        guard let text = ValueDecoding.scalarText(node, expected: windowExpected, log: log) else { return nil }
        switch parseWindow(text) {
        case nil:
            log.report(node, "'\(text.quotedForMessage)' is not a window width", expected: windowExpected)
            return nil
        case .fixed(let k)? where !PhysicalRanges.windowSigmas.contains(k):
            log.report(node, "'\(text.quotedForMessage)' is out of range", expected: windowExpected)
            return nil
        case let window?:
            return window
        }
    }

    /// The window a text names, whatever the sign of k; nil when it names none.
    static func parseWindow(_ text: String) -> WindowWidth? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "optimal" { return .optimal }
        var number = trimmed
        for unit in ["sigma", "σ"] where number.hasSuffix(unit) {
            number = String(number.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        return Quantity.parseNumber(number).map { .fixed(k: $0) }
    }
}
