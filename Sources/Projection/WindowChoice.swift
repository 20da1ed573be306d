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
    /// `background(k)` returns (b, δb) for the window ±kσ.
    public static func optimalK(confidence: Double, background: (Double) -> (events: Double, uncertainty: Double)) -> Double {
        var bestK = WindowWidth.seed001K
        var bestLimit = Double.infinity
        for k in candidates {
            let (b, db) = background(k)
            let fraction = SignalWindow(k: k, resolutionGeV2: 1).signalFraction
            let limit = SimpleSensitivity.medianExclusionSignal(background: b, backgroundUncertainty: db, confidence: confidence) / fraction
            if limit < bestLimit {
                bestLimit = limit
                bestK = k
            }
        }
        return bestK
    }
}
