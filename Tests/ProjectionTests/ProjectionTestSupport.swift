import Physics
import Scenario
import Simulation
@testable import Projection

/// A background with a flat reconstructed density `eventsPerGeV2` (already after the veto, for
/// the variant's N_K), for hand-computable projections.
struct FlatBackground: MissingMassBackground {
    var eventsPerGeV2: Double
    var vetoPassFraction = 0.018

    func events(in region: SignalRegion) -> BackgroundEstimate {
        let events = eventsPerGeV2 * region.widthGeV2
        return BackgroundEstimate(events: events, mcUncertainty: 0, eventsBeforeVeto: events / vetoPassFraction)
    }
}

/// Seed 001's scenario: σ = 1.7e-3 GeV², 10 % acceptance, 50 mrad / 1e-3 veto, k = 1.4, 90 % CL.
func seed001Scenario(kaonDecays: Double, statistic: Statistic = .medianExclusion, window: WindowWidth = .fixed(k: 1.4)) -> Variant {
    Variant(
        label: "N_K = \(kaonDecays)",
        exposure: Exposure(streams: [TriggerStream(name: "all", kaonDecays: nil, statedEffectiveKaonDecays: kaonDecays)]),
        detector: Detector(resolutionGeV2: 1.7e-3, veto: .seed001, signalAcceptance: .constant(0.10)),
        background: .radiative,
        analysis: Analysis(window: window, statistic: statistic, confidence: 0.90))
}
