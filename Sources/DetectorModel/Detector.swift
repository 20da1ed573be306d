/// Detector response to signal and background.
public struct Detector: Sendable, Equatable {
    /// σ of the reconstructed m²_miss [GeV²].
    public var resolutionGeV2: Double
    public var veto: PhotonVeto
    /// ε_sig(m_N) (seed 001 Eq. 1).
    public var signalAcceptance: SignalAcceptance
    /// Acceptance for the background decay; seed 001 Fig. 2 implies 10 %. `nil`: same as the
    /// signal acceptance at the mass point.
    public var backgroundAcceptance: Double?
    /// f_vis: fraction of HNLs decaying visibly inside the detector (seed 001 Eq. 1).
    public var visibleDecayFraction: Double

    public init(resolutionGeV2: Double, veto: PhotonVeto, signalAcceptance: SignalAcceptance, backgroundAcceptance: Double? = nil, visibleDecayFraction: Double = 0) {
        self.resolutionGeV2 = resolutionGeV2
        self.veto = veto
        self.signalAcceptance = signalAcceptance
        self.backgroundAcceptance = backgroundAcceptance
        self.visibleDecayFraction = visibleDecayFraction
    }
}
