import RealModule

/// The large-count form of the Poisson tail used by the asymptotic CLs formulae: for a count n
/// (continuous) and a mean μ,
///
///     P(n′ ≤ n; μ) ≈ Φ(r),   r = sign(n − μ) √(2[μ − n + n ln(n/μ)]),
///
/// the signed square root of the likelihood-ratio statistic of a Poisson count with known mean
/// (Wilks' theorem; the p-value p_μ = 1 − Φ(√q_μ) of Cowan, Cranmer, Gross, Vitells, EPJC 71
/// (2011) 1554, Sec. 3.6, for one counting window without nuisance parameters). With n = b it is
/// the Asimov data set of the background-only hypothesis, and r² = q_A of their Eq. 89.
///
/// Both n and μ are handed in as offsets from the nominal background b (n = b + x,
/// μ = b + m), so that μ − n = m − x is formed without cancellation even at b = 10³⁰⁰:
/// μ − n + n ln(n/μ) = n h(t), h(t) = t − ln(1 + t), t = (μ − n)/n (`SaddlePointTerm.xMinusLog1p`).
enum AsymptoticPoissonTail {
    /// r²/2 beyond which Φ(r) is taken as 0 or 1 (10⁻¹⁹ off; `PoissonTailsAtCount.saturatedExponent`).
    static let saturatedHalfDeviance = PoissonTailsAtCount.saturatedExponent

    /// Φ(r) and its derivatives ∂Φ(r)/∂μ (≤ 0) and ∂Φ(r)/∂n (≥ 0), for n = b + x ≥ 0 and
    /// μ = b + m ≥ 0 (events).
    ///
    /// With t = (μ − n)/n: ∂r/∂μ = (μ − n)/(μ r) = t/((1 + t) r) and ∂r/∂n = ln(n/μ)/r =
    /// −ln(1 + t)/r, both → ∓1/√n at r → 0; at n = 0, r = −√(2μ).
    static func cumulative(background b: Double, countOffset x: Double, meanOffset m: Double)
        -> (value: Double, derivativeInMean: Double, derivativeInCount: Double) {
        let n = max(0, b + x), mu = max(0, b + m)
        if mu == 0 { return (1, 0, 0) }
        if n == 0 {
            let r = -(2 * mu).squareRoot()
            let density = NormalDistribution.density(r)
            return (NormalDistribution.cdf(r), density / r, 0)
        }
        let difference = m - x  // μ − n
        let t = difference / n
        if t <= -1 { return (1, 0, 0) }
        let h = SaddlePointTerm.xMinusLog1p(t)
        let halfDeviance = n * h
        // Beyond r² = 82 (|r| > 9) Φ(r) is within 10⁻¹⁹ of 0 or 1 and φ(r) < 10⁻¹⁸: taken as
        // exact there, without the erfc and exponential.
        if halfDeviance > Self.saturatedHalfDeviance { return (difference > 0 ? 0 : 1, 0, 0) }
        let r = (difference > 0 ? -1.0 : 1.0) * (2 * halfDeviance).squareRoot()
        let density = NormalDistribution.density(r)
        if r == 0 {
            let width = n.squareRoot()
            return (0.5, -density / width, density / width)
        }
        // ln(1 + t) = t − h(t), from the h already known.
        return (NormalDistribution.cdf(r), density * t / ((1 + t) * r), -density * (t - h) / r)
    }
}
