/// The part of the reconstructed m²_miss spectrum in which one hypothesis is tested: the
/// signal counted and the background integrated there. Every background answers for any
/// region (`MissingMassBackground.events(in:)`) and every signal model says what fraction of
/// its spectrum falls inside, so a new kind of region is one new case here, not a new path
/// through the projection.
///
/// - `window`: m_N² ± kσ around a peak (seed 001 Eq. 2 and Sec. IV; docs/physics.md §4.3).
/// - `above`: the cut m²_miss ≥ m0² of the continuum searches (seed 000 Sec. 6, Table 1 at
///   m0² = 0.1 GeV²), the interval [m0², +∞) — every background ends at its own kinematic
///   endpoint plus the smearing, so nothing beyond is lost by leaving the interval open.
/// - `interval`: any [a, b], e.g. a bin of the reconstructed spectrum (`reach background`).
public enum SignalRegion: Sendable, Equatable {
    /// [m_N² − kσ, m_N² + kσ] for a peak hypothesis at `centreGeV2` = m_N².
    case window(centreGeV2: Double, k: Double, resolutionGeV2: Double)
    /// [m0², +∞) for a cut at `thresholdGeV2` = m0².
    case above(thresholdGeV2: Double)
    /// Any interval of m²_miss, e.g. one bin of a spectrum.
    case interval(lowerGeV2: Double, upperGeV2: Double)

    /// The m²_miss interval counted [GeV²]; unbounded above (upper bound +∞) for a cut.
    public var rangeGeV2: ClosedRange<Double> {
        switch self {
        case .window(let centre, let k, let sigma):
            let halfWidth = k * sigma
            return (centre - halfWidth)...(centre + halfWidth)
        case .above(let threshold):
            return threshold...Double.infinity
        case .interval(let lower, let upper):
            return lower...max(lower, upper)
        }
    }

    /// The width of the interval [GeV²]: 2kσ for a window, +∞ for a cut.
    public var widthGeV2: Double {
        switch self {
        case .window(_, let k, let sigma): return 2 * (k * sigma)
        case .above: return .infinity
        case .interval(let lower, let upper): return max(0, upper - lower)
        }
    }

    /// The hypothesis' m_N² [GeV²]: where quantities that follow the hypothesis (the signal
    /// acceptance that scales a background without its own acceptance) are evaluated — the
    /// window's centre, a cut's threshold m0² (seed 000 Sec. 6 sets m0² = m_X² for its heavier
    /// continuum hypotheses), an interval's middle.
    public var hypothesisGeV2: Double {
        switch self {
        case .window(let centre, _, _): return centre
        case .above(let threshold): return threshold
        case .interval(let lower, let upper): return 0.5 * (lower + upper)
        }
    }
}
