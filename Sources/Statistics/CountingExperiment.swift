/// How the uncertainty δb on the expected background enters the limit: the prior π(b′) over
/// which Poisson probabilities are averaged (the hybrid Bayesian–frequentist treatment of
/// R. D. Cousins and V. L. Highland, Nucl. Instrum. Meth. A320 (1992) 331), in the exact and in
/// the asymptotic CLs formulae alike.
///
/// The choice matters: for seed 000 (N_exp = 7549 ± 928) the log-normal prior gives limits
/// ≈ 20 % below the published ones, which come out only with the truncated Gaussian.
public enum BackgroundUncertaintyModel: String, Sendable, CaseIterable, Equatable {
    /// Gaussian of mean b and width δb, truncated at b′ = 0 and renormalised (the default;
    /// reproduces NA62's published CLs numbers, seed 000 Sec. 6).
    case gaussian
    /// Log-normal b′ = b κ^θ with θ standard normal and κ = 1 + δb/b: median b, the "lnN"
    /// convention of LHC combination tools. Never negative; longer upper tail.
    case logNormal = "log-normal"
}

/// Why a counting window was refused: the value and what was expected.
public enum CountingExperimentError: Error, Equatable, CustomStringConvertible {
    /// b is not a finite number of events in 0 … `CountingExperiment.largestEvents`.
    case background(Double)
    /// δb is not a finite number of events in 0 … `CountingExperiment.largestEvents`.
    case backgroundUncertainty(Double)

    /// What a valid value looks like (the same words for b and δb).
    public static let expectation = "a finite number of events between 0 and 1e300"

    public var description: String {
        switch self {
        case .background(let value): return "background: expected \(Self.expectation), got \(value)"
        case .backgroundUncertainty(let value): return "background uncertainty: expected \(Self.expectation), got \(value)"
        }
    }
}

/// One counting window: expected background b and its absolute uncertainty δb (both in events).
///
/// Physical range: 0 ≤ b ≤ 10³⁰⁰ and 0 ≤ δb ≤ 10³⁰⁰, both finite (`init(checkedBackground:…)`
/// refuses anything else). The bound leaves room for b + 8δb (the upper end of the Gaussian
/// prior integral) below the largest Double, 1.8×10³⁰⁸; the limit calculations rely on it (the
/// log-normal prior, whose b κ⁸ can be larger, is cut at 10³⁰⁵ by `BackgroundPriorAverage`).
public struct CountingExperiment: Sendable, Equatable {
    /// The largest b or δb accepted, in events.
    public static let largestEvents = 1e300

    /// Expected background b (events), 0 … 10³⁰⁰.
    public var background: Double
    /// Absolute uncertainty δb on the background (events), 0 … 10³⁰⁰.
    public var backgroundUncertainty: Double
    /// Shape of the background prior when δb > 0.
    public var uncertaintyModel: BackgroundUncertaintyModel

    /// A window whose values the caller guarantees to be in range (the limit functions trap
    /// otherwise); input from users goes through `init(checkedBackground:…)`.
    public init(background: Double, backgroundUncertainty: Double = 0, uncertaintyModel: BackgroundUncertaintyModel = .gaussian) {
        self.background = background
        self.backgroundUncertainty = backgroundUncertainty
        self.uncertaintyModel = uncertaintyModel
    }

    /// A window from values not yet checked: throws unless 0 ≤ b, δb ≤ 10³⁰⁰ (finite).
    public init(checkedBackground background: Double, backgroundUncertainty: Double = 0,
                uncertaintyModel: BackgroundUncertaintyModel = .gaussian) throws(CountingExperimentError) {
        self.init(background: background, backgroundUncertainty: backgroundUncertainty, uncertaintyModel: uncertaintyModel)
        if let error = rangeError { throw error }
    }

    /// Whether a number of events lies in the physical range 0 … 10³⁰⁰ (false for NaN, ±∞).
    public static func isInRange(events value: Double) -> Bool {
        value >= 0 && value <= largestEvents
    }

    /// True when the background is known exactly: δb = 0, or a log-normal prior around b = 0
    /// (which is a point mass at zero).
    var backgroundIsExact: Bool {
        backgroundUncertainty == 0 || (uncertaintyModel == .logNormal && background == 0)
    }

    /// The first value out of range, or nil.
    public var rangeError: CountingExperimentError? {
        if !Self.isInRange(events: background) { return .background(background) }
        if !Self.isInRange(events: backgroundUncertainty) { return .backgroundUncertainty(backgroundUncertainty) }
        return nil
    }
}
