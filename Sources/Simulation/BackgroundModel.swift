import Foundation
import Physics
import RealModule
import DetectorModel

/// The radiative background as the detector sees it: a `RadiativeSample` scaled to N_K kaon
/// decays and an acceptance, passed through the photon veto, and smeared by the m²_miss
/// resolution.
///
/// Expected events for a variant = N_K × acceptance × B(parent) × [Σ cells w·P̄_miss(E*_γ) ·
/// G(window | m²) + (1 − R_cut) · G(window | 0)], where G is the Gaussian probability, of width σ(m²) = the resolution at
/// the event's true m²_miss (docs/physics.md §5.8), for an event at true m² to be
/// reconstructed inside the window (integrated
/// analytically with erfc), P̄_miss the direction-averaged veto miss probability, and the second
/// term the non-radiative and soft-photon peak at m²_miss = 0, which is never vetoed.
public struct BackgroundModel: MissingMassBackground {
    public let sample: RadiativeSample
    public let veto: PhotonVeto
    public let resolution: MissingMassResolution
    /// The resolution's non-Gaussian tail, if any (docs/physics.md §5.8.2), and its share of
    /// the histogram's events in any region.
    public let tail: ResolutionTail?
    let tailCumulative: TailCumulative?
    public let kaonDecays: Double
    public let acceptance: Double
    public let beam: KaonBeam

    /// Background acceptance by default: seed 001 Fig. 2 has 1.5 × 10⁸ reconstructed K_e3(γ)
    /// events for N_K = 3 × 10¹⁰, i.e. 5 × 10⁻³ per kaon decay = 10 % × B(K_e3) (0.0507 gives
    /// 1.52 × 10⁸). Applied to every process alike.
    public static let defaultAcceptance = 0.10

    /// Events per true-m² bin for N_K before and after the veto, and the after-veto variance.
    let beforeVeto: [Double]
    let afterVeto: [Double]
    let afterVetoVariance: [Double]
    let beforeVetoVariance: [Double]
    /// Events in the peak at m²_miss = 0 (non-radiative and soft photons).
    public let peakEvents: Double
    /// P̄_miss per E*_γ bin of the sample.
    public let meanMissProbabilities: [Double]

    /// All reconstructed events of the parent decay, radiative or not: N_K × acceptance × B.
    public var totalEvents: Double { kaonDecays * acceptance * sample.process.parentBranchingFraction }

    /// σ [GeV²] of each true-m² bin (σ at the bin centre), of the peak at 0, and the largest
    /// (how far the smearing reaches); at least 10⁻¹² GeV².
    let binSigmasGeV2: [Double]
    let peakSigmaGeV2: Double
    let reachSigmaGeV2: Double

    /// The model with a constant resolution σ = `resolutionGeV2` [GeV²].
    public init(sample: RadiativeSample, veto: PhotonVeto, resolutionGeV2: Double, kaonDecays: Double,
                acceptance: Double = BackgroundModel.defaultAcceptance, beam: KaonBeam = .na62) {
        self.init(sample: sample, veto: veto, resolution: .constant(resolutionGeV2), tail: nil, kaonDecays: kaonDecays, acceptance: acceptance, beam: beam)
    }

    public init(sample: RadiativeSample, veto: PhotonVeto, resolution: MissingMassResolution, tail: ResolutionTail? = nil,
                kaonDecays: Double, acceptance: Double = BackgroundModel.defaultAcceptance, beam: KaonBeam = .na62) {
        self.sample = sample
        self.veto = veto
        self.resolution = resolution
        self.tail = tail
        binSigmasGeV2 = (0..<sample.massBinCount).map {
            max(resolution.sigmaGeV2(atMissingMassSquaredGeV2: sample.massBinCentreGeV2($0)), 1e-12)
        }
        peakSigmaGeV2 = max(resolution.sigmaGeV2(atMissingMassSquaredGeV2: 0), 1e-12)
        reachSigmaGeV2 = max(resolution.largestGeV2, 1e-12)
        self.kaonDecays = kaonDecays
        self.acceptance = acceptance
        self.beam = beam
        let scale = kaonDecays * acceptance * sample.process.parentBranchingFraction
        let miss = (0..<sample.energyBinCount).map {
            veto.meanMissProbability(photonEnergyGeV: sample.energyBinCentreGeV($0), beam: beam)
        }
        var before = [Double](repeating: 0, count: sample.massBinCount)
        var after = before, variance = before, beforeVariance = before
        let energyBins = sample.energyBinCount
        for massBin in 0..<sample.massBinCount {
            var b = 0.0, a = 0.0, v = 0.0, vb = 0.0
            let row = massBin * energyBins
            for energyBin in 0..<energyBins {
                let w = sample.weights[row + energyBin]
                b += w
                a += w * miss[energyBin]
                v += sample.squaredWeights[row + energyBin] * miss[energyBin] * miss[energyBin]
                vb += sample.squaredWeights[row + energyBin]
            }
            before[massBin] = b * scale
            after[massBin] = a * scale
            variance[massBin] = v * scale * scale
            beforeVariance[massBin] = vb * scale * scale
        }
        beforeVeto = before
        afterVeto = after
        afterVetoVariance = variance
        beforeVetoVariance = beforeVariance
        peakEvents = sample.peakFraction * scale
        meanMissProbabilities = miss
        tailCumulative = tail.map { tail in
            TailCumulative(count: sample.massBinCount, centre: sample.massBinCentreGeV2, beforeVeto: before, afterVeto: after, tail: tail)
        }
    }

