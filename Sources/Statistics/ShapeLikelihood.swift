import RealModule

/// How the background normalisation of a shape fit is treated: one nuisance parameter θ
/// scaling every bin's background, ν_i = μ s_i + θ b_i.
public enum BackgroundNormalisation: Sendable, Equatable {
    /// θ = 1: the background is known exactly.
    case fixed
    /// θ constrained by an auxiliary measurement of relative width δ (a Gaussian term
    /// (θ − 1)²/δ² in −2 ln L), profiled; δ = 0 is `fixed`.
    case constrained(relativeUncertainty: Double)
    /// θ free (no constraint): the normalisation is fitted from the spectrum itself.
    case free
}

/// A binned search for a signal of known shape on a background of known shape: per bin i the
/// expected signal s_i (events at signal strength μ = 1) and background b_i (events), the
/// background normalisation fixed, constrained or free (`BackgroundNormalisation`). Expected
/// CLs limits on μ with ±1σ/±2σ bands from the Asimov data set (G. Cowan, K. Cranmer, E. Gross,
/// O. Vitells, EPJC 71 (2011) 1554, "CCGV"; docs/statistics.md §14):
///
/// - likelihood (CCGV Eq. 6, the auxiliary measurement a Gaussian on θ):
///   −2 ln L(μ, θ) = 2 Σ_i [ν_i − n_i ln ν_i] + (θ − 1)²/δ² + const, ν_i = μ s_i + θ b_i;
/// - background-only Asimov data (CCGV Eqs. 24–25): n_i = b_i, auxiliary value θ = 1, so that
///   μ̂ = 0, θ̂ = 1 and q̃_μ (CCGV Eq. 16) equals q_μ,A = −2 ln [L_A(μ, θ̂̂(μ)) / L_A(0, 1)]:
///
///       q_μ,A = min_θ { 2 Σ_i b_i h(t_i) + (θ − 1)²/δ² },   t_i = μ s_i/b_i + (θ − 1),
///       h(t) = t − ln(1 + t)   (a bin with b_i = 0 contributes 2 μ s_i);
///
/// - σ of μ̂ from the Asimov set, σ² = μ²/q_μ,A (CCGV Eq. 31, μ′ = 0);
/// - the CLs limit of the band N (N = 0 the median, ±1, ±2): μ_N = σ (Φ⁻¹(1 − α Φ(N)) + N),
///   the CLs form of CCGV Eqs. 88–89 (p_μ = 1 − Φ((μ − μ̂)/σ), 1 − p_b = Φ(μ̂/σ) at
///   μ̂ = N σ, valid for q̃_μ at either sign of μ̂, CCGV Eq. 65), solved with σ = σ(μ):
///
///       √q_μ,A(μ_N) = Φ⁻¹(1 − α Φ(N)) + N.
///
/// q_μ,A grows monotonically with μ, so each band is one root. With one bin and a fixed
/// background q_μ,A = 2[s − b ln(1 + s/b)] and the median is the asymptotic counting limit
/// (`AsymptoticCLs` at δb = 0). Asymptotic: valid where the bins that matter hold many events.
public struct ShapeExperiment: Sendable, Equatable {
    /// Signal events per bin at μ = 1.
    public var signal: [Double]
    /// Background events per bin (before the normalisation θ).
    public var background: [Double]
    public var normalisation: BackgroundNormalisation

    public init(signal: [Double], background: [Double], normalisation: BackgroundNormalisation = .fixed) {
        precondition(signal.count == background.count, "one signal and one background per bin")
        self.signal = signal
        self.background = background
        self.normalisation = normalisation
    }

    /// 1/δ² of the constraint on θ; nil where θ is fixed, 0 where it is free.
    private var constraintWeight: Double? {
        switch normalisation {
        case .fixed: return nil
        case .constrained(let delta): return delta > 0 ? 1 / (delta * delta) : nil
        case .free: return 0
        }
    }

    /// The profiled Fisher information on μ at μ = 0 of the Asimov set: I = Σ s²/b − (Σ s)²/(Σ b + 1/δ²)
    /// (the second term only where θ floats), with Σ over bins with b > 0; a bin with b = 0 and
    /// s > 0 makes it infinite. 1/√I is σ at small μ.
    public var fisherInformation: Double {
        var ss = 0.0, sb = 0.0, bb = 0.0
        for i in signal.indices where signal[i] > 0 || background[i] > 0 {
            if background[i] == 0 { return .infinity }
            ss += signal[i] * signal[i] / background[i]
            sb += signal[i]
            bb += background[i]
        }
        guard let weight = constraintWeight else { return ss }
        let denominator = bb + weight
        return denominator > 0 ? max(0, ss - sb * sb / denominator) : ss
    }

