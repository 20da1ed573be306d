import Physics
import Scenario

/// Expected signal events per unit |U|² before the window cut, seed 001 Eq. (1):
///
///     s_tot / |U|² = N_K · B(K+ → … N; |U|² = 1) · ε_sig · (1 − f_vis)
///
/// Every statistic converts to |U|² by dividing its signal-event limit by this times
/// erf(k/√2) (docs/physics.md §6.3), since the signal is linear in |U|².
public struct SignalYield: Sendable, Equatable {
    public var kaonDecays: Double
    public var branchingFractionPerU2: Double
    public var signalAcceptance: Double
    public var visibleDecayFraction: Double

    public init(kaonDecays: Double, branchingFractionPerU2: Double, signalAcceptance: Double, visibleDecayFraction: Double) {
        self.kaonDecays = kaonDecays
        self.branchingFractionPerU2 = branchingFractionPerU2
        self.signalAcceptance = signalAcceptance
        self.visibleDecayFraction = visibleDecayFraction
    }

    /// s_tot per unit |U|² (events).
    public var eventsPerU2: Double {
        kaonDecays * branchingFractionPerU2 * signalAcceptance * (1 - visibleDecayFraction)
    }
}
