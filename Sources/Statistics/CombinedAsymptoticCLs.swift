import RealModule

/// Expected CLs limits on a parameter μ shared by independent counting channels, in the
/// asymptotic approximation of Cowan, Cranmer, Gross, Vitells, EPJC 71 (2011) 1554 (CCGV).
///
/// The likelihood is the product over channels of Poisson(nᵢ; μ aᵢ + βᵢ(θᵢ)) times a unit
/// normal constraint on each θᵢ, with βᵢ(θ) = bᵢ + δbᵢ θ (`gaussian`; the same model as a
/// pyhf `histosys` with templates b ± δb) or bᵢ κᵢ^θ, κᵢ = 1 + δbᵢ/bᵢ (`log-normal`; pyhf's
/// `normsys`). On the Asimov background-only data set (nᵢ = bᵢ, θᵢ's auxiliary measurement 0)
/// the unconditional fit returns μ̂ = 0, θ̂ = 0, so
///
///     q̃_μ,A = 2 Σᵢ [νᵢ − nᵢ − nᵢ ln(νᵢ/nᵢ) + θ̂ᵢ²/2],   νᵢ = μ aᵢ + βᵢ(θ̂ᵢ),
///
/// with θ̂ᵢ the conditional fit at μ (each channel profiles its own θᵢ: they share only μ).
/// With σ² = μ²/q̃_μ,A (CCGV Eq. 30/32), the expected CLs limit of band N is (CCGV Eq. 89)
///
///     μ_N = σ (Φ⁻¹(1 − α Φ(N)) + N),   i.e.   √q̃_μ,A(μ_N) = Φ⁻¹(1 − α Φ(N)) + N,
///
/// solved in μ with σ evaluated at μ_N itself, as pyhf's expected bands are. For one channel
/// without uncertainty the median is the single-channel asymptotic median (`AsymptoticCLs`).
struct CombinedAsymptoticCLs: Sendable {
    let channels: [CombinedChannel]
    /// 1 − CL.
    let alpha: Double

    init(_ channels: [CombinedChannel], confidence: Double) {
        self.channels = channels.filter(\.seesSignal)
        alpha = 1 - confidence
    }

    /// The five expected limits on μ, ordered as `ExpectedLimits.bandSigmas`.
    func expectedLimits() -> ExpectedLimits {
        ExpectedLimits(ExpectedLimits.bandSigmas.map { limit(band: $0) })
    }

    /// μ_N of CCGV Eq. 89 for the band N: the root of √q̃_μ,A(μ) = Φ⁻¹(1 − α Φ(N)) + N, which
    /// rises from 0 at μ = 0. The search starts at the Gaussian estimate
    /// μ₀ = c / √(Σ aᵢ²/(bᵢ + δbᵢ²)) and brackets by factors of 2.
    func limit(band sigma: Double) -> Double {
        let target = NormalDistribution.quantile(1 - alpha * NormalDistribution.cdf(sigma)) + sigma
        let information = channels.reduce(0.0) { sum, channel in
            let e = channel.experiment
            return sum + channel.signalPerParameter * channel.signalPerParameter / max(e.background + e.backgroundUncertainty * e.backgroundUncertainty, 1)
        }
        let f = { (mu: Double) in asimovTestStatistic(mu).squareRoot() - target }
        var upper = target / information.squareRoot()
        var lower = upper
        while f(upper) < 0 { lower = upper; upper *= 2 }
        while lower == upper || f(lower) > 0 { upper = lower; lower *= 0.5 }
        return RootFinding.brent(lower: lower, upper: upper, relativeTolerance: 1e-11, f)
    }

    /// q̃_μ,A, the sum of each channel's profiled term.
    func asimovTestStatistic(_ mu: Double) -> Double {
        channels.reduce(0.0) { $0 + Self.asimovTerm(signal: mu * $1.signalPerParameter, experiment: $1.experiment) }
    }

