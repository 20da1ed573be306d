import Foundation
import Physics
import Statistics

/// `analysis:` how counts become a limit. Every key has a default: window 1.4 sigma (seed 001:
/// maximises s/sqrt(b) for a flat background), statistic median-exclusion, confidence 0.90,
/// background_uncertainty 0, background_prior gaussian (reproduces NA62's CLs numbers, seed 000),
/// shape ±5 sigma in bins of 0.5 sigma with the normalisation constrained (`ShapeBinning`).
enum AnalysisDecoding {
    static let keys = ["window", "region", "statistic", "confidence", "background_uncertainty", "background_prior", "sideband_range", "shape"]
    static let windowExpected = "a half-width k in (0, 10] of the m2_miss window in units of sigma, like '1.4 sigma', or 'optimal'"
    static let statisticExpected = "one of " + Statistic.allCases.map(\.rawValue).joined(separator: ", ")
    static let confidenceExpected = "a confidence level above 0.5 and at most 0.9999, like 0.90"
    static let uncertaintyExpected = "a relative background uncertainty delta_b/b in [0, 10], like 0.12, or sideband-fit"
    static let sidebandRangeExpected = "the m_miss range the sidebands lie in, {from: 188 MeV, to: 386 MeV}"
    static let priorExpected = "one of " + BackgroundUncertaintyModel.allCases.map(\.rawValue).joined(separator: ", ")
    static let regionExpected = "a mapping {m2_miss_above: <m0^2>} with m0^2 a squared mass in [0, 1] GeV^2 like 0.1 GeV^2, or 'optimal' (optionally with step: 0.02 GeV^2)"
    static let shapeExpected = "a mapping {range: 5 sigma, bin_width: 0.5 sigma, normalisation: constrained or free}"
    static let shapeRangeExpected = "the half-width of the fitted m2_miss range in units of sigma, in (0, 20], like '5 sigma'"
    static let shapeBinExpected = "the bin width in units of sigma, at most twice the range and dividing it into 1 to 1000 bins, like '0.5 sigma'"
    static let normalisationExpected = "one of constrained (by background_uncertainty), free"
    static let stepExpected = "the step of the m0^2 grid searched, a squared mass in [0.001, 0.1] GeV^2 like 0.02 GeV^2"

