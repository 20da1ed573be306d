/// One independent channel of a combination: its counting window and the signal events it
/// expects per unit of the shared parameter (|U_l|² of one flavour, or one branching fraction).
///
/// The channels of a combination share the parameter μ and nothing else: channel i expects
/// μ aᵢ + bᵢ′ events, with its own background prior (docs/statistics.md §18).
public struct CombinedChannel: Sendable, Equatable {
    /// aᵢ: signal events in the window per unit of the parameter (≥ 0, finite).
    public var signalPerParameter: Double
    /// bᵢ, δbᵢ and the prior of the window.
    public var experiment: CountingExperiment

    public init(signalPerParameter: Double, experiment: CountingExperiment) {
        self.signalPerParameter = signalPerParameter
        self.experiment = experiment
    }

    /// Whether the channel sees the signal at all (aᵢ > 0 and finite): a channel without signal
    /// carries no information on μ and drops out of every statistic.
    public var seesSignal: Bool { signalPerParameter > 0 && signalPerParameter.isFinite }
}
