import Foundation
import DetectorModel
import Physics

/// K+ → μ+ ν with the μ+ decaying in flight in the decay volume, μ+ → e+ ν ν̄, the positron
/// taken as the K+ → e+ N candidate (docs/physics.md §5.15):
///
///     N = N_K · A · B(K_μ2) · R · (1/N_gen) Σ_events P_decay(p_μ) · G(region | m²),
///
/// P_decay = 1 − exp(−L m_μ/(p_μ cτ_μ)) (`DecayInFlight`), L the muon's flight path in the decay
/// volume, R the analysis' rejection (vertex and track-quality criteria the tool does not model),
/// G the Gaussian resolution (§5.8). There is no photon: the veto does not act (P_miss = 1), so
/// the count before the veto equals the count after it. B(μ+ → e+ ν ν̄) ≈ 1 (PDG 2020).
/// MC uncertainty √(Σ P²) on the same scale (§5.12).
public struct MuonDecayBackground: MissingMassBackground {
    public let sample: MuonDecaySample
    public let resolution: MissingMassResolution
    public let kaonDecays: Double
    public let acceptance: Double
    public let rejection: Double
    public let decayPathMetres: Double
    let smeared: SmearedMassHistogram

    /// The muon's flight path assumed inside the decay volume [m]: the ≈ 60 m NA62 fiducial
    /// decay region (docs/physics.md §5.15; an upper value: a muon from a kaon decaying inside
    /// the region flies on average half of it before the region ends).
    public static let defaultDecayPathMetres = 60.0
    /// Bins of true m²_miss over [0, (m_K − m_e)²]: 2048, 1.2 × 10⁻⁴ GeV² wide.
    static let massBins = 2048

    /// The background with a constant resolution σ = `resolutionGeV2` [GeV²].
    public init(sample: MuonDecaySample, resolutionGeV2: Double, kaonDecays: Double, acceptance: Double,
                rejection: Double = 1, decayPathMetres: Double = defaultDecayPathMetres, workers: Workers = .allCores) {
        self.init(sample: sample, resolution: .constant(resolutionGeV2), kaonDecays: kaonDecays, acceptance: acceptance,
                  rejection: rejection, decayPathMetres: decayPathMetres, workers: workers)
    }

    /// The background of `sample` smeared with `resolution` (σ at each event's true m²_miss).
    public init(sample: MuonDecaySample, resolution: MissingMassResolution, tail: ResolutionTail? = nil, kaonDecays: Double, acceptance: Double,
                rejection: Double = 1, decayPathMetres: Double = defaultDecayPathMetres, workers: Workers = .allCores) {
        precondition(rejection > 0 && rejection <= 1, "a rejection factor lies in (0, 1]")
        self.sample = sample
        self.resolution = resolution
        self.kaonDecays = kaonDecays
        self.acceptance = acceptance
        self.rejection = rejection
        self.decayPathMetres = decayPathMetres
        var histogram = SmearedMassHistogram.tallied(rangeGeV2: sample.missingMassSquaredRangeGeV2, count: Self.massBins,
                                                     events: sample.events, chunkSize: MuonDecaySample.chunkSize, workers: workers) { events, part in
            for i in events {
                let p = DecayInFlight.muonProbability(momentumGeV: Double(sample.muonMomentumGeV[i]), pathMetres: decayPathMetres)
                let bin = part.bin(ofGeV2: Double(sample.missingMassSquaredGeV2[i]))
                part.beforeVeto[bin] += p
                part.beforeVetoVariance[bin] += p * p
            }
            part.afterVeto = part.beforeVeto
            part.afterVetoVariance = part.beforeVetoVariance
        }
        histogram.scale(by: kaonDecays * acceptance * PDG2020.branchingKaonToMuonNeutrino * rejection / Double(sample.events))
        smeared = SmearedMassHistogram(histogram, resolution: resolution, tail: tail)
    }

    public func events(in region: SignalRegion) -> BackgroundEstimate { smeared.events(in: region) }
}
