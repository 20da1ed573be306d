import Simulation

/// A background with a flat reconstructed density `eventsPerGeV2` (already after the veto, for
/// the variant's N_K): a window of half-width h holds exactly 2h × density events, so every
/// number of a projection can be computed by hand.
public struct FlatBackground: MissingMassBackground {
    public var eventsPerGeV2: Double
    /// The share of the background the veto lets through (sets the count before the veto).
    public var vetoPassFraction: Double

    public init(eventsPerGeV2: Double, vetoPassFraction: Double = 0.018) {
        self.eventsPerGeV2 = eventsPerGeV2
        self.vetoPassFraction = vetoPassFraction
    }

    public func events(in region: SignalRegion) -> BackgroundEstimate {
        let events = eventsPerGeV2 * region.widthGeV2
        return BackgroundEstimate(events: events, mcUncertainty: 0, eventsBeforeVeto: events / vetoPassFraction)
    }
}