    /// `channel`: a continuum channel takes `region` (default: optimal cut), an HNL channel
    /// `window`; nil when the channel itself is wrong (both are accepted then).
    static func decode(_ node: SourceNode?, channel: Channel? = nil, log: DiagnosticLog) -> Analysis? {
        let continuum = channel?.isContinuum ?? false
        var defaults = Analysis()
        if continuum { defaults.window = .optimalCut(stepGeV2: WindowWidth.seed000CutStepGeV2) }
        guard let node else { return defaults }
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {window, region, statistic, confidence, background_uncertainty, background_prior}", log: log)
        else { return nil }
        var window: WindowWidth? = defaults.window
        if let windowNode = reader.optional("window") {
            if continuum {
                log.report(windowNode, "a window is for an HNL peak; \(channel?.name ?? "") is a continuum tested above a cut",
                           expected: "analysis.region: {m2_miss_above: 0.1 GeV^2} or {m2_miss_above: optimal}")
                window = nil
            } else {
                window = decodeWindow(windowNode, log: log)
            }
        }
        if let regionNode = reader.optional("region") {
            if let channel, !channel.isContinuum {
                log.report(regionNode, "a cut region is for a continuum signal; \(channel.name) is a peak tested in a window",
                           expected: "analysis.window: 1.4 sigma or optimal")
                window = nil
            } else {
                window = decodeRegion(regionNode, log: log)
            }
        }
        let statistic = reader.optional("statistic").map {
            ValueDecoding.choice($0, ValueDecoding.cases(Statistic.self), expected: statisticExpected, log: log)
        } ?? defaults.statistic
        let confidence = reader.optional("confidence").map {
            ValueDecoding.number($0, range: .confidenceLevel, expected: confidenceExpected, log: log)
        } ?? defaults.confidence
        var uncertainty: Double? = defaults.backgroundUncertainty
        var sideband: SidebandFit?
        var sidebandValid = true
        let uncertaintyNode = reader.optional("background_uncertainty")
        if let uncertaintyNode, uncertaintyNode.scalar?.trimmingCharacters(in: .whitespaces) == "sideband-fit" {
            uncertainty = 0
            sideband = decodeSideband(reader, uncertaintyNode: uncertaintyNode, window: window, channel: channel, log: log)
            sidebandValid = sideband != nil
        } else {
            if let uncertaintyNode {
                uncertainty = ValueDecoding.number(uncertaintyNode, range: PhysicalRanges.backgroundUncertainty, expected: uncertaintyExpected, log: log)
            }
            if let rangeNode = reader.optional("sideband_range") {
                log.report(rangeNode, "applies to background_uncertainty: sideband-fit", expected: "sideband_range only with background_uncertainty: sideband-fit")
                sidebandValid = false
            }
        }
        let prior = reader.optional("background_prior").map {
            ValueDecoding.choice($0, ValueDecoding.cases(BackgroundUncertaintyModel.self), expected: priorExpected, log: log)
        } ?? defaults.backgroundPrior
        var shape: ShapeBinning? = defaults.shape
        if let shapeNode = reader.optional("shape") { shape = decodeShape(shapeNode, log: log) }
        if continuum, statistic == .shape, let node = reader.optional("statistic") {
            log.report(node, "a shape fit is for an HNL peak; \(channel?.name ?? "") is a continuum tested above a cut",
                       expected: "statistic: cls-expected, median-exclusion or detection")
            return nil
        }
        guard sidebandValid, let window, let statistic, let confidence, let uncertainty, let prior, let shape else { return nil }
        return Analysis(window: window, statistic: statistic, confidence: confidence,
                        backgroundUncertainty: uncertainty, backgroundPrior: prior, sidebandFit: sideband, shape: shape)
    }

    /// `background_uncertainty: sideband-fit` with an optional `sideband_range` (default: the
    /// channel's whole m_miss range, 0 to its endpoint): an HNL peak in a fixed window only.
    private static func decodeSideband(_ reader: MappingReader, uncertaintyNode: SourceNode, window: WindowWidth?, channel: Channel?,
                                       log: DiagnosticLog) -> SidebandFit? {
        if let channel, channel.isContinuum {
            log.report(uncertaintyNode, "sideband-fit estimates the background under an HNL peak; \(channel.name) is a continuum",
                       expected: "a relative uncertainty like 0.12")
            return nil
        }
        if window == .optimal {
            log.report(uncertaintyNode, "sideband-fit needs a fixed window (its sidebands start at the window's edge)",
                       expected: "analysis.window: 1.5 sigma (seed 000) with sideband-fit")
            return nil
        }
        let endpoint = channel?.endpointGeV ?? 1
        guard let rangeNode = reader.optional("sideband_range") else { return SidebandFit(rangeGeV: 0...endpoint) }
        guard let range = MappingReader(rangeNode, allowedKeys: ["from", "to"], expected: sidebandRangeExpected, log: log) else { return nil }
        let massExpected = "a missing mass >= 0 like 188 MeV"
        let from = range.required("from", expected: massExpected).flatMap { ValueDecoding.quantity($0, .mass, range: .nonNegative, expected: massExpected, log: log) }
        let toNode = range.required("to", expected: massExpected)
        let to = toNode.flatMap { ValueDecoding.quantity($0, .mass, range: .nonNegative, expected: massExpected, log: log) }
        guard let from, let to, let toNode else { return nil }
        guard to > from else {
            log.report(toNode, "the range ends at \(NumberText.plain(to * 1000)) MeV, not above its start at \(NumberText.plain(from * 1000)) MeV",
                       expected: "'to' larger than 'from'")
            return nil
        }
        return SidebandFit(rangeGeV: from...to)
    }

