import RealModule

/// Expected CLs limits on a parameter μ shared by independent counting channels, with exact
/// Poisson probabilities: the LEP test statistic, the likelihood ratio of the two hypotheses
/// (A. L. Read, J. Phys. G 28 (2002) 2693, Eqs. 4–6; T. Junk, Nucl. Instrum. Meth. A434 (1999)
/// 435), here of the hybrid model whose counts follow each channel's prior-averaged Poisson law
/// pᵢ(n; s) (`PriorAveragedCounts`, as for one channel):
///
///     Q(n; μ) = Σᵢ ln pᵢ(nᵢ; μ aᵢ)/pᵢ(nᵢ; 0),
///
/// which without uncertainties is Σᵢ nᵢ ln(1 + μ aᵢ/bᵢ) − μ Σᵢ aᵢ (with them, nominal-b weights
/// would ignore how much each channel's background is known and weaken the combination), and
///
///     CLs(μ; n) = P_μ(Q ≤ Q(n)) / P_0(Q ≤ Q(n)).
///
/// The limit μ_up(n) solves CLs(μ; n) = α. Its distribution under the background-only
/// hypothesis gives the expected limits: μ_up(n) ≤ μ ⇔ CLs(μ; n) ≤ α, and CLs(μ; n) rises with
/// Q(n) (Q is the likelihood ratio, so P_μ(Q = q)/P_0(Q = q) = e^q rises with q), so the
/// limits below μ are the outcomes with Q below a threshold, and the q-quantile of μ_up is the
/// μ at which the background-only q-quantile of Q, T_q(μ), has CLs(μ; T_q) = α. For one channel
/// T_q is the count quantile n_q and this is `ExactCLs`' limit there.
///
/// No sum over every configuration is needed: with the other channels' outcomes sorted by their
/// part of Q (`SortedOutcomes`), P(Q ≤ T) = Σ_{n₁} p₁(n₁) P_rest(Q_rest ≤ T − Q₁(n₁)) is one
/// pass over the first channel with a binary search each, and T_q follows by bisection in T.
/// Outcomes within 10⁻¹¹ of T (identical channels give equal Q) count as equal; counts whose
/// probability is below 10⁻¹⁸ under both hypotheses are left out.
struct CombinedExactCLs: Sendable {
    let channels: [CombinedChannel]
    let alpha: Double
    private let counts: [PriorAveragedCounts]
    /// Each channel's background-only count distribution.
    private let backgroundOnly: [[Double]]

    static let negligible = 1e-18

    init(_ channels: [CombinedChannel], confidence: Double) {
        // The channel with the widest count range is the one passed over; the others are sorted.
        let seeing = channels.filter(\.seesSignal)
        let widest = seeing.indices.max { seeing[$0].experiment.background + seeing[$0].experiment.backgroundUncertainty
            < seeing[$1].experiment.background + seeing[$1].experiment.backgroundUncertainty } ?? 0
        var ordered = seeing
        if !ordered.isEmpty { ordered.swapAt(0, widest) }
        self.channels = ordered
        alpha = 1 - confidence
        counts = self.channels.map { PriorAveragedCounts($0.experiment) }
        backgroundOnly = counts.map { $0.probabilities(signal: 0, upTo: $0.countRange(signal: 0)) }
    }

    /// The five expected limits, searched from the asymptotic ones (`guesses`, μ of each band).
    func expectedLimits(guesses: ExpectedLimits) -> ExpectedLimits {
        var previous = 0.0
        let values = zip(ExpectedLimits.bandSigmas, guesses.values).map { sigma, guess -> Double in
            let limit = quantile(NormalDistribution.cdf(sigma), near: max(guess, previous), above: previous)
            previous = limit
            return limit
        }
        return ExpectedLimits(values)
    }

    /// The q-quantile of μ_up: the root of h(μ) = ln CLs(μ; T_q(μ)) − ln α, which falls with μ
    /// (a step where T_q moves to another outcome, smooth between). Bracketed from 0.8 and 1.25 times
    /// `near` (the asymptotic limit, a few per cent off) by factors of 1.5, above the previous band's limit `known` (bands are ordered, and at small b
    /// several share one limit), then Brent to 10⁻⁹.
    func quantile(_ q: Double, near guess: Double, above known: Double) -> Double {
        let h = { (mu: Double) -> Double in Double.log(self.exclusion(mu, quantile: q)) - Double.log(self.alpha) }
        if known > 0 && h(known) <= 0 { return known }
        var lower = known > 0 ? known : 0.8 * guess
        while known == 0 && lower > 1e-300 && h(lower) <= 0 { lower /= 1.5 }
        var upper = max(1.25 * guess, 1.25 * lower)
        while h(upper) > 0 { lower = upper; upper *= 1.5 }
        return RootFinding.brent(lower: lower, upper: upper, relativeTolerance: 1e-9, h)
    }

