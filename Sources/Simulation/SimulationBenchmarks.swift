import Foundation
import Physics

/// Workloads of the simulation hot paths for `make bench` (the ReachBenchmarks executable times
/// them and prints the table; nothing here prints). `package` access: they reach the
/// generator's internals and are no part of the library's interface.
package enum SimulationBenchmarks {
    /// Generates `events` K_e3γ events on the calling thread through the sample generator's hot
    /// loop (`fill`, 256 events at a time) and returns Σw/N, which keeps the work observable.
    package static func generateOnOneThread(events: Int, seed: UInt64 = 1) -> Double {
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV)
        return sumOfWeights(generator, events: events, seed: seed)
    }

    /// The same for K+ → l+ ν γ (`process`: K_e2γ or K_μ2γ) with inner bremsstrahlung,
    /// structure-dependent emission and their interference (`LeptonicRadiativeGenerator`, the
    /// more expensive of its two weights).
    package static func generateLeptonicOnOneThread(process: RadiativeProcess = .ke2Gamma, events: Int, seed: UInt64 = 1) -> Double {
        let generator = LeptonicRadiativeGenerator(process: process, photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV,
                                                   emission: .innerBremsstrahlungAndStructure)
        return sumOfWeights(generator, events: events, seed: seed)
    }

    /// Σw/N of `events` events of `generator` through `fill`, 256 at a time.
    private static func sumOfWeights<G: RadiativeEventGenerator>(_ generator: G, events: Int, seed: UInt64) -> Double {
        sumOfWeights(events: events, seed: seed, fill: { generator.fill($0, using: &$1) }, weight: { (point: RadiativePoint) in point.weight })
    }

    /// Σw/N of `events` events made by `fill` in blocks of 256 from one seeded stream.
    private static func sumOfWeights<Event>(events: Int, seed: UInt64,
                                            fill: (UnsafeMutableBufferPointer<Event>, inout Xoshiro256StarStar) -> Void,
                                            weight: (Event) -> Double) -> Double {
        var rng = Xoshiro256StarStar(seed: seed)
        var sum = 0.0
        withUnsafeTemporaryAllocation(of: Event.self, capacity: 256) { block in
            var done = 0
            while done < events {
                let batch = UnsafeMutableBufferPointer(rebasing: block[0..<min(256, events - done)])
                fill(batch, &rng)
                for event in batch { sum += weight(event) }
                done += batch.count
            }
        }
        return sum / Double(max(events, 1))
    }

    /// Generates `events` K+ → π0 μ+ ν, π0 → γγ events on the calling thread through the
    /// photon-pair sample's loop (`fill`, 256 events at a time: Dalitz point, weight, π0 decay,
    /// both photons' lab angle and energy) and returns Σw/N (→ 1).
    package static func generatePhotonPairsOnOneThread(events: Int, seed: UInt64 = 1) -> Double {
        let generator = SemileptonicPhotonPairGenerator(flavour: .muon)
        return sumOfWeights(events: events, seed: seed, fill: { generator.fill($0, using: &$1) }, weight: { (event: PhotonPairEvent) in event.weight })
    }

    /// Generates `events` K+ → μ+ ν, μ+ → e+ ν ν̄ events on the calling thread through the
    /// muon-decay sample's loop (`fill`, 256 events at a time) and returns the mean m²_miss
    /// [GeV²] (the events are unweighted; the sum keeps the work observable).
    package static func generateMuonDecaysOnOneThread(events: Int, seed: UInt64 = 1) -> Double {
        let generator = MuonDecayInFlightGenerator()
        return sumOfWeights(events: events, seed: seed, fill: { generator.fill($0, using: &$1) },
                            weight: { (event: MuonDecayEvent) in event.missingMassSquaredGeV2 })
    }

    /// CPU time per call [ns] of the K_e3γ |M|² as the generator evaluates it, of the reference
    /// explicit-spinor evaluation, and of a whole weighted event in the hot loop.
    package static func costPerCallNanoseconds(calls: Int = 2_000_000) -> (amplitude: Double, reference: Double, event: Double) {
        let generator = SemileptonicRadiativeGenerator(photonEnergyCutoffGeV: RadiativeSample.defaultPhotonEnergyCutoffGeV)
        guard let q = generator.configuration(photonEnergyGeV: 0.05, leptonEnergyGeV: 0.1, neutrinoEnergyGeV: 0.12, cosLeptonPhoton: 0.3,
                                              oneMinusCosLeptonPhoton: 0.7, neutrinoAzimuthCos: 0.6, sin: 0.8) else { return (.nan, .nan, .nan) }
        func time(_ evaluate: (SemileptonicRadiativeGenerator.Configuration) -> Double) -> Double {
            var sink = 0.0
            let start = threadCPUSeconds()
            for i in 0..<calls {
                var varied = q
                varied.neutrino.t += Double(i & 7) * 1e-12  // defeats hoisting out of the loop
                sink += evaluate(varied)
            }
            precondition(sink.isFinite)
            return (threadCPUSeconds() - start) / Double(calls) * 1e9
        }
        let amplitude = time(generator.squaredAmplitude)
        let reference = time(generator.referenceSquaredAmplitude)
        let start = threadCPUSeconds()
        precondition(generateOnOneThread(events: calls, seed: 3).isFinite)
        let event = (threadCPUSeconds() - start) / Double(calls) * 1e9
        return (amplitude, reference, event)
    }
}

/// CPU time of the calling thread [s]: cost per call independent of other load.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + 1e-9 * Double(time.tv_nsec)
}
