import DetectorModel

/// Expected events per bin of true m²_miss, before and after the photon veto, with their MC
/// variances; what one region of reconstructed m²_miss receives from them after the Gaussian
/// resolution (docs/physics.md §5.8, `BackgroundModel.gaussianFraction`).
struct TrueMassHistogram: Sendable {
    /// Lower edge of the first bin [GeV²].
    let lowerGeV2: Double
    let binWidthGeV2: Double
    var beforeVeto: [Double]
    var afterVeto: [Double]
    var beforeVetoVariance: [Double]
    var afterVetoVariance: [Double]

    /// `count` empty bins of width `binWidthGeV2` from `lowerGeV2`.
    init(lowerGeV2: Double, binWidthGeV2: Double, count: Int) {
        self.lowerGeV2 = lowerGeV2
        self.binWidthGeV2 = binWidthGeV2
        beforeVeto = [Double](repeating: 0, count: count)
        afterVeto = beforeVeto
        beforeVetoVariance = beforeVeto
        afterVetoVariance = beforeVeto
    }

    var count: Int { beforeVeto.count }

    /// Centre of bin `index` [GeV²].
    func centreGeV2(_ index: Int) -> Double { lowerGeV2 + (Double(index) + 0.5) * binWidthGeV2 }

    /// Bin of true m²_miss `m2` (values outside go to the edge bins).
    func bin(ofGeV2 m2: Double) -> Int { clampedBinIndex((m2 - lowerGeV2) / binWidthGeV2, count: count) }

    /// Adds `other` bin by bin (in the caller's order, so sums do not depend on scheduling).
    mutating func add(_ other: TrueMassHistogram) {
        for i in 0..<count {
            beforeVeto[i] += other.beforeVeto[i]
            afterVeto[i] += other.afterVeto[i]
            beforeVetoVariance[i] += other.beforeVetoVariance[i]
            afterVetoVariance[i] += other.afterVetoVariance[i]
        }
    }

    /// Every bin times `factor` (variances times factor²).
    mutating func scale(by factor: Double) {
        for i in 0..<count {
            beforeVeto[i] *= factor
            afterVeto[i] *= factor
            beforeVetoVariance[i] *= factor * factor
            afterVetoVariance[i] *= factor * factor
        }
    }

    /// σ [GeV²] of each bin: the resolution at the bin centre, at least 10⁻¹² GeV² (the width
    /// of the Gaussian kernel depends on the true m²_miss, docs/physics.md §5.8).
    func binSigmasGeV2(_ resolution: MissingMassResolution) -> [Double] {
        (0..<count).map { max(resolution.sigmaGeV2(atMissingMassSquaredGeV2: centreGeV2($0)), 1e-12) }
    }

    /// Σ over bins within 8 σ_max of [lo, hi] of events × G([lo, hi] | bin centre, σ of the bin),
    /// variances × G²; `sigmasGeV2` from `binSigmasGeV2`, `reachGeV2` their largest; `hi` may be
    /// +∞ (a cut region); with `coreFraction` 1 − f of a resolution tail the Gaussian carries
    /// that share (the tail's part is `TailCumulative`'s). A constant σ gives every bin the same
    /// kernel.
    func integrate(lo: Double, hi: Double, sigmasGeV2: [Double], reachGeV2: Double, coreFraction: Double = 1) -> (before: Double, after: Double, beforeVariance: Double, afterVariance: Double) {
        let sigma = reachGeV2
        let lowest = ((lo - 8 * sigma - lowerGeV2) / binWidthGeV2).rounded(.down)
        let highest = ((hi + 8 * sigma - lowerGeV2) / binWidthGeV2).rounded(.up)
        var before = 0.0, after = 0.0, beforeVariance = 0.0, afterVariance = 0.0
        guard lowest < Double(count), highest >= 0 else { return (0, 0, 0, 0) }
        let first = clampedBinIndex(lowest, count: count), last = clampedBinIndex(highest, count: count)
        for bin in first...last where beforeVeto[bin] > 0 {
            let f = coreFraction * BackgroundModel.gaussianFraction(trueGeV2: centreGeV2(bin), lo: lo, hi: hi, sigma: sigmasGeV2[bin])
            before += beforeVeto[bin] * f
            after += afterVeto[bin] * f
            beforeVariance += beforeVetoVariance[bin] * f * f
            afterVariance += afterVetoVariance[bin] * f * f
        }
        return (before, after, beforeVariance, afterVariance)
    }
}