    /// CLs(μ; T_q(μ)) = P_μ(Q ≤ T_q)/P_0(Q ≤ T_q).
    func exclusion(_ mu: Double, quantile q: Double) -> Double {
        let model = JointOutcomes(channels: channels, counts: counts, backgroundOnly: backgroundOnly, mu: mu)
        let threshold = model.backgroundOnlyQuantile(q)
        let (background, signal) = model.cumulative(threshold)
        return signal / background
    }
}

/// The outcomes of the channels at one μ: the first channel's counts with their part of Q and
/// probabilities, and the other channels' configurations sorted by their part of Q.
private struct JointOutcomes {
    var first: [(statistic: Double, background: Double, signal: Double)] = []
    var rest: SortedOutcomes

    init(channels: [CombinedChannel], counts: [PriorAveragedCounts], backgroundOnly: [[Double]], mu: Double) {
        var marginals: [[(statistic: Double, background: Double, signal: Double)]] = []
        for (index, channel) in channels.enumerated() {
            let s = mu * channel.signalPerParameter
            let range = max(backgroundOnly[index].count - 1, counts[index].countRange(signal: s))
            let signal = counts[index].nodes.count == 1 ? counts[index].probabilities(signal: s, upTo: range)
                : PriorAveragedCounts.withSignal(s, backgroundOnly: backgroundOnly[index], upTo: range)
            var outcomes: [(statistic: Double, background: Double, signal: Double)] = []
            for n in 0...range {
                let pb = n < backgroundOnly[index].count ? backgroundOnly[index][n] : 0, ps = signal[n]
                guard pb > CombinedExactCLs.negligible || ps > CombinedExactCLs.negligible else { continue }
                // ln p(n; s)/p(n; 0): +∞ where only the signal hypothesis reaches n.
                outcomes.append((Double.log(ps) - Double.log(pb), pb, ps))
            }
            marginals.append(outcomes)
        }
        first = marginals[0]
        // The other channels' configurations (their product), pruned as the counts are.
        var product: [(statistic: Double, background: Double, signal: Double)] = [(0, 1, 1)]
        for marginal in marginals.dropFirst() {
            var next: [(statistic: Double, background: Double, signal: Double)] = []
            for a in product {
                for b in marginal {
                    let pb = a.background * b.background, ps = a.signal * b.signal
                    guard pb > CombinedExactCLs.negligible || ps > CombinedExactCLs.negligible else { continue }
                    next.append((a.statistic + b.statistic, pb, ps))
                }
            }
            product = next
        }
        rest = SortedOutcomes(product)
    }

    /// P_0(Q ≤ T) and P_μ(Q ≤ T), outcomes within 10⁻¹¹ of T included.
    func cumulative(_ threshold: Double) -> (background: Double, signal: Double) {
        var background = 0.0, signal = 0.0
        for outcome in first {
            let below = rest.cumulative(atMost: threshold - outcome.statistic, tolerance: 1e-11 * max(1, abs(threshold)))
            background += outcome.background * below.background
            signal += outcome.signal * below.signal
        }
        return (background, signal)
    }

    /// The smallest T (to 10⁻¹¹ relative) with P_0(Q ≤ T) ≥ q, by bisection between the
    /// smallest and largest finite Q reached under the background-only hypothesis.
    func backgroundOnlyQuantile(_ q: Double) -> Double {
        let finiteFirst = first.filter { $0.background > 0 && $0.statistic.isFinite }.map(\.statistic)
        var lower = (finiteFirst.min() ?? 0) + rest.smallestStatistic - 1
        var upper = (finiteFirst.max() ?? 0) + rest.largestFiniteStatistic + 1
        if cumulative(lower).background >= q { return lower }
        while upper - lower > 1e-11 * max(1, abs(upper)) {
            let middle = 0.5 * (lower + upper)
            if cumulative(middle).background >= q { upper = middle } else { lower = middle }
        }
        return upper
    }
}

/// Configurations sorted by their part of Q, with inclusive cumulative probabilities.
private struct SortedOutcomes {
    private let statistics: [Double]
    private let backgroundCumulative: [Double]
    private let signalCumulative: [Double]

    init(_ outcomes: [(statistic: Double, background: Double, signal: Double)]) {
        let sorted = outcomes.sorted { $0.statistic < $1.statistic }
        statistics = sorted.map(\.statistic)
        var b = 0.0, s = 0.0
        backgroundCumulative = sorted.map { b += $0.background; return b }
        signalCumulative = sorted.map { s += $0.signal; return s }
    }

    var smallestStatistic: Double { statistics.first { $0.isFinite } ?? 0 }
    var largestFiniteStatistic: Double { statistics.last { $0.isFinite } ?? 0 }

    /// The probabilities of every outcome with statistic ≤ x + tolerance.
    func cumulative(atMost x: Double, tolerance: Double) -> (background: Double, signal: Double) {
        let limit = x + tolerance
        var low = 0, high = statistics.count
        while low < high {
            let middle = (low + high) / 2
            if statistics[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? (0, 0) : (backgroundCumulative[low - 1], signalCumulative[low - 1])
    }
}
