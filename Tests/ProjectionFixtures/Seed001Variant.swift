import Scenario
import Simulation
import DetectorModel

/// Seed 001's projection as a resolved variant: σ = 1.7e-3 GeV², 10 % acceptance, a 50 mrad /
/// 10⁻³ photon veto, k = 1.4 and 90 % CL, with `kaonDecays` effective kaon decays. Every number
/// a test derives by hand from a projection starts from these.
public func seed001Variant(kaonDecays: Double, label: String? = nil, statistic: Statistic = .medianExclusion,
                           window: WindowWidth = .fixed(k: 1.4), confidence: Double = 0.90) -> Variant {
    Variant(
        label: label ?? "N_K = \(kaonDecays)",
        exposure: Exposure(streams: [TriggerStream(name: "all", kaonDecays: nil, statedEffectiveKaonDecays: kaonDecays)]),
        detector: Detector(resolutionGeV2: 1.7e-3, veto: .seed001, signalAcceptance: .constant(0.10)),
        background: .radiative,
        analysis: Analysis(window: window, statistic: statistic, confidence: confidence))
}
