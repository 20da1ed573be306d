import Foundation
import Physics

/// Generated samples kept for reuse within a run: variants that differ only in exposure, veto,
/// resolution or acceptance share one sample. Keyed by everything the sample depends on.
public final class RadiativeSampleCache: @unchecked Sendable {
    public struct Key: Hashable, Sendable {
        public var process: RadiativeProcess
        public var emission: RadiativeEmission
        public var events: Int
        public var seed: UInt64
        public var photonEnergyCutoffGeV: Double
    }

    public static let shared = RadiativeSampleCache()

    private let samples = SampleCache<Key, RadiativeSample>()

    public init() {}

    /// The sample for these arguments, generated on first use.
    public func sample(process: RadiativeProcess, emission: RadiativeEmission = .innerBremsstrahlung,
                       events: Int = RadiativeSample.defaultEvents, seed: UInt64,
                       photonEnergyCutoffGeV: Double = RadiativeSample.defaultPhotonEnergyCutoffGeV,
                       workers: Workers = .allCores) -> RadiativeSample {
        let key = Key(process: process, emission: emission, events: events, seed: seed, photonEnergyCutoffGeV: photonEnergyCutoffGeV)
        return samples.sample(for: key) {
            RadiativeSample.generate(process: process, emission: emission, events: events, seed: seed,
                                     photonEnergyCutoffGeV: photonEnergyCutoffGeV, workers: workers)
        }
    }

    /// Number of samples held.
    public var count: Int { samples.count }

    public func removeAll() { samples.removeAll() }
}
