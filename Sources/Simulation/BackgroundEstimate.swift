/// Expected background in one signal window m²_miss ∈ [m_N² − kσ, m_N² + kσ].
public struct BackgroundEstimate: Sendable, Equatable {
    /// Expected events b after the photon veto.
    public var events: Double
    /// Monte Carlo (statistical) uncertainty of `events`, √(Σ w²); 0 for a user table.
    public var mcUncertainty: Double
    /// Expected events before the veto; nil when unknown (user tables are after the veto).
    public var eventsBeforeVeto: Double?
    /// The systematic uncertainty δb the source states itself (a user's N_exp ± δN_exp above a
    /// cut); nil: the component's relative uncertainty applies.
    public var statedUncertainty: Double?

    public init(events: Double, mcUncertainty: Double, eventsBeforeVeto: Double?, statedUncertainty: Double? = nil) {
        self.events = events
        self.mcUncertainty = mcUncertainty
        self.eventsBeforeVeto = eventsBeforeVeto
        self.statedUncertainty = statedUncertainty
    }

    /// ⟨ε_bkg⟩ of seed 001 Eq. (2): after-veto over before-veto events in the window.
    public var vetoPassFraction: Double? {
        guard let before = eventsBeforeVeto, before > 0 else { return nil }
        return events / before
    }
}

/// One bin of a reconstructed m²_miss spectrum, in events per bin for the model's N_K.
public struct SpectrumBin: Sendable, Equatable {
    /// Bin centre [GeV²].
    public var m2GeV2: Double
    public var widthGeV2: Double
    public var beforeVeto: Double
    public var uncertaintyBeforeVeto: Double
    public var afterVeto: Double
    public var uncertaintyAfterVeto: Double

    public init(m2GeV2: Double, widthGeV2: Double, beforeVeto: Double, uncertaintyBeforeVeto: Double,
                afterVeto: Double, uncertaintyAfterVeto: Double) {
        self.m2GeV2 = m2GeV2
        self.widthGeV2 = widthGeV2
        self.beforeVeto = beforeVeto
        self.uncertaintyBeforeVeto = uncertaintyBeforeVeto
        self.afterVeto = afterVeto
        self.uncertaintyAfterVeto = uncertaintyAfterVeto
    }

    /// Bins of width `binWidthGeV2` covering `rangeGeV2` (the last one may reach beyond it),
    /// each filled by `integrate(lo, hi)`: the events in [lo, hi] before and after the veto with
    /// their MC variances — the one binning of every spectrum the tool writes.
    static func bins(binWidthGeV2: Double, rangeGeV2: ClosedRange<Double>,
                     integrate: (_ lo: Double, _ hi: Double) -> (before: Double, after: Double, beforeVariance: Double, afterVariance: Double)) -> [SpectrumBin] {
        precondition(binWidthGeV2 > 0, "spectrum bin width must be positive")
        let count = max(1, Int(((rangeGeV2.upperBound - rangeGeV2.lowerBound) / binWidthGeV2).rounded(.up)))
        return (0..<count).map { index in
            let lo = rangeGeV2.lowerBound + Double(index) * binWidthGeV2
            let sums = integrate(lo, lo + binWidthGeV2)
            return SpectrumBin(m2GeV2: lo + 0.5 * binWidthGeV2, widthGeV2: binWidthGeV2,
                               beforeVeto: sums.before, uncertaintyBeforeVeto: sums.beforeVariance.squareRoot(),
                               afterVeto: sums.after, uncertaintyAfterVeto: sums.afterVariance.squareRoot())
        }
    }
}

/// Anything that predicts the background in a region of reconstructed m²_miss: the built-in
/// generator with the detector model (`BackgroundModel`) or a user table (`TabulatedBackground`).
public protocol MissingMassBackground: Sendable {
    /// Background in `region` (its m²_miss interval, for the variant's N_K).
    func events(in region: SignalRegion) -> BackgroundEstimate
}

extension MissingMassBackground {
    /// Background in [centre − halfWidth, centre + halfWidth] of reconstructed m²_miss [GeV²].
    public func window(centreGeV2: Double, halfWidthGeV2: Double) -> BackgroundEstimate {
        events(in: .window(centreGeV2: centreGeV2, k: 1, resolutionGeV2: halfWidthGeV2))
    }
}
