import RealModule

/// CLs from the asymptotic distributions of q̃_s (Cowan, Cranmer, Gross, Vitells, EPJC 71
/// (2011) 1554; Wilks and Wald), for one counting window. With q_A = q̃_s on the
/// background-only Asimov data set (n = b) and q̃ = q̃_s on the data (Eqs. 65–66):
///
///     q̃ ≤ q_A:  CLs+b = 1 − Φ(√q̃),                   CLb = Φ(√q_A − √q̃)
///     q̃ > q_A:  CLs+b = 1 − Φ((q̃ + q_A)/(2√q_A)),     CLb = Φ((q_A − q̃)/(2√q_A))
///
/// and the expected limit of the band N (N = 0 the median, ±1, ±2) solves (Eq. 89 with
/// σ = s/√q_A evaluated at the limit itself)
///
///     √q_A(s) = Φ⁻¹(1 − α Φ(N)) + N,   α = 1 − CL.
///
/// Fast and smooth, but wrong at small counts: at b = 0 the median is 1.35 instead of the
/// exact 2.30 (q_A = 2s there). `expectedLimits(_:confidence:method:)` uses it only where b is
/// large.
struct AsymptoticCLs: Sendable {
    let experiment: CountingExperiment
    let alpha: Double

    init(_ experiment: CountingExperiment, confidence: Double) {
        self.experiment = experiment
        alpha = 1 - confidence
    }

    private var asimov: ProfileLikelihood { ProfileLikelihood(experiment: experiment, observed: experiment.background) }

    /// Expected limits for the five bands.
    func expectedLimits() -> ExpectedLimits {
        let asimov = self.asimov
        return ExpectedLimits(ExpectedLimits.bandSigmas.map { sigma in
            let target = NormalDistribution.quantile(1 - alpha * NormalDistribution.cdf(sigma)) + sigma
            return solve { target - asimov.testStatistic(signal: $0).squareRoot() }
        })
    }

    /// The observed limit for n observed events.
    func upperLimit(observed: Int) -> Double {
        let data = ProfileLikelihood(experiment: experiment, observed: Double(observed))
        let asimov = self.asimov
        return solve { s in
            Double.log(Self.cls(observed: data.testStatistic(signal: s), asimov: asimov.testStatistic(signal: s))) - Double.log(alpha)
        }
    }

    /// CLs from q̃ and q_A (Eqs. 65–66 of CCGV).
    static func cls(observed q: Double, asimov qA: Double) -> Double {
        if qA <= 0 { return 1 }
        let rootA = qA.squareRoot()
        if q <= qA {
            let root = q.squareRoot()
            return NormalDistribution.survival(root) / NormalDistribution.cdf(rootA - root)
        }
        return NormalDistribution.survival((q + qA) / (2 * rootA)) / NormalDistribution.cdf((qA - q) / (2 * rootA))
    }

    /// Root of a function of s that is positive at s → 0 and negative at large s.
    private func solve(_ f: (Double) -> Double) -> Double {
        let b = experiment.background, db = experiment.backgroundUncertainty
        let scale = (b + db * db + 1).squareRoot()
        let lower = 1e-9 * scale
        let upper = RootFinding.expandUpward(from: 4 * scale) { f($0) < 0 }
        return RootFinding.brent(lower: lower, upper: upper, relativeTolerance: 1e-10, f)
    }
}
