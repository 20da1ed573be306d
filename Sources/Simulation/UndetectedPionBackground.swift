import Foundation
import Physics
import DetectorModel

/// K+ → π0 l+ ν with π0 → γγ and both photons undetected, as the detector sees it: the
/// reconstructed m²_miss = (p_K − p_l)² = (p_π0 + p_ν)² ≥ m_π0² fakes K+ → l+ N at large missing
/// mass (seed 000 Table 1, "K+ → π0 μ+ ν"; docs/physics.md §5.13).
///
/// Expected events for a variant, per bin of true m²_miss then smeared into a region:
///
///     N = N_K · A · B(K_l3) · B(π0 → γγ) · (1/N_gen) Σ_events w · P_miss(θ₁, E₁) · P_miss(θ₂, E₂) · G(region | m²),
///
/// with P_miss the veto's per-photon miss probability (`PhotonVeto.missProbability`,
/// docs/physics.md §5.7) — the photons are lost independently, so the pair's probability is the
/// product — and G the Gaussian resolution (§5.8). Before the veto every K_l3 event counts,
/// N_K · A · B(K_l3) · (1/N_gen) Σ w · G, so `vetoPassFraction` is the both-lost probability
/// (including B(π0 → γγ)). MC uncertainty: √(Σ (w P₁ P₂)²) on the same scale (§5.12).
public struct UndetectedPionBackground: MissingMassBackground {
    public let sample: PhotonPairSample
    public let veto: PhotonVeto
    public let resolution: MissingMassResolution
    public let kaonDecays: Double
    public let acceptance: Double
    let smeared: SmearedMassHistogram

    /// Bins of true m²_miss over the process's range: 2048, ≈ 6 × 10⁻⁵ GeV² wide for K_μ3, far
    /// below any resolution.
    static let massBins = 2048

    /// B(K+ → π0 l+ ν) (PDG 2020) of the sample's flavour.
    public var parentBranchingFraction: Double { SemileptonicProduction.measuredBranching(flavour: sample.flavour) }

    /// All reconstructed K_l3 events, whatever the π0 does: N_K × A × B(K_l3).
    public var totalEvents: Double { kaonDecays * acceptance * parentBranchingFraction }

    /// The background with a constant resolution σ = `resolutionGeV2` [GeV²].
    public init(sample: PhotonPairSample, veto: PhotonVeto, resolutionGeV2: Double, kaonDecays: Double,
                acceptance: Double, workers: Workers = .allCores) {
        self.init(sample: sample, veto: veto, resolution: .constant(resolutionGeV2), kaonDecays: kaonDecays,
                  acceptance: acceptance, workers: workers)
    }

    /// The background of `sample` through `veto` and `resolution`, for `kaonDecays` K+ decays
    /// and acceptance `acceptance`. The veto is applied to the stored events chunk by chunk on
    /// `workers`, summed in chunk order (same numbers for any count).
    public init(sample: PhotonPairSample, veto: PhotonVeto, resolution: MissingMassResolution, tail: ResolutionTail? = nil,
                kaonDecays: Double, acceptance: Double, workers: Workers = .allCores) {
        self.sample = sample
        self.veto = veto
        self.resolution = resolution
        self.kaonDecays = kaonDecays
        self.acceptance = acceptance
        var histogram = SmearedMassHistogram.tallied(rangeGeV2: sample.missingMassSquaredRangeGeV2, count: Self.massBins,
                                                     events: sample.events, chunkSize: PhotonPairSample.chunkSize, workers: workers) { events, part in
            Self.tally(sample, events: events, veto: veto, into: &part)
        }
        let scale = kaonDecays * acceptance * SemileptonicProduction.measuredBranching(flavour: sample.flavour) / Double(sample.events)
        histogram.scale(by: scale)
        smeared = SmearedMassHistogram(histogram, resolution: resolution, tail: tail)
    }

    /// Generates the sample (`PhotonPairSample.generate`) and applies the detector to it.
    public init(flavour: LeptonFlavour, veto: PhotonVeto, resolutionGeV2: Double, kaonDecays: Double, acceptance: Double,
                events: Int = PhotonPairSample.defaultEvents, seed: UInt64, workers: Workers = .allCores) {
        self.init(sample: PhotonPairSample.generate(flavour: flavour, events: events, seed: seed, workers: workers),
                  veto: veto, resolution: .constant(resolutionGeV2), kaonDecays: kaonDecays, acceptance: acceptance, workers: workers)
    }

    /// Σw (before the veto) and Σw · B(π0 → γγ) P₁P₂ (after) per true-m² bin over `events`, with
    /// their Σ of squares.
    static func tally(_ sample: PhotonPairSample, events: Range<Int>, veto: PhotonVeto, into part: inout TrueMassHistogram) {
        let twoPhotons = PDG2020.branchingPi0ToTwoPhotons
        for i in events {
            let w = Double(sample.weights[i])
            let lost = veto.missProbability(labAngleRad: Double(sample.photon1AngleRad[i]), labEnergyGeV: Double(sample.photon1EnergyGeV[i]))
                * veto.missProbability(labAngleRad: Double(sample.photon2AngleRad[i]), labEnergyGeV: Double(sample.photon2EnergyGeV[i]))
            let after = w * twoPhotons * lost
            let bin = part.bin(ofGeV2: Double(sample.missingMassSquaredGeV2[i]))
            part.beforeVeto[bin] += w
            part.beforeVetoVariance[bin] += w * w
            part.afterVeto[bin] += after
            part.afterVetoVariance[bin] += after * after
        }
    }

    public func events(in region: SignalRegion) -> BackgroundEstimate { smeared.events(in: region) }

    /// The reconstructed m²_miss histogram: events per bin of width `binWidthGeV2` covering
    /// `rangeGeV2`, before and after the veto.
    public func spectrum(binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>) -> [SpectrumBin] {
        smeared.spectrum(binWidthGeV2: binWidthGeV2, rangeGeV2: rangeGeV2)
    }
}