    /// q_μ,A and dq_μ,A/dμ at θ̂̂(μ) (type comment), with θ − 1 = `offset` profiled by Newton's
    /// method from `offset` (updated, so that the next μ starts from this one's θ̂̂).
    func asimovStatistic(_ mu: Double, offset: inout Double) -> (value: Double, derivative: Double) {
        let weight = constraintWeight
        var epsilon = weight == nil ? 0 : offset
        if let weight {
            // ν_i > 0 needs ε > −1 − μ s_i/b_i for every bin; the smallest such bound.
            var lowest = -Double.infinity
            for i in signal.indices where background[i] > 0 { lowest = max(lowest, -1 - mu * signal[i] / background[i]) }
            if lowest > -.infinity { epsilon = max(epsilon, 0.5 * lowest) }
            for _ in 0..<60 {
                // g = ½ ∂q/∂ε = Σ b t/(1 + t) + w ε (increasing, concave), g′ = Σ b/(1 + t)² + w.
                var g = weight * epsilon, gPrime = weight
                for i in signal.indices where background[i] > 0 {
                    let b = background[i]
                    let u = 1 / (1 + mu * signal[i] / b + epsilon)
                    g += b * (1 - u)
                    gPrime += b * u * u
                }
                guard gPrime > 0 else { break }
                var next = epsilon - g / gPrime
                if !(next > lowest) { next = 0.5 * (epsilon + lowest) }
                let step = abs(next - epsilon)
                epsilon = next
                if step <= 1e-13 * (1 + abs(epsilon)) { break }
            }
        }
        offset = epsilon
        var q = (weight ?? 0) * epsilon * epsilon, dq = 0.0
        for i in signal.indices {
            let s = signal[i], b = background[i]
            if b == 0 {
                q += 2 * mu * s
                dq += 2 * s
                continue
            }
            let t = mu * s / b + epsilon
            q += 2 * b * SaddlePointTerm.xMinusLog1p(t)
            dq += 2 * s * t / (1 + t)
        }
        return (q, dq)
    }

    /// The μ with √q_μ,A(μ) = c (c > 0): Newton's method in a bracket from c/√I; +∞ where the
    /// spectrum cannot tell signal from background (I = 0, e.g. a free normalisation and a
    /// signal shaped like the background).
    func strength(whereRootAsimovIs c: Double) -> Double {
        let information = fisherInformation
        guard information > 0 else { return .infinity }
        guard information.isFinite else {
            // Background-free bins: q grows linearly, 2 μ Σ s at least; solved below all the same.
            return strength(c, start: 0.5 * c * c / max(Double.leastNormalMagnitude, signal.reduce(0, +)))
        }
        return strength(c, start: c / information.squareRoot())
    }

    private func strength(_ c: Double, start: Double) -> Double {
        var offset = 0.0
        let mu = RootFinding.newtonInBracket(lower: 0, start: start, valueAtLowerIsPositive: false, relativeTolerance: 1e-10) { mu in
            let (q, dq) = asimovStatistic(mu, offset: &offset)
            let root = max(q, 0).squareRoot()
            guard root > 0 else { return (-c, c / start) }
            return (root - c, dq / (2 * root))
        }
        return mu.isFinite && mu < Double.greatestFiniteMagnitude ? mu : .infinity
    }

    /// Expected CLs upper limits on μ at confidence `confidence` (0.5 < CL ≤ 0.9999) under the
    /// background-only hypothesis: median and ±1σ/±2σ band edges (type comment).
    public func expectedLimits(confidence: Double = 0.90) -> ExpectedLimits {
        precondition(ConfidenceLevel.isValid(confidence), "confidence: expected \(ConfidenceLevel.expectation), got \(confidence)")
        let alpha = 1 - confidence
        return ExpectedLimits(ExpectedLimits.bandSigmas.map { n in
            strength(whereRootAsimovIs: NormalDistribution.quantile(1 - alpha * NormalDistribution.cdf(n)) + n)
        })
    }
}
