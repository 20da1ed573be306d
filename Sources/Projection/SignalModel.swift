import RealModule
import Simulation
import DetectorModel

/// What one hypothesis puts into the reconstructed m²_miss spectrum: its expected events per
/// unit of the parameter of interest before any cut, and the fraction of them inside a region.
/// A limit on signal events n in a region becomes a limit on the parameter as
/// n / (eventsPerUnitParameter · fraction(in: region)), for every statistic (the signal is
/// linear in the parameter).
///
/// - `PeakSignal`: an HNL, a Gaussian peak at m_N² with σ(m²_miss), per unit |U|² (seed 001
///   Eq. 1 and Sec. II; docs/physics.md §4).
///
/// Continuum signals (K+ → μ+ ν X, K+ → μ+ ν ν ν̄; seed 000 Sec. 6) are further conformances:
/// a smeared spectrum per unit branching fraction, integrated over the region.
public protocol SignalModel: Sendable {
    /// Expected signal events per unit of the parameter of interest, before the region cut.
    var eventsPerUnitParameter: Double { get }
    /// The fraction of the reconstructed signal inside `region`, in [0, 1].
    func fraction(in region: SignalRegion) -> Double
}

/// The signal of an HNL of mass m_N: s_tot per |U|² (seed 001 Eq. 1, `SignalYield`) in a
/// Gaussian of width σ(m²_miss) centred at m_N² (seed 001 Sec. II), with the resolution's
/// non-Gaussian tail when the detector has one (docs/physics.md §5.8.2).
public struct PeakSignal: SignalModel {
    public var yield: SignalYield
    public var centreGeV2: Double
    public var resolutionGeV2: Double
    public var tail: ResolutionTail?

    public init(yield: SignalYield, centreGeV2: Double, resolutionGeV2: Double, tail: ResolutionTail? = nil) {
        self.yield = yield
        self.centreGeV2 = centreGeV2
        self.resolutionGeV2 = resolutionGeV2
        self.tail = tail
    }

    public var eventsPerUnitParameter: Double { yield.eventsPerU2 }

    /// erf(k/√2) for a window ±kσ centred on the peak (seed 001 Sec. IV); for any other
    /// interval [a, b], ½[erf((b − m²)/(σ√2)) − erf((a − m²)/(σ√2))]; with a tail of fraction
    /// f, (1 − f) times that plus f times the tail's share of [a − m², b − m²].
    public func fraction(in region: SignalRegion) -> Double {
        let core: Double
        if case .window(let centre, let k, let sigma) = region, centre == centreGeV2, sigma == resolutionGeV2 {
            core = SignalWindow(k: k, resolutionGeV2: sigma).signalFraction
        } else {
            let range = region.rangeGeV2
            let scale = resolutionGeV2 * 2.0.squareRoot()
            core = 0.5 * (Double.erf((range.upperBound - centreGeV2) / scale) - Double.erf((range.lowerBound - centreGeV2) / scale))
        }
        guard let tail else { return core }
        let range = region.rangeGeV2
        return tail.kernelFraction(gaussian: core, trueGeV2: centreGeV2, lo: range.lowerBound, hi: range.upperBound)
    }
}
