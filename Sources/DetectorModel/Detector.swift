/// Detector response to signal and background.
public struct Detector: Sendable, Equatable {
    /// σ of the reconstructed m²_miss, constant or as a function of the missing mass.
    public var resolution: MissingMassResolution
    /// The constant σ [GeV²], or the largest σ of a table; setting it makes the resolution
    /// constant (`reach scan --parameter detector.resolution`).
    public var resolutionGeV2: Double {
        get { resolution.largestGeV2 }
        set { resolution = .constant(newValue) }
    }
    /// A non-Gaussian tail of the resolution shared by every source (nil: Gaussian only).
    public var resolutionTail: ResolutionTail?
    public var veto: PhotonVeto
    /// ε_sig(m_N) (seed 001 Eq. 1).
    public var signalAcceptance: SignalAcceptance
    /// Acceptance for the background decay; seed 001 Fig. 2 implies 10 %. `nil`: same as the
    /// signal acceptance at the mass point.
    public var backgroundAcceptance: Double?
    /// f_vis: fraction of HNLs decaying visibly inside the detector (seed 001 Eq. 1).
    public var visibleDecayFraction: Double

    public init(resolution: MissingMassResolution, resolutionTail: ResolutionTail? = nil, veto: PhotonVeto, signalAcceptance: SignalAcceptance,
                backgroundAcceptance: Double? = nil, visibleDecayFraction: Double = 0) {
        self.resolution = resolution
        self.resolutionTail = resolutionTail
        self.veto = veto
        self.signalAcceptance = signalAcceptance
        self.backgroundAcceptance = backgroundAcceptance
        self.visibleDecayFraction = visibleDecayFraction
    }

    /// A detector with a constant resolution σ = `resolutionGeV2` [GeV²].
    public init(resolutionGeV2: Double, veto: PhotonVeto, signalAcceptance: SignalAcceptance, backgroundAcceptance: Double? = nil, visibleDecayFraction: Double = 0) {
        self.init(resolution: .constant(resolutionGeV2), veto: veto, signalAcceptance: signalAcceptance,
                  backgroundAcceptance: backgroundAcceptance, visibleDecayFraction: visibleDecayFraction)
    }
}