    /// `{range: 5 sigma, bin_width: 0.5 sigma, normalisation: constrained}`: every key optional;
    /// the range in (0, 20] σ, the bin width dividing 2·range into 1 … 1000 whole bins (without
    /// it, the width nearest to 0.5σ that does).
    private static func decodeShape(_ node: SourceNode, log: DiagnosticLog) -> ShapeBinning? {
        guard let reader = MappingReader(node, allowedKeys: ["range", "bin_width", "normalisation"], expected: shapeExpected, log: log) else { return nil }
        var binning = ShapeBinning()
        if let rangeNode = reader.optional("range") {
            guard let range = sigmas(rangeNode, expected: shapeRangeExpected, log: log) else { return nil }
            guard range > 0 && range <= 20 else {
                log.report(rangeNode, "'\(NumberText.plain(range)) sigma' is out of range", expected: shapeRangeExpected)
                return nil
            }
            binning.rangeSigmas = range
        }
        if let widthNode = reader.optional("bin_width") {
            guard let width = sigmas(widthNode, expected: shapeBinExpected, log: log) else { return nil }
            let bins = 2 * binning.rangeSigmas / width
            guard width > 0, bins >= 1 - 1e-9, bins <= Double(ShapeBinning.maximumBins) + 1e-9, abs(bins - bins.rounded()) <= 1e-6 * bins else {
                let problem = !(width > 0) ? "is not positive"
                    : bins < 1 - 1e-9 ? "is wider than the range ±\(NumberText.plain(binning.rangeSigmas)) sigma (0 bins)"
                    : bins > Double(ShapeBinning.maximumBins) ? "gives more than \(ShapeBinning.maximumBins) bins"
                    : "does not divide the range ±\(NumberText.plain(binning.rangeSigmas)) sigma into whole bins"
                log.report(widthNode, "'\(NumberText.plain(width)) sigma' \(problem)", expected: shapeBinExpected)
                return nil
            }
            binning.binWidthSigmas = width
        } else {
            // Without bin_width: the width nearest to 0.5 sigma that divides the range.
            let bins = max(1, (2 * binning.rangeSigmas / ShapeBinning.defaultBinWidthSigmas).rounded())
            binning.binWidthSigmas = 2 * binning.rangeSigmas / bins
        }
        if let normalisationNode = reader.optional("normalisation") {
            guard let free = ValueDecoding.choice(normalisationNode, [("constrained", false), ("free", true)], expected: normalisationExpected, log: log)
            else { return nil }
            binning.freeNormalisation = free
        }
        return binning
    }

    /// `5 sigma`, `5σ` or `5`: a number of resolutions.
    private static func sigmas(_ node: SourceNode, expected: String, log: DiagnosticLog) -> Double? {
        guard let text = ValueDecoding.scalarText(node, expected: expected, log: log) else { return nil }
        guard case .fixed(let value)? = parseWindow(text), value.isFinite else {
            log.report(node, "'\(text.quotedForMessage)' is not a number of sigma", expected: expected)
            return nil
        }
        return value
    }

    /// `{m2_miss_above: 0.1 GeV^2}` or `{m2_miss_above: optimal, step: 0.02 GeV^2}`.
    private static func decodeRegion(_ node: SourceNode, log: DiagnosticLog) -> WindowWidth? {
        guard let reader = MappingReader(node, allowedKeys: ["m2_miss_above", "step"], expected: regionExpected, log: log) else { return nil }
        guard let above = reader.required("m2_miss_above", expected: regionExpected) else { return nil }
        let stepNode = reader.optional("step")
        if above.scalar?.trimmingCharacters(in: .whitespaces) == "optimal" {
            let step = stepNode.map {
                ValueDecoding.quantity($0, .massSquared, range: ValueRange(lower: 0.001, upper: 0.1), expected: stepExpected, log: log)
            } ?? WindowWidth.seed000CutStepGeV2
            return step.map { .optimalCut(stepGeV2: $0) }
        }
        if let stepNode {
            log.report(stepNode, "a step is for m2_miss_above: optimal", expected: "no step with a fixed m0^2")
            return nil
        }
        return ValueDecoding.quantity(above, .massSquared, range: ValueRange(lower: 0, upper: 1), expected: regionExpected, log: log)
            .map { .cut(thresholdGeV2: $0) }
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
