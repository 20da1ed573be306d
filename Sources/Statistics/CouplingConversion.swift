/// Converts a limit on the number of signal events into a limit on the mixing |U|².
///
/// The signal is linear in |U|² (docs/physics.md §6.3; seed 001 Eq. 1; seed 000: N_S = |U|²/|U|²_SES),
/// s = |U|² · s₁ with s₁ = N_K · B(K → … N; |U|² = 1) · ε_sig · (1 − f_vis) · erf(k/√2) the
/// signal events in the window per unit |U|², so |U|²_limit = s_limit / s₁.
///
/// - Parameters:
///   - signalEvents: the upper limit (or sensitivity) on signal events in the window.
///   - signalEventsPerU2: s₁, expected signal events in the window at |U|² = 1 (> 0).
/// - Returns: |U|² (the squared mixing, not |U|); +∞ when s₁ = 0 (no sensitivity).
public func u2(fromSignalEvents signalEvents: Double, signalEventsPerU2: Double) -> Double {
    signalEventsPerU2 > 0 ? signalEvents / signalEventsPerU2 : .infinity
}
