import RealModule

/// The signal window m_N² ± kσ and the signal it keeps.
///
/// The reconstructed signal is a Gaussian in m²_miss centred at m_N² with width σ(m²)
/// (seed 001 Sec. II), so a window of ±kσ keeps erf(k/√2) of it (seed 001 Sec. IV).
public struct SignalWindow: Sendable, Equatable {
    /// Half-width in units of the resolution.
    public var k: Double
    /// σ(m²_miss) [GeV²].
    public var resolutionGeV2: Double

    public init(k: Double, resolutionGeV2: Double) {
        self.k = k
        self.resolutionGeV2 = resolutionGeV2
    }

    /// Fraction of the signal inside the window, erf(k/√2).
    public var signalFraction: Double { Double.erf(k / 2.0.squareRoot()) }

    /// Half-width kσ [GeV²].
    public var halfWidthGeV2: Double { k * resolutionGeV2 }
}
