import Foundation
import Physics

/// A generated K+ → μ+ ν, μ+ → e+ ν ν̄ sample kept event by event: true m²_miss and the muon's
/// lab momentum, single precision (docs/physics.md §5.15). Every event has weight 1 before the
/// muon's decay probability, which `MuonDecayBackground` applies for its decay-volume length,
/// so variants differing in length, resolution, exposure or acceptance share the events.
public struct MuonDecaySample: Sendable {
    public let events: Int
    public let seed: UInt64
    /// True m²_miss range [GeV²]: [0, (m_K − m_e)²].
    public let missingMassSquaredRangeGeV2: ClosedRange<Double>
    public let missingMassSquaredGeV2: [Float]
    public let muonMomentumGeV: [Float]

    /// Default statistics, 2²⁰ events (8 chunks).
    public static let defaultEvents = 1 << 20
    /// Events per chunk: the unit of parallel work and of seeding (as `PhotonPairSample`).
    public static let chunkSize = 1 << 17
    /// Mixed into the master seed so that this sample's streams differ from the other samples'
    /// of the same `--seed`.
    static let streamTag: UInt64 = 0x4B6D_7532_6D75_6465
    /// Events generated at once, then stored (as `PhotonPairSample`).
    private static let eventBlock = 256

    /// Generates `events` events in fixed chunks seeded from `seed`, on `workers`: identical
    /// output for identical arguments, for any number of workers (`ParallelChunks`).
    public static func generate(events: Int = defaultEvents, seed: UInt64, workers: Workers = .allCores,
                                generator: MuonDecayInFlightGenerator = MuonDecayInFlightGenerator()) -> MuonDecaySample {
        precondition(events > 0, "a muon-decay sample needs at least one event")
        let chunks = (events + chunkSize - 1) / chunkSize
        var masses: [Float] = [], momenta: [Float] = []
        masses.reserveCapacity(events)
        momenta.reserveCapacity(events)
        ParallelChunks.run(count: chunks, workers: workers, body: { chunk -> ([Float], [Float]) in
            var rng = Xoshiro256StarStar(seed: Xoshiro256StarStar.chunkSeed(master: seed ^ streamTag, chunk: chunk))
            let count = min(chunkSize, events - chunk * chunkSize)
            var m: [Float] = [], p: [Float] = []
            m.reserveCapacity(count)
            p.reserveCapacity(count)
            withUnsafeTemporaryAllocation(of: MuonDecayEvent.self, capacity: eventBlock) { block in
                var done = 0
                while done < count {
                    let batch = UnsafeMutableBufferPointer(rebasing: block[0..<min(eventBlock, count - done)])
                    generator.fill(batch, using: &rng)
                    for event in batch {
                        m.append(Float(event.missingMassSquaredGeV2))
                        p.append(Float(event.muonMomentumGeV))
                    }
                    done += batch.count
                }
            }
            return (m, p)
        }, combine: { part in
            masses += part.0
            momenta += part.1
        })
        return MuonDecaySample(events: events, seed: seed, missingMassSquaredRangeGeV2: generator.missingMassSquaredRangeGeV2,
                               missingMassSquaredGeV2: masses, muonMomentumGeV: momenta)
    }
}

/// What a muon-decay sample depends on.
public struct MuonDecaySampleKey: Hashable, Sendable {
    public var events: Int
    public var seed: UInt64
    public init(events: Int, seed: UInt64) {
        self.events = events
        self.seed = seed
    }
}

extension MuonDecaySample {
    /// The samples of this run (one per events and seed).
    public static let cache = SampleCache<MuonDecaySampleKey, MuonDecaySample>()

    /// The cached sample for these arguments, generated on first use.
    public static func cached(events: Int, seed: UInt64, workers: Workers = .allCores) -> MuonDecaySample {
        cache.sample(for: MuonDecaySampleKey(events: events, seed: seed)) {
            generate(events: events, seed: seed, workers: workers)
        }
    }
}
