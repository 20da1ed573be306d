/// The part of the reconstructed m²_miss spectrum in which one hypothesis is tested: the
/// signal counted and the background integrated there. Every background answers for any
/// region (`MissingMassBackground.events(in:)`) and every signal model says what fraction of
/// its spectrum falls inside, so a new kind of region is one new case here, not a new path
/// through the projection.
///
/// - `window`: m_N² ± kσ around a peak (seed 001 Eq. 2 and Sec. IV; docs/physics.md §4.3).
/// - `interval`: any [a, b], e.g. a bin of the reconstructed spectrum (`reach background`).
///
/// A cut m²_miss > m0² for continuum signals (seed 000 Sec. 6) is the next case: an interval
/// from m0² to the end of the spectrum, tested with the same backgrounds and statistics.
public enum SignalRegion: Sendable, Equatable {
    /// [m_N² − kσ, m_N² + kσ] for a peak hypothesis at `centreGeV2` = m_N².
    case window(centreGeV2: Double, k: Double, resolutionGeV2: Double)
    /// Any interval of m²_miss, e.g. one bin of a spectrum.
    case interval(lowerGeV2: Double, upperGeV2: Double)

    /// The m²_miss interval counted [GeV²].
    public var rangeGeV2: ClosedRange<Double> {
        switch self {
        case .window(let centre, let k, let sigma):
            let halfWidth = k * sigma
            return (centre - halfWidth)...(centre + halfWidth)
        case .interval(let lower, let upper):
            return lower...max(lower, upper)
        }
    }

    /// The width of the interval [GeV²]: 2kσ for a window.
    public var widthGeV2: Double {
        switch self {
        case .window(_, let k, let sigma): return 2 * (k * sigma)
        case .interval(let lower, let upper): return max(0, upper - lower)
        }
    }

    /// The hypothesis' m_N² [GeV²] (an interval's middle): where quantities that follow the
    /// hypothesis (the signal acceptance that scales a background without its own acceptance)
    /// are evaluated.
    public var hypothesisGeV2: Double {
        switch self {
        case .window(let centre, _, _): return centre
        case .interval(let lower, let upper): return 0.5 * (lower + upper)
        }
    }
}
