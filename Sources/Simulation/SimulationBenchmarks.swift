import Foundation
import Physics

/// Timings of the simulation hot paths against their targets, for `make bench`
/// (release build): generator throughput per core, and the background b for 201 mass points of
/// one K+ → π0 e+ N variant at default statistics, with its worst MC uncertainty.
public enum SimulationBenchmarks {
    /// The seed-001 variant: σ = 1.7 × 10⁻³ GeV², k = 1.4, 50 mrad / 10⁻³ / missed, N_K = 3 × 10¹⁰.
    public static func seed001Windows(model: BackgroundModel) -> [BackgroundEstimate] {
        (0...200).map { step in
            let mass = 0.100 + 0.001 * Double(step)
            return model.window(centreGeV2: mass * mass, halfWidthGeV2: 1.4 * model.resolutionGeV2)
        }
    }

    public static func run() -> [String] {
        var lines: [String] = []
        // 1. Single-core throughput of the K_e3γ generator.
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV)
        var rng = Xoshiro256StarStar(seed: 1)
        let singleCoreEvents = 2_000_000
        var sink = 0.0
        let start = Date()
        for _ in 0..<singleCoreEvents { sink += generator.next(using: &rng).weight }
        let perSecond = Double(singleCoreEvents) / Date().timeIntervalSince(start)
        lines.append(String(format: "K_e3γ generator: %.1f M weighted events/s per core (target ≥ 10) %@ [Σw/N = %.4f]",
                            perSecond / 1e6, perSecond >= 1e7 ? "ok" : "MISSED", sink / Double(singleCoreEvents)))

        // 2. b for 201 mass points at default statistics, generation included.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let t0 = Date()
        let sample = RadiativeSample.generate(process: .ke3Gamma, seed: 2021)
        let t1 = Date()
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10)
        let windows = seed001Windows(model: model)
        let t2 = Date()
        let total = t2.timeIntervalSince(t0)
        lines.append(String(format: "b for 201 windows (100–300 MeV), %d events on %d cores: %.3f s wall (generation %.3f s, model + windows %.4f s; target ≤ 0.3 s) %@",
                            sample.events, cores, total, t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), total <= 0.3 ? "ok" : "MISSED"))
        let worst = windows.map { $0.mcUncertainty / $0.events }.max() ?? 0
        lines.append(String(format: "worst MC uncertainty on b over 100–300 MeV: %.2f %% (target ≤ 2 %%) %@",
                            100 * worst, worst <= 0.02 ? "ok" : "MISSED"))
        for m2 in [0.015, 0.02, 0.04] {
            let bin = model.spectrum(binWidthGeV2: 1e-4, rangeGeV2: (m2 - 5e-5)...(m2 + 5e-5))[0]
            lines.append(String(format: "dN/dm²_miss at %.3f GeV² for N_K = 3e10: %.3g before veto, %.3g after veto per GeV² (±%.1f %%)",
                                m2, bin.beforeVeto / bin.widthGeV2, bin.afterVeto / bin.widthGeV2, 100 * bin.uncertaintyAfterVeto / bin.afterVeto))
        }
        return lines
    }
}
