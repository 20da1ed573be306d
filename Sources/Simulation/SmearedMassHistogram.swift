import DetectorModel

/// A `TrueMassHistogram` seen through the resolution: every true-m² bin smeared with σ at its
/// centre (docs/physics.md §5.8), answering for any region and any spectrum binning. The
/// generated sources whose events are kept per true m² (K_l3 with both photons lost, the muon
/// decaying in flight) are each one of these, filled by their own tally.
struct SmearedMassHistogram: Sendable {
    let histogram: TrueMassHistogram
    /// σ [GeV²] of each true-m² bin (`TrueMassHistogram.binSigmasGeV2`).
    let binSigmasGeV2: [Double]
    /// The largest σ [GeV²]: how far any bin's Gaussian reaches.
    let reachSigmaGeV2: Double
    /// The resolution's non-Gaussian tail, if any, and its share of the events in any region.
    let tail: ResolutionTail?
    let tailCumulative: TailCumulative?

    init(_ histogram: TrueMassHistogram, resolution: MissingMassResolution, tail: ResolutionTail?) {
        self.histogram = histogram
        self.tail = tail
        tailCumulative = tail.map { tail in
            TailCumulative(count: histogram.count, centre: histogram.centreGeV2, beforeVeto: histogram.beforeVeto,
                           afterVeto: histogram.afterVeto, tail: tail)
        }
        binSigmasGeV2 = histogram.binSigmasGeV2(resolution)
        reachSigmaGeV2 = max(resolution.largestGeV2, 1e-12)
    }

    /// `count` bins over `rangeGeV2` filled from `events` sample events in fixed chunks of
    /// `chunkSize` on `workers`: `tally(chunk, &part)` adds one chunk's events to an empty
    /// histogram, and the parts are added in chunk order (the same sums for any worker count).
    static func tallied(rangeGeV2: ClosedRange<Double>, count: Int, events: Int, chunkSize: Int, workers: Workers,
                        tally: (Range<Int>, inout TrueMassHistogram) -> Void) -> TrueMassHistogram {
        var histogram = TrueMassHistogram(lowerGeV2: rangeGeV2.lowerBound,
                                          binWidthGeV2: (rangeGeV2.upperBound - rangeGeV2.lowerBound) / Double(count), count: count)
        let template = histogram
        ParallelChunks.run(count: (events + chunkSize - 1) / chunkSize, workers: workers, body: { index -> TrueMassHistogram in
            var part = template
            tally((index * chunkSize)..<min(events, (index + 1) * chunkSize), &part)
            return part
        }, combine: { part in
            histogram.add(part)
        })
        return histogram
    }

    /// Events in [lo, hi] before and after the veto, with their MC variances: the Gaussian core
    /// of the nearby bins plus the tail's share.
    func integrate(lo: Double, hi: Double) -> (before: Double, after: Double, beforeVariance: Double, afterVariance: Double) {
        var sums = histogram.integrate(lo: lo, hi: hi, sigmasGeV2: binSigmasGeV2, reachGeV2: reachSigmaGeV2, coreFraction: 1 - (tail?.fraction ?? 0))
        if let tailCumulative {
            let moved = tailCumulative.events(lo: lo, hi: hi)
            sums.before += moved.before
            sums.after += moved.after
        }
        return sums
    }

    /// The background in `region`.
    func events(in region: SignalRegion) -> BackgroundEstimate {
        let range = region.rangeGeV2
        let sums = integrate(lo: range.lowerBound, hi: range.upperBound)
        return BackgroundEstimate(events: sums.after, mcUncertainty: sums.afterVariance.squareRoot(), eventsBeforeVeto: sums.before)
    }

    /// Events per bin of width `binWidthGeV2` covering `rangeGeV2`, before and after the veto.
    func spectrum(binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>) -> [SpectrumBin] {
        SpectrumBin.bins(binWidthGeV2: binWidthGeV2, rangeGeV2: rangeGeV2, integrate: integrate(lo:hi:))
    }
}
