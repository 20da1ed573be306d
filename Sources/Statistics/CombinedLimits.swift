import RealModule

/// Where a combination of channels changes from exact Poisson to the asymptotic formulae.
///
/// The exact combination (`CombinedExactCLs`) sums over every configuration of the channels'
/// counts, so its cost grows as the product of their ranges (≈ 8√b each): it is used where every
/// channel with signal has b ≤ 30, the asymptotic one (`CombinedAsymptoticCLs`) where any has
/// b ≥ 100, and between them the two are blended with a weight smooth in ln b of the largest
/// background (as `CLsRegime` does for one channel), so the combined curve has no jump.
enum CombinedRegime {
    /// The largest background (events) of a channel with signal up to which the result is exact.
    static let exactBelow = 30.0
    /// The background (events) from which it is asymptotic.
    static let asymptoticAbove = 100.0

    /// Weight of the exact result: the smoothstep 1 − (3t² − 2t³), t = ln(b_max/30)/ln(100/30).
    static func exactWeight(_ channels: [CombinedChannel]) -> Double {
        let b = channels.map(\.experiment.background).max() ?? 0
        if b <= exactBelow { return 1 }
        if b >= asymptoticAbove { return 0 }
        let t = Double.log(b / exactBelow) / Double.log(asymptoticAbove / exactBelow)
        return 1 - t * t * (3 - 2 * t)
    }
}

/// Expected upper limits on a parameter μ shared by independent channels (their joint
/// likelihood; docs/statistics.md §18), at the confidence level `confidence`: the median and the
/// ±1σ/±2σ band edges, in units of the parameter (events = μ aᵢ in channel i).
///
/// Channels without signal (aᵢ = 0) carry no information on μ and are left out. With one
/// channel left the result is that channel's own `expectedLimits(_:confidence:method:)`, divided
/// by aᵢ; with several, `.cls` is exact where every background is small and asymptotic
/// otherwise (`CombinedRegime`), `.asymptotic` is CCGV's Asimov profile likelihood at any b,
/// and `.simple` (a single-window closed form) takes the asymptotic median for all five edges.
/// No channel with signal: +∞ (nothing is excluded). Requires every experiment in range and a
/// valid confidence (traps otherwise, as `expectedLimits` does).
public func combinedExpectedLimits(_ channels: [CombinedChannel], confidence: Double = 0.90, method: LimitMethod = .cls) -> ExpectedLimits {
    let seeing = channels.filter(\.seesSignal)
    guard let first = seeing.first else { return ExpectedLimits(all: .infinity) }
    if seeing.count == 1 {
        let events = expectedLimits(first.experiment, confidence: confidence, method: method)
        return ExpectedLimits(events.values.map { $0 / first.signalPerParameter })
    }
    precondition(ConfidenceLevel.isValid(confidence), "confidence: expected \(ConfidenceLevel.expectation), got \(confidence)")
    for channel in seeing { precondition(channel.experiment.rangeError == nil, channel.experiment.rangeError?.description ?? "") }
    let asymptotic = CombinedAsymptoticCLs(seeing, confidence: confidence).expectedLimits()
    switch method {
    case .asymptotic: return asymptotic
    case .simple: return ExpectedLimits(all: asymptotic.median)
    case .cls:
        let w = CombinedRegime.exactWeight(seeing)
        if w == 0 { return asymptotic }
        let exact = CombinedExactCLs(seeing, confidence: confidence).expectedLimits(guesses: asymptotic)
        return w == 1 ? exact : exact.blended(with: asymptotic, weight: w)
    }
}
