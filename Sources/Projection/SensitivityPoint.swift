import Scenario
import Statistics

/// Everything the projection computes at one hypothesis for one variant: the inputs of the
/// counting experiment and the parameter of interest each statistic reaches — |U|² for an HNL
/// channel, the branching fraction B for a continuum channel (`Channel.isContinuum`; the `u2*`
/// fields then hold B, and the table names them `br_*`). One row of `reach project`.
public struct SensitivityPoint: Sendable, Equatable {
    public var massGeV: Double
    /// B(K+ → … N)/|U|².
    public var branchingFractionPerU2: Double
    /// N_K effective of the variant.
    public var kaonDecaysEffective: Double
    /// ε_sig at this mass.
    public var signalAcceptance: Double
    /// Window half-width in σ (fixed, or optimised at this mass).
    public var windowK: Double
    /// erf(k/√2): signal fraction inside the window.
    public var windowSignalFraction: Double
    /// Signal events in the window per unit |U|².
    public var signalPerU2: Double
    /// Expected background events b in the window.
    public var background: Double
    /// δb: the scenario's relative background uncertainty times b (enters the limits).
    public var backgroundUncertainty: Double
    /// Statistical uncertainty of b from the finite generated sample (does not enter the limits).
    public var backgroundMCUncertainty: Double
    /// ⟨ε_bkg⟩ in the window.
    public var vetoPassFraction: Double
    /// |U|² of the detection sensitivity s = z√(b + δb²) (seed 001 Eq. 3); NaN where it is
    /// undefined (b = δb = 0, `SimpleSensitivity.isDefined`).
    public var u2Detection: Double
    /// |U|² of the median expected exclusion s = z√(b + s + δb²); NaN where b = δb = 0.
    public var u2MedianExclusion: Double
    /// |U|² of the CLs expected limit: median and ±1σ/±2σ band edges — of the counting window,
    /// or of the shape fit where the variant's statistic is `shape` (docs/statistics.md §14).
    public var u2CLs: ExpectedLimits
    /// b of each background component, in the order of `SensitivityCurve.backgroundComponents`.
    public var backgroundByComponent: [Double] = []
    /// The cut m0² [GeV²] of a continuum hypothesis (fixed or optimised); nil for a window.
    public var cutGeV2: Double?
    /// B(K+ → μ+ ν X)/g_μ² of a continuum hypothesis whose model defines a coupling; nil else.
    public var branchingFractionPerCouplingSquared: Double?

    public init(massGeV: Double, branchingFractionPerU2: Double, kaonDecaysEffective: Double, signalAcceptance: Double,
                windowK: Double, windowSignalFraction: Double, signalPerU2: Double, background: Double,
                backgroundUncertainty: Double, backgroundMCUncertainty: Double, vetoPassFraction: Double, u2Detection: Double,
                u2MedianExclusion: Double, u2CLs: ExpectedLimits, backgroundByComponent: [Double] = [],
                cutGeV2: Double? = nil, branchingFractionPerCouplingSquared: Double? = nil) {
        self.massGeV = massGeV
        self.branchingFractionPerU2 = branchingFractionPerU2
        self.kaonDecaysEffective = kaonDecaysEffective
        self.signalAcceptance = signalAcceptance
        self.windowK = windowK
        self.windowSignalFraction = windowSignalFraction
        self.signalPerU2 = signalPerU2
        self.background = background
        self.backgroundUncertainty = backgroundUncertainty
        self.backgroundMCUncertainty = backgroundMCUncertainty
        self.vetoPassFraction = vetoPassFraction
        self.u2Detection = u2Detection
        self.u2MedianExclusion = u2MedianExclusion
        self.u2CLs = u2CLs
        self.backgroundByComponent = backgroundByComponent
        self.cutGeV2 = cutGeV2
        self.branchingFractionPerCouplingSquared = branchingFractionPerCouplingSquared
    }

    /// g_μ of the CLs expected median, √(B / (B/g_μ²)); NaN where the model has no coupling.
    public var couplingCLsExpected: Double {
        guard let perCoupling = branchingFractionPerCouplingSquared else { return .nan }
        return (u2CLs.median / perCoupling).squareRoot()
    }

    /// |U|² reached with `statistic`.
    public func u2(_ statistic: Statistic) -> Double {
        switch statistic {
        case .detection: return u2Detection
        case .medianExclusion: return u2MedianExclusion
        case .clsExpected, .shape: return u2CLs.median
        }
    }
}
