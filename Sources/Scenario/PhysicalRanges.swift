/// The ranges a scenario's numbers must lie in, chosen so that every quantity derived from them
/// (N_K and its sum over streams, a table's scale to N_K, the window kσ, event counts, grid
/// points) is finite, and wide enough for any kaon experiment (NA62 records ~10¹³ kaon decays a
/// year; σ(m²_miss) ~ 10⁻³ GeV²). Documented in scenarios/README.md.
enum PhysicalRanges {
    /// Kaon decays in one stream, its effective decays, and N_K (their sum): at most 10²⁰, a
    /// million times a decade of NA62.
    static let maximumKaonDecays = 1e20
    /// N_K below one kaon decay cannot be a projection.
    static let minimumTotalKaonDecays = 1.0
    /// σ(m²_miss) in GeV²: above 1 GeV² the resolution is wider than the kinematic range of every
    /// channel (m_K² ≈ 0.24 GeV²); below 10⁻⁹ GeV² (10⁻³ MeV²) it is beyond any detector.
    static let resolutionGeV2 = ValueRange(lower: 1e-9, upper: 1)
    /// The window half-width k in σ: beyond 10σ the window holds nothing a narrower one lacks.
    static let windowSigmas = ValueRange(lower: 0, lowerInclusive: false, upper: 10)
    /// δb/b: a relative background uncertainty of more than 1000 % is no knowledge of b.
    static let backgroundUncertainty = ValueRange(lower: 0, upper: 10)
    /// A background component's rejection factor: the fraction kept, (0, 1].
    static let backgroundRejection = ValueRange(lower: 0, lowerInclusive: false, upper: 1)
    /// The kaon decays a background table was made for: at least one, at most N_K's bound, so
    /// the table's scale N_K / N_table lies in [10⁻²⁰, 10²⁰].
    static let tableKaonDecays = ValueRange(lower: 1, upper: maximumKaonDecays)
    /// A stream's kaon decays and effective kaon decays.
    static let streamKaonDecays = ValueRange(lower: 0, lowerInclusive: false, upper: maximumKaonDecays)
}
