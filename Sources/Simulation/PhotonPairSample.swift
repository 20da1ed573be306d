import Foundation
import Physics

/// A generated K+ → π0 l+ ν, π0 → γγ sample kept event by event: per event the true m²_miss,
/// the weight (share of the K_l3 decays, Σw/N → 1) and both photons' lab angle and energy
/// (docs/physics.md §5.13).
///
/// Why this shape: the veto acts on each photon separately, P_miss(θ₁, E₁) · P_miss(θ₂, E₂),
/// and the two photons are correlated through the π0, so no low-dimensional histogram carries
/// what an arbitrary veto (an inefficiency table in energy, partial coverage) needs. Stored as
/// single-precision columns (24 bytes per event, 24 MB at the default 2²⁰ events; rounding
/// 6 × 10⁻⁸ relative), every variant that differs in veto, resolution, exposure or acceptance
/// reweights the same events (`UndetectedPionBackground`) without regenerating them.
public struct PhotonPairSample: Sendable {
    public let flavour: LeptonFlavour
    public let events: Int
    public let seed: UInt64
    /// True m²_miss range of the process [GeV²]: [m_π0², (m_K − m_l)²].
    public let missingMassSquaredRangeGeV2: ClosedRange<Double>
    public let missingMassSquaredGeV2: [Float]
    public let weights: [Float]
    public let photon1AngleRad: [Float]
    public let photon1EnergyGeV: [Float]
    public let photon2AngleRad: [Float]
    public let photon2EnergyGeV: [Float]

    /// Default statistics, 2²⁰ events (8 chunks): above m²_miss = 0.1 GeV² in K_μ3 the
    /// both-photons-lost count of the seed-001 veto carries a ≈ 1 % MC uncertainty.
    public static let defaultEvents = 1 << 20
    /// Events per chunk: the unit of parallel work and of seeding (as `RadiativeSample`).
    public static let chunkSize = 1 << 17

    /// Event `index` in double precision.
    public func event(_ index: Int) -> PhotonPairEvent {
        PhotonPairEvent(missingMassSquaredGeV2: Double(missingMassSquaredGeV2[index]), weight: Double(weights[index]),
                        photon1AngleRad: Double(photon1AngleRad[index]), photon1EnergyGeV: Double(photon1EnergyGeV[index]),
                        photon2AngleRad: Double(photon2AngleRad[index]), photon2EnergyGeV: Double(photon2EnergyGeV[index]))
    }

    /// Generates `events` events of K+ → π0 l+ ν, π0 → γγ for `flavour`, in fixed chunks seeded
    /// from `seed` (`Xoshiro256StarStar.chunkSeed`, the seed tagged by `streamTag`), on `workers`: identical output for identical
    /// arguments, on any machine and for any number of workers (`ParallelChunks`).
    public static func generate(flavour: LeptonFlavour, events: Int = defaultEvents, seed: UInt64,
                                workers: Workers = .allCores) -> PhotonPairSample {
        generate(SemileptonicPhotonPairGenerator(flavour: flavour), events: events, seed: seed, workers: workers)
    }

    static func generate(_ generator: SemileptonicPhotonPairGenerator, events: Int, seed: UInt64,
                         workers: Workers = .allCores) -> PhotonPairSample {
        precondition(events > 0, "a photon-pair sample needs at least one event")
        let chunks = (events + chunkSize - 1) / chunkSize
        var columns = Columns(capacity: events)
        ParallelChunks.run(count: chunks, workers: workers, body: { chunk -> Columns in
            generateChunk(chunk, of: generator, events: events, seed: seed)
        }, combine: { part in
            columns.append(part)
        })
        return PhotonPairSample(flavour: generator.flavour, events: events, seed: seed,
                                missingMassSquaredRangeGeV2: generator.missingMassSquaredRangeGeV2,
                                missingMassSquaredGeV2: columns.missingMass, weights: columns.weights,
                                photon1AngleRad: columns.angle1, photon1EnergyGeV: columns.energy1,
                                photon2AngleRad: columns.angle2, photon2EnergyGeV: columns.energy2)
    }

    /// The stored columns while they are filled.
    private struct Columns {
        var missingMass: [Float] = [], weights: [Float] = []
        var angle1: [Float] = [], energy1: [Float] = [], angle2: [Float] = [], energy2: [Float] = []

        init(capacity: Int) {
            for keyPath in [\Columns.missingMass, \.weights, \.angle1, \.energy1, \.angle2, \.energy2] {
                self[keyPath: keyPath].reserveCapacity(capacity)
            }
        }

        mutating func append(_ event: PhotonPairEvent) {
            missingMass.append(Float(event.missingMassSquaredGeV2))
            weights.append(Float(event.weight))
            angle1.append(Float(event.photon1AngleRad))
            energy1.append(Float(event.photon1EnergyGeV))
            angle2.append(Float(event.photon2AngleRad))
            energy2.append(Float(event.photon2EnergyGeV))
        }

        mutating func append(_ other: Columns) {
            missingMass += other.missingMass
            weights += other.weights
            angle1 += other.angle1
            energy1 += other.energy1
            angle2 += other.angle2
            energy2 += other.energy2
        }
    }

    /// Mixed into the master seed so that this sample's streams differ from the radiative
    /// sample's of the same `--seed` (their MC fluctuations are independent).
    static let streamTag: UInt64 = 0x4B6C_3367_616D_6D61

    /// Events generated at once, then stored.
    private static let eventBlock = 256

    /// One chunk's events from its own seeded stream.
    private static func generateChunk(_ chunk: Int, of generator: SemileptonicPhotonPairGenerator, events: Int,
                                      seed: UInt64) -> Columns {
        var rng = Xoshiro256StarStar(seed: Xoshiro256StarStar.chunkSeed(master: seed ^ streamTag, chunk: chunk))
        let count = min(chunkSize, events - chunk * chunkSize)
        var columns = Columns(capacity: count)
        withUnsafeTemporaryAllocation(of: PhotonPairEvent.self, capacity: eventBlock) { block in
            var done = 0
            while done < count {
                let batch = UnsafeMutableBufferPointer(rebasing: block[0..<min(eventBlock, count - done)])
                generator.fill(batch, using: &rng)
                for event in batch { columns.append(event) }
                done += batch.count
            }
        }
        return columns
    }
}
