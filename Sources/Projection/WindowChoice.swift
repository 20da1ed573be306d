import Scenario
import Statistics

/// Chooses the window half-width k at one mass when the scenario asks for `window: optimal`.
///
/// Seed 001 Sec. IV takes k = 1.4, which maximises s/√b for a flat background; on a sloped
/// background or at small counts another k does better. The objective is the median-exclusion
/// signal-event limit divided by the kept signal fraction erf(k/√2) — the closed form is cheap
/// enough to scan a fine grid, and it orders windows as the CLs median does.
public enum WindowChoice {
    /// Candidate k values: 0.5 to 3.0 in steps of 0.05.
    public static let candidates: [Double] = (0...50).map { 0.5 + 0.05 * Double($0) }

    /// The k minimising the median-exclusion limit on |U|², given the background in each window.
    /// `background(k)` returns (b, δb) for the window ±kσ. Ties keep the smaller k.
    ///
    /// The windows are nested, so b(k) does not fall with k, and the limit s(b)/erf(k/√2) is at
    /// least s(b(k′))/erf(k/√2) for any k′ ≤ k (s increases with b, and δb = (δb/b)·b with it).
    /// Every fifth candidate is evaluated first; a candidate between two of them is evaluated
    /// only where that bound, from the evaluated one below it, does not exceed the best limit
    /// found — so the result is the same k as evaluating all 51, at about half the cost.
    public static func optimalK(confidence: Double, background: (Double) -> (events: Double, uncertainty: Double)) -> Double {
        let stride = 5
        var limits = [Double](repeating: .nan, count: candidates.count)
        var signals = [Double](repeating: .nan, count: candidates.count)
        func evaluate(_ i: Int) {
            let (b, db) = background(candidates[i])
            signals[i] = SimpleSensitivity.medianExclusionSignal(background: b, backgroundUncertainty: db, confidence: confidence)
            limits[i] = signals[i] / SignalWindow(k: candidates[i], resolutionGeV2: 1).signalFraction
        }
        for i in Swift.stride(from: 0, to: candidates.count, by: stride) { evaluate(i) }
        var best = limits.filter { !$0.isNaN }.min() ?? .infinity
        for i in candidates.indices where limits[i].isNaN {
            let below = i - i % stride
            let bound = signals[below] / SignalWindow(k: candidates[i], resolutionGeV2: 1).signalFraction
            guard !(bound > best) else { continue }
            evaluate(i)
            best = min(best, limits[i])
        }
        // The smallest k with the smallest limit, as a scan of all candidates in order gives.
        var bestK = WindowWidth.seed001K
        var bestLimit = Double.infinity
        for i in candidates.indices where !limits[i].isNaN && limits[i] < bestLimit {
            bestLimit = limits[i]
            bestK = candidates[i]
        }
        return bestK
    }

    /// The cut m0² on the grid 0, step, 2·step, … below `endpointGeV2` with the strongest
    /// expected limit on the parameter: the CLs median on signal events (the statistic seed 000
    /// optimises, Sec. 6) divided by the signal fraction above m0². `trial(m0²)` returns b, δb
    /// and that fraction. Ties keep the lower m0².
    public static func optimalCut(stepGeV2: Double, endpointGeV2: Double, confidence: Double, prior: BackgroundUncertaintyModel,
                                  trial: (Double) -> (events: Double, uncertainty: Double, signalFraction: Double)) -> Double {
        var best = 0.0
        var bestLimit = Double.infinity
        for m0 in cutCandidates(stepGeV2: stepGeV2, endpointGeV2: endpointGeV2) {
            let (b, db, fraction) = trial(m0)
            guard fraction > 0 else { continue }
            let experiment = CountingExperiment(background: b, backgroundUncertainty: db, uncertaintyModel: prior)
            guard experiment.rangeError == nil else { continue }
            let limit = expectedLimits(experiment, confidence: confidence, method: .cls).median / fraction
            if limit < bestLimit {
                bestLimit = limit
                best = m0
            }
        }
        return best
    }

    /// m0² = 0, step, 2·step, … while below the endpoint [GeV²] (multiples computed, not summed).
    public static func cutCandidates(stepGeV2: Double, endpointGeV2: Double) -> [Double] {
        guard stepGeV2 > 0, endpointGeV2 > 0 else { return [0] }
        let count = Int((endpointGeV2 / stepGeV2).rounded(.up))
        return (0..<max(1, count)).map { Double($0) * stepGeV2 }.filter { $0 < endpointGeV2 }
    }
}
