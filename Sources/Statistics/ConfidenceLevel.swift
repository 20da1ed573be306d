/// The confidence levels for which the statistics of this module mean something:
/// 0.5 < CL ≤ 0.9999.
///
/// - Below or at 0.5, z = Φ⁻¹(CL) ≤ 0: the seed-001 sensitivities s = z√(b + δb²) and
///   s = z√(b + s + δb²) (`SimpleSensitivity`) become 0 or negative — "perfect sensitivity" —
///   and a CLs "limit" with CLs ≥ ½ excludes nothing a coin flip would not.
/// - Above 0.9999 the test size α = 1 − CL is no longer known from the Double CL: the spacing of
///   Doubles near 1 is 1.1×10⁻¹⁶, so α carries a relative error up to 1.1×10⁻¹⁶/α — 10⁻¹² at
///   α = 10⁻⁴, 100 % at CL = 0.9999999999999999, where a limit would be noise. At 0.9999 the
///   CLs tails solved for (α Φ(−2) ≈ 2×10⁻⁶) and z = 3.72 are still far inside the accuracy of
///   the Poisson and normal tails used.
public enum ConfidenceLevel {
    /// The smallest CL refused (exclusive lower bound).
    public static let exclusiveLowerBound = 0.5
    /// The largest CL accepted.
    public static let upperBound = 0.9999

    /// What a valid CL looks like, for error messages.
    public static let expectation = "a confidence level above 0.5 and at most 0.9999, e.g. 0.90"

    /// Whether `confidence` is in 0.5 < CL ≤ 0.9999 (false for NaN).
    public static func isValid(_ confidence: Double) -> Bool {
        confidence > exclusiveLowerBound && confidence <= upperBound
    }
}