    /// Probability that an event at true `m2` is reconstructed in [lo, hi]: Φ((hi − m²)/σ) −
    /// Φ((lo − m²)/σ), written with erfc on the side of the tails so that it keeps its relative
    /// precision far from the window.
    @inlinable
    static func gaussianFraction(trueGeV2 m2: Double, lo: Double, hi: Double, sigma: Double) -> Double {
        let a = (lo - m2) / (sigma * 2.0.squareRoot()), b = (hi - m2) / (sigma * 2.0.squareRoot())
        if a >= 0 { return 0.5 * (Double.erfc(a) - Double.erfc(b)) }
        if b <= 0 { return 0.5 * (Double.erfc(-b) - Double.erfc(-a)) }
        return 1 - 0.5 * (Double.erfc(b) + Double.erfc(-a))
    }

    /// Sums over true-m² bins of events × fraction in [lo, hi] (variances × fraction²), each bin
    /// smeared with the σ at its true m²; with a resolution tail, the Gaussian core carries
    /// (1 − f) of each bin and the tail part comes from `tailCumulative` (docs/physics.md §5.8.2).
    /// The peak at 0 is exact (its share 1 − R_cut is known to the MC precision of R_cut,
    /// neglected).
    func integrate(lo: Double, hi: Double) -> (before: Double, after: Double, variance: Double, beforeVariance: Double) {
        let sigma = reachSigmaGeV2
        let width = sample.massBinWidthGeV2
        let core = 1 - (tail?.fraction ?? 0)
        // Bins within 8 σ_max of the window; none when the window lies beyond the histogram.
        let lowest = ((lo - 8 * sigma) / width).rounded(.down), highest = ((hi + 8 * sigma) / width).rounded(.up)
        let first = clampedBinIndex(lowest, count: sample.massBinCount)
        let last = clampedBinIndex(highest, count: sample.massBinCount)
        var before = 0.0, after = 0.0, variance = 0.0, beforeVariance = 0.0
        if first <= last, lowest < Double(sample.massBinCount), highest >= 0 {
            for bin in first...last where beforeVeto[bin] > 0 {
                let f = core * Self.gaussianFraction(trueGeV2: sample.massBinCentreGeV2(bin), lo: lo, hi: hi, sigma: binSigmasGeV2[bin])
                before += beforeVeto[bin] * f
                after += afterVeto[bin] * f
                variance += afterVetoVariance[bin] * f * f
                beforeVariance += beforeVetoVariance[bin] * f * f
            }
        }
        if let tailCumulative {
            let moved = tailCumulative.events(lo: lo, hi: hi)
            before += moved.before
            after += moved.after
        }
        let peakGaussian = Self.gaussianFraction(trueGeV2: 0, lo: lo, hi: hi, sigma: peakSigmaGeV2)
        let peak = peakEvents * (tail?.kernelFraction(gaussian: peakGaussian, trueGeV2: 0, lo: lo, hi: hi) ?? peakGaussian)
        return (before + peak, after + peak, variance, beforeVariance)
    }

    public func events(in region: SignalRegion) -> BackgroundEstimate {
        let range = region.rangeGeV2
        let sums = integrate(lo: range.lowerBound, hi: range.upperBound)
        return BackgroundEstimate(events: sums.after, mcUncertainty: sums.variance.squareRoot(), eventsBeforeVeto: sums.before)
    }

    /// The reconstructed m²_miss histogram for N_K: events per bin of width `binWidthGeV2`
    /// covering `rangeGeV2`, before and after the veto (Fig. 2 of seed 001 is `beforeVeto`).
    public func spectrum(binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>) -> [SpectrumBin] {
        SpectrumBin.bins(binWidthGeV2: binWidthGeV2, rangeGeV2: rangeGeV2) { lo, hi in
            let sums = integrate(lo: lo, hi: hi)
            return (sums.before, sums.after, sums.beforeVariance, sums.variance)
        }
    }
}
