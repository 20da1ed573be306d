import RealModule
import Simulation

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
/// Gaussian of width σ(m²_miss) centred at m_N² (seed 001 Sec. II).
public struct PeakSignal: SignalModel {
    public var yield: SignalYield
    public var centreGeV2: Double
    public var resolutionGeV2: Double

    public init(yield: SignalYield, centreGeV2: Double, resolutionGeV2: Double) {
        self.yield = yield
        self.centreGeV2 = centreGeV2
        self.resolutionGeV2 = resolutionGeV2
    }

    public var eventsPerUnitParameter: Double { yield.eventsPerU2 }

    /// erf(k/√2) for a window ±kσ centred on the peak (seed 001 Sec. IV); for any other
    /// interval [a, b], ½[erf((b − m²)/(σ√2)) − erf((a − m²)/(σ√2))].
    public func fraction(in region: SignalRegion) -> Double {
        if case .window(let centre, let k, let sigma) = region, centre == centreGeV2, sigma == resolutionGeV2 {
            return SignalWindow(k: k, resolutionGeV2: sigma).signalFraction
        }
        let range = region.rangeGeV2
        let scale = resolutionGeV2 * 2.0.squareRoot()
        return 0.5 * (Double.erf((range.upperBound - centreGeV2) / scale) - Double.erf((range.lowerBound - centreGeV2) / scale))
    }
}
