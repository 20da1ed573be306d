import RealModule

/// How a counting window becomes an upper limit on the number of signal events.
public enum LimitMethod: String, Sendable, CaseIterable, Equatable {
    /// CLs (Read 2002) with the background prior. Observed limits: exact Poisson at any count.
    /// Expected limits: exact Poisson for b ≤ 1000, the asymptotic formulae for b ≥ 3000 and a
    /// smooth blend in between (see `CLsRegime`), so they are continuous in b and fast.
    case cls
    /// The asymptotic CLs formulae (Cowan, Cranmer, Gross, Vitells 2011: large-count Poisson
    /// tails, averaged over the same background prior) at every b. Fast; wrong at small counts
    /// (0.82 instead of 2.30 at b = 0).
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
/// Above b ≈ 1000 the exact expected limits follow the asymptotic ones (`AsymptoticCLs`, the
/// same prior average with large-count Poisson tails) to ≈ 1 %: measured at b = 1000 at most
/// 1.0 % (the −2σ edge, Gaussian prior, δb/b = 1) and 0.3 % at b = 3000, for δb/b = 0 … 1 and
/// both priors; they differ by the integer steps of the quantiles n_q, ≈ 1/(2s) relative, and by
/// O(1/√b) skewness terms. Below, the asymptotic formulae drift off (≈ 3 % at b = 100, 0.82 vs
/// 2.30 at b = 0). Between 1000 and 3000 the result is blended with a weight smooth in ln b, so
/// there is no jump; the exact part stays cheap because it never runs above b = 3000.
///
/// The exact method also needs its counts to be integers well inside a Double: where the prior
/// reaches beyond `ExactCLs.largestCount / 100` (b + 8δb > 10¹³, i.e. δb/b > 10⁹ at b < 3000,
/// not a physical window) the asymptotic formulae are used whatever b.
enum CLsRegime {
    static let exactBelow = 1000.0
    static let asymptoticAbove = 3000.0

    /// Whether the counts the exact method meets, up to b + 8δb, stay below
    /// `ExactCLs.largestCount` / 100 = 10¹³.
    static func exactCountsFit(_ experiment: CountingExperiment) -> Bool {
        experiment.background + 8 * experiment.backgroundUncertainty <= Double(ExactCLs.largestCount) / 100
    }

    /// Weight of the exact result: 1 below `exactBelow`, 0 above `asymptoticAbove`, and the
    /// smoothstep 1 − (3t² − 2t³) of t = ln(b/1000)/ln 3 in between.
    static func exactWeight(_ experiment: CountingExperiment) -> Double {
        let b = experiment.background
        if !exactCountsFit(experiment) { return 0 }
        if b <= exactBelow { return 1 }
        if b >= asymptoticAbove { return 0 }
        let t = Double.log(b / exactBelow) / Double.log(asymptoticAbove / exactBelow)
        return 1 - t * t * (3 - 2 * t)
    }
}

/// Expected upper limits on the signal events of one window at the given confidence level
/// (0.90 for 90 % CL), under the background-only hypothesis at the nominal background.
///
/// Requires the experiment in its physical range (`CountingExperiment.rangeError == nil`) and
/// `ConfidenceLevel.isValid(confidence)`; callers that read user input check both (violated
/// here it traps).
public func expectedLimits(_ experiment: CountingExperiment, confidence: Double = 0.90, method: LimitMethod = .cls) -> ExpectedLimits {
    precondition(experiment.rangeError == nil, experiment.rangeError?.description ?? "")
    precondition(ConfidenceLevel.isValid(confidence), "confidence: expected \(ConfidenceLevel.expectation), got \(confidence)")
    switch method {
    case .simple:
        return ExpectedLimits(all: SimpleSensitivity.medianExclusionSignal(
            background: experiment.background, backgroundUncertainty: experiment.backgroundUncertainty, confidence: confidence))
    case .asymptotic:
        return AsymptoticCLs(experiment, confidence: confidence).expectedLimits()
    case .cls:
        let w = CLsRegime.exactWeight(experiment)
        if w == 1 { return ExactCLs(experiment, confidence: confidence).expectedLimits() }
        let bands = AsymptoticCLs(experiment, confidence: confidence).bands()
        let asymptotic = ExpectedLimits(bands.map(\.limit))
        if w == 0 { return asymptotic }
        // In the blend the asymptotic bands are where the exact searches start.
        return ExactCLs(experiment, confidence: confidence).expectedLimits(guesses: bands).blended(with: asymptotic, weight: w)
    }
}

/// The observed upper limit on the signal events of one window with `observed` events.
///
/// `.cls` is exact at any count (incomplete gamma functions, no asymptotics) while b + 8δb ≤
/// 10¹³ events (`CLsRegime.exactCountsFit`), and asymptotic beyond, where it agrees with the
/// exact method to ≈ 10⁻⁶; `.asymptotic` uses the
/// asymptotic formulae at any count; `.simple` has no observed limit and throws.
/// Requires observed ≥ 0 and the conditions of `expectedLimits`.
public func observedLimit(observed: Int, experiment: CountingExperiment, confidence: Double = 0.90, method: LimitMethod = .cls) throws -> Double {
    precondition(experiment.rangeError == nil, experiment.rangeError?.description ?? "")
    precondition(ConfidenceLevel.isValid(confidence), "confidence: expected \(ConfidenceLevel.expectation), got \(confidence)")
    precondition(observed >= 0, "observed count must be >= 0")
    switch method {
    case .simple: throw LimitError.observedLimitUndefined(.simple)
    case .asymptotic: return AsymptoticCLs(experiment, confidence: confidence).upperLimit(observed: observed)
    case .cls:
        guard CLsRegime.exactCountsFit(experiment) else {
            return AsymptoticCLs(experiment, confidence: confidence).upperLimit(observed: observed)
        }
        return ExactCLs(experiment, confidence: confidence).upperLimit(observed: observed)
    }
}
