import Foundation
import Physics

/// Generated samples kept for reuse within a run: variants that differ only in exposure, veto,
/// resolution or acceptance share one sample. Keyed by everything a sample depends on; a sample
/// is generated once, under the lock (generation already uses every worker), so concurrent
/// callers never generate the same sample twice.
public final class SampleCache<Key: Hashable & Sendable, Sample: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [Key: Sample] = [:]

    public init() {}

    /// The sample for `key`, made by `generate` on first use.
    public func sample(for key: Key, generate: () -> Sample) -> Sample {
        lock.lock()
        defer { lock.unlock() }
        if let cached = samples[key] { return cached }
        let sample = generate()
        samples[key] = sample
        return sample
    }

    /// Number of samples held.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return samples.count
    }

    public func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        samples.removeAll()
    }
}

/// What a K_l3 photon-pair sample depends on.
public struct PhotonPairSampleKey: Hashable, Sendable {
    public var flavour: LeptonFlavour
    public var events: Int
    public var seed: UInt64

    public init(flavour: LeptonFlavour, events: Int, seed: UInt64) {
        self.flavour = flavour
        self.events = events
        self.seed = seed
    }
}

extension PhotonPairSample {
    /// The samples of this run (one per flavour, events and seed).
    public static let cache = SampleCache<PhotonPairSampleKey, PhotonPairSample>()

    /// The cached sample for these arguments, generated on first use.
    public static func cached(flavour: LeptonFlavour, events: Int, seed: UInt64, workers: Workers = .allCores) -> PhotonPairSample {
        cache.sample(for: PhotonPairSampleKey(flavour: flavour, events: events, seed: seed)) {
            generate(flavour: flavour, events: events, seed: seed, workers: workers)
        }
    }
}
