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

    /// CPU time per call of the K_e3γ matrix element alone and of a whole weighted event.
    public static func breakdown() -> String {
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV)
        guard let q = generator.configuration(photonEnergyGeV: 0.05, leptonEnergyGeV: 0.1, neutrinoEnergyGeV: 0.12, cosLeptonPhoton: 0.3,
                                              oneMinusCosLeptonPhoton: 0.7, neutrinoAzimuthCos: 0.6, sin: 0.8) else { return "" }
        let calls = 2_000_000
        var sink = 0.0
        var start = threadCPUSeconds()
        for i in 0..<calls {
            var varied = q
            varied.neutrino.t += Double(i & 7) * 1e-12  // defeats hoisting out of the loop
            sink += generator.squaredAmplitude(varied)
        }
        let amplitude = (threadCPUSeconds() - start) / Double(calls)
        var rng = Xoshiro256StarStar(seed: 3)
        start = threadCPUSeconds()
        for _ in 0..<calls { sink += generator.next(using: &rng).weight }
        let event = (threadCPUSeconds() - start) / Double(calls)
        return String(format: "K_e3γ cost per call: |M|² %.0f ns, whole weighted event %.0f ns (checksum %.3g)",
                      amplitude * 1e9, event * 1e9, sink)
    }

    public static func run() -> [String] {
        var lines: [String] = []
        // 1. Single-core throughput of the K_e3γ generator.
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV)
        var rng = Xoshiro256StarStar(seed: 1)
        let singleCoreEvents = 2_000_000
        var sink = 0.0
        let start = Date(), cpuStart = threadCPUSeconds()
        for _ in 0..<singleCoreEvents { sink += generator.next(using: &rng).weight }
        let perSecond = Double(singleCoreEvents) / Date().timeIntervalSince(start)
        let perCPUSecond = Double(singleCoreEvents) / (threadCPUSeconds() - cpuStart)
        lines.append(String(format: "K_e3γ generator: %.1f M weighted events per CPU-second (%.1f M/s wall) on one core (target ≥ 10) %@ [Σw/N = %.4f]",
                            perCPUSecond / 1e6, perSecond / 1e6, perCPUSecond >= 1e7 ? "ok" : "MISSED", sink / Double(singleCoreEvents)))

        // 2. b for 201 mass points at default statistics, generation included.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let t0 = Date(), cpu0 = processCPUSeconds()
        let sample = RadiativeSample.generate(process: .ke3Gamma, seed: 2021)
        let t1 = Date()
        let model = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10)
        let windows = seed001Windows(model: model)
        let t2 = Date()
        let total = t2.timeIntervalSince(t0)
        let cpu = processCPUSeconds() - cpu0
        lines.append(String(format: "b for 201 windows (100–300 MeV), %d events on %d cores: %.3f s wall, %.3f CPU-s (generation %.3f s, model + windows %.4f s; target ≤ 0.3 s wall) %@",
                            sample.events, cores, total, cpu, t1.timeIntervalSince(t0), t2.timeIntervalSince(t1), total <= 0.3 ? "ok" : "MISSED"))
        let worst = windows.map { $0.mcUncertainty / $0.events }.max() ?? 0
        lines.append(String(format: "worst MC uncertainty on b over 100–300 MeV: %.2f %% (target ≤ 2 %%) %@",
                            100 * worst, worst <= 0.02 ? "ok" : "MISSED"))
        for m2 in [0.015, 0.02, 0.04] {
            let bin = model.spectrum(binWidthGeV2: 1e-4, rangeGeV2: (m2 - 5e-5)...(m2 + 5e-5))[0]
            lines.append(String(format: "dN/dm²_miss at %.3f GeV² for N_K = 3e10: %.3g before veto, %.3g after veto per GeV² (±%.1f %%)",
                                m2, bin.beforeVeto / bin.widthGeV2, bin.afterVeto / bin.widthGeV2, 100 * bin.uncertaintyAfterVeto / bin.afterVeto))
        }
        lines.append(breakdown())
        return lines
    }
}

/// CPU time of the calling thread [s]: throughput per core independent of other load.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + 1e-9 * Double(time.tv_nsec)
}

/// CPU time of the whole process [s], all threads.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + 1e-9 * Double(time.tv_nsec)
}
