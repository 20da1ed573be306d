import RealModule

/// How a counting window becomes an upper limit on the number of signal events.
public enum LimitMethod: String, Sendable, CaseIterable, Equatable {
    /// CLs (Read 2002) with the background prior. Observed limits: exact Poisson at any count.
    /// Expected limits: exact Poisson for b ≤ 1000, the asymptotic formulae for b ≥ 3000 and a
    /// smooth blend in between (see `CLsRegime`), so they are continuous in b and fast.
    case cls
    /// The asymptotic CLs formulae of Cowan, Cranmer, Gross, Vitells (2011) at every b.
    /// Fast; wrong at small counts (1.35 instead of 2.30 at b = 0).
    case asymptotic
    /// The closed-form median exclusion of seed 001, s = z √(b + s + δb²). It has no bands (all
    /// five edges are the median) and no observed limit.
    case simple
}

/// Errors of the limit calculations.
public enum LimitError: Error, Equatable, CustomStringConvertible {
    /// The method defines no observed limit.
    case observedLimitUndefined(LimitMethod)

    public var description: String {
        switch self {
        case .observedLimitUndefined(let method):
            return "the \(method.rawValue) method gives no observed limit; use cls or asymptotic"
        }
    }
}

/// Where `LimitMethod.cls` changes from exact Poisson to the asymptotic formulae for expected
/// limits.
///
/// Above b ≈ 1000 the exact expected limits follow the asymptotic ones to ≈ 1 % (measured: at
/// most 1.3 % at b = 1000 and 0.9 % at b = 3000, on the −2σ edge with δb = 0; they differ by the
/// integer steps of the quantiles n_q, ≈ 1/(2s) relative, and by O(1/√b) skewness terms);
/// below, the asymptotic formulae drift off (≈ 3 % at b = 300, 1.35 vs 2.30 at b = 0). Between
/// 1000 and 3000 the result is blended with a weight smooth in ln b, so there is no jump; the
/// exact part stays cheap because it never runs above b = 3000.
enum CLsRegime {
    static let exactBelow = 1000.0
    static let asymptoticAbove = 3000.0

    /// Weight of the exact result: 1 below `exactBelow`, 0 above `asymptoticAbove`, and the
    /// smoothstep 1 − (3t² − 2t³) of t = ln(b/1000)/ln 3 in between.
    static func exactWeight(background b: Double) -> Double {
        if b <= exactBelow { return 1 }
        if b >= asymptoticAbove { return 0 }
        let t = Double.log(b / exactBelow) / Double.log(asymptoticAbove / exactBelow)
        return 1 - t * t * (3 - 2 * t)
    }
}

/// Expected upper limits on the signal events of one window at the given confidence level
/// (0.90 for 90 % CL), under the background-only hypothesis at the nominal background.
///
/// Requires b ≥ 0, δb ≥ 0 (finite) and 0 < confidence < 1 (checked by the callers that read
/// user input; violated here it traps).
public func expectedLimits(_ experiment: CountingExperiment, confidence: Double = 0.90, method: LimitMethod = .cls) -> ExpectedLimits {
    precondition(experiment.invalidityReason == nil, experiment.invalidityReason ?? "")
    precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
    switch method {
    case .simple:
        return ExpectedLimits(all: SimpleSensitivity.medianExclusionSignal(
            background: experiment.background, backgroundUncertainty: experiment.backgroundUncertainty, confidence: confidence))
    case .asymptotic:
        return AsymptoticCLs(experiment, confidence: confidence).expectedLimits()
    case .cls:
        let w = CLsRegime.exactWeight(background: experiment.background)
        if w == 1 { return ExactCLs(experiment, confidence: confidence).expectedLimits() }
        let asymptotic = AsymptoticCLs(experiment, confidence: confidence).expectedLimits()
        if w == 0 { return asymptotic }
        return ExactCLs(experiment, confidence: confidence).expectedLimits().blended(with: asymptotic, weight: w)
    }
}

/// The observed upper limit on the signal events of one window with `observed` events.
///
/// `.cls` is exact at any count (incomplete gamma functions, no asymptotics); `.asymptotic`
/// uses the CCGV formulae; `.simple` has no observed limit and throws.
/// Requires observed ≥ 0 and the conditions of `expectedLimits`.
public func observedLimit(observed: Int, experiment: CountingExperiment, confidence: Double = 0.90, method: LimitMethod = .cls) throws -> Double {
    precondition(experiment.invalidityReason == nil, experiment.invalidityReason ?? "")
    precondition(confidence > 0 && confidence < 1, "confidence must lie in (0, 1)")
    precondition(observed >= 0, "observed count must be >= 0")
    switch method {
    case .simple: throw LimitError.observedLimitUndefined(.simple)
    case .asymptotic: return AsymptoticCLs(experiment, confidence: confidence).upperLimit(observed: observed)
    case .cls: return ExactCLs(experiment, confidence: confidence).upperLimit(observed: observed)
    }
}
