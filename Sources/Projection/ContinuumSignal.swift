import DetectorModel
import Physics
import RealModule
import Simulation

/// The signal of a continuum search (K+ → μ+ ν X; seed 000 Sec. 6): a true m²_miss spectrum
/// (`MissingMassSpectrum`, normalised to 1) per unit branching fraction, smeared with the
/// resolution σ(m²_miss) of each true m² (docs/physics.md §10.3):
///
///     events per unit B = N_K · A⁰ · (1 − f_vis),   A⁰ = Σᵢ pᵢ A(m_miss,ᵢ)
///     fraction in [a, b] = Σᵢ pᵢ A(m_miss,ᵢ) · ½[erf((b − sᵢ)/(σᵢ√2)) − erf((a − sᵢ)/(σᵢ√2))] / A⁰
///
/// so N_S = N_K · B · A⁰ · fraction, seed 000's N_S = N_K · B · A with A = A⁰ × (the fraction
/// above m0²). A constant acceptance gives A⁰ = A; a table (`detector.signal_acceptance` with
/// missing masses) weights each true m² with its own acceptance.
public struct ContinuumSignal: SignalModel {
    public let spectrum: MissingMassSpectrum
    public let kaonDecays: Double
    /// A⁰: the acceptance averaged over the true spectrum.
    public let meanAcceptance: Double
    public let visibleDecayFraction: Double
    /// pᵢ A(m_miss,ᵢ)/A⁰ of each true bin.
    let weights: [Double]
    /// σ(m²_miss) at each bin's mean m² [GeV²].
    let sigmasGeV2: [Double]
    /// The resolution's non-Gaussian tail, if any (docs/physics.md §5.8.2).
    public let tail: ResolutionTail?

    public init(spectrum: MissingMassSpectrum, kaonDecays: Double, acceptance: SignalAcceptance,
                resolution: MissingMassResolution, tail: ResolutionTail? = nil, visibleDecayFraction: Double = 0) {
        self.spectrum = spectrum
        self.tail = tail
        self.kaonDecays = kaonDecays
        self.visibleDecayFraction = visibleDecayFraction
        let accepted = zip(spectrum.probabilities, spectrum.meansGeV2).map { p, s in p * acceptance.value(atMassGeV: max(0, s).squareRoot()) }
        let mean = accepted.reduce(0, +)
        meanAcceptance = mean
        weights = mean > 0 ? accepted.map { $0 / mean } : accepted
        sigmasGeV2 = spectrum.meansGeV2.map { resolution.sigmaGeV2(atMissingMassSquaredGeV2: $0) }
    }

    public var eventsPerUnitParameter: Double { kaonDecays * meanAcceptance * (1 - visibleDecayFraction) }

    /// The accepted, smeared fraction inside `region` (type comment).
    public func fraction(in region: SignalRegion) -> Double {
        let range = region.rangeGeV2
        var sum = 0.0
        for i in weights.indices where weights[i] > 0 {
            let scale = sigmasGeV2[i] * 2.0.squareRoot()
            let s = spectrum.meansGeV2[i]
            let upper = range.upperBound.isFinite ? Double.erf((range.upperBound - s) / scale) : 1
            let gaussian = 0.5 * (upper - Double.erf((range.lowerBound - s) / scale))
            sum += weights[i] * (tail?.kernelFraction(gaussian: gaussian, trueGeV2: s, lo: range.lowerBound, hi: range.upperBound) ?? gaussian)
        }
        return min(1, max(0, sum))
    }

    /// The smeared density dP/dm²_miss [GeV⁻²] at reconstructed `m2GeV2`, before acceptance:
    /// Σᵢ pᵢ φ((m² − sᵢ)/σᵢ)/σᵢ. It integrates to 1 over the real line (smearing keeps the
    /// normalisation).
    public func smearedDensity(atGeV2 m2: Double) -> Double {
        var sum = 0.0
        let norm = 1 / (2 * Double.pi).squareRoot()
        for i in spectrum.probabilities.indices {
            let z = (m2 - spectrum.meansGeV2[i]) / sigmasGeV2[i]
            guard abs(z) < 12 else { continue }
            sum += spectrum.probabilities[i] * norm * Double.exp(-0.5 * z * z) / sigmasGeV2[i]
        }
        return sum
    }
}