    /// One channel's 2[ν − n − n ln(ν/n) + θ̂²/2] on its Asimov data n = b, for signal s.
    static func asimovTerm(signal s: Double, experiment: CountingExperiment) -> Double {
        let n = experiment.background
        let expected = ChannelNuisance(experiment)
        let theta = expected.profiledTheta(signal: s, observed: n)
        // ν − n − n ln(ν/n) = n (d − ln(1 + d)), d = (ν − n)/n formed from the offsets, so
        // nothing cancels at n ≫ s.
        let poisson: Double
        if n > 0 {
            let d = (s + expected.backgroundOffset(atTheta: theta)) / n
            poisson = n * (d - Double.log(onePlus: d))
        } else {
            poisson = s + expected.background(atTheta: theta)
        }
        return 2 * (poisson + 0.5 * theta * theta)
    }
}

/// The background of one channel as a function of its nuisance parameter θ (unit normal
/// constraint), and the conditional fit of θ at a given signal.
struct ChannelNuisance: Sendable {
    let experiment: CountingExperiment
    /// ln κ of the log-normal form; 0 for the Gaussian.
    private let logKappa: Double

    init(_ experiment: CountingExperiment) {
        self.experiment = experiment
        let b = experiment.background
        logKappa = experiment.uncertaintyModel == .logNormal && b > 0 ? Double.log(onePlus: experiment.backgroundUncertainty / b) : 0
    }

    /// β(θ) and dβ/dθ.
    func backgroundAndSlope(atTheta theta: Double) -> (value: Double, slope: Double) {
        let b = experiment.background
        switch experiment.uncertaintyModel {
        case .gaussian: return (b + experiment.backgroundUncertainty * theta, experiment.backgroundUncertainty)
        case .logNormal:
            let value = b * Double.exp(logKappa * theta)
            return (value, value * logKappa)
        }
    }

    func background(atTheta theta: Double) -> Double { backgroundAndSlope(atTheta: theta).value }

    /// β(θ) − b without forming β: δb θ, or b (κ^θ − 1).
    func backgroundOffset(atTheta theta: Double) -> Double {
        switch experiment.uncertaintyModel {
        case .gaussian: return experiment.backgroundUncertainty * theta
        case .logNormal: return experiment.background * Double.expMinusOne(logKappa * theta)
        }
    }

    /// θ̂ minimising ν − n ln ν + θ²/2, ν = s + β(θ), for s > 0: the root of
    /// g(θ) = (1 − n/ν) β′(θ) + θ. g(0) = s β′/(s + n) ≥ 0 and g = θ < 0 where ν = n, so the
    /// root lies between that point (Gaussian: θ = −s/δb; log-normal: β = n − s, or far below
    /// where s ≥ n, found by doubling) and 0 (Brent). With n = 0 (b = 0) the Gaussian minimum is
    /// θ = −δb, kept where ν ≥ 0, i.e. θ ≥ −s/δb.
    func profiledTheta(signal s: Double, observed n: Double) -> Double {
        if experiment.backgroundIsExact { return 0 }
        let db = experiment.backgroundUncertainty
        if experiment.uncertaintyModel == .gaussian && n == 0 { return max(-db, -s / db) }
        let g = { (theta: Double) -> Double in
            let (beta, slope) = backgroundAndSlope(atTheta: theta)
            return (1 - n / (s + beta)) * slope + theta
        }
        if !(g(0) > 0) { return 0 }
        var lower: Double
        switch experiment.uncertaintyModel {
        case .gaussian:
            lower = -s / db
        case .logNormal:
            lower = n > s ? Double.log((n - s) / experiment.background) / logKappa : -1
            while g(lower) > 0 { lower *= 2 }
        }
        return RootFinding.brent(lower: lower, upper: 0, relativeTolerance: 1e-12, absoluteTolerance: 1e-14, g)
    }
}
