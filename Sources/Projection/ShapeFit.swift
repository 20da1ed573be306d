import Scenario
import Simulation
import Statistics

/// The binned m²_miss spectrum of one peak hypothesis for `statistic: shape`: bins of
/// `analysis.shape` around m_N² (in units of σ(m²_miss) at the hypothesis), the signal shape
/// from the signal model (`SignalModel.fraction(in:)` per bin) and the background from the
/// composition (`BackgroundComposition.estimate(in:)` per bin), its normalisation one nuisance
/// parameter constrained by the composition's relative uncertainty over the range (or free),
/// then `ShapeExperiment`'s Asimov CLs limits (docs/statistics.md §14).
struct ShapeFit {
    var binning: ShapeBinning
    var centreGeV2: Double
    var resolutionGeV2: Double

    /// The limits in signal events inside the fitted range, with the signal per unit parameter
    /// there (to convert them), and the experiment they come from.
    struct Limits {
        var events: ExpectedLimits
        var signalPerU2: Double
        var experiment: ShapeExperiment
    }

    /// The bins' m²_miss edges [GeV²].
    var edgesGeV2: [Double] { binning.edgesSigmas.map { centreGeV2 + $0 * resolutionGeV2 } }

    /// The shape experiment: per bin the signal as a share of the signal in the range (so that
    /// μ counts signal events in the range) and the background in events.
    func experiment(signal: any SignalModel, background: BackgroundComposition) -> (experiment: ShapeExperiment, signalFraction: Double) {
        let edges = edgesGeV2
        var fractions: [Double] = [], backgrounds: [Double] = []
        fractions.reserveCapacity(edges.count - 1)
        backgrounds.reserveCapacity(edges.count - 1)
        var uncertainty = 0.0
        for i in 0..<(edges.count - 1) {
            let bin = SignalRegion.interval(lowerGeV2: edges[i], upperGeV2: edges[i + 1])
            fractions.append(signal.fraction(in: bin))
            let estimate = background.estimate(in: bin)
            backgrounds.append(estimate.total.events)
            uncertainty += estimate.uncertainty
        }
        let total = fractions.reduce(0, +), b = backgrounds.reduce(0, +)
        // δ of the normalisation: the composition's δb over the range relative to b there (bin
        // by bin δb adds linearly: one scale for all bins).
        let relative = b > 0 ? uncertainty / b : 0
        let normalisation: BackgroundNormalisation = binning.freeNormalisation ? .free : relative > 0 ? .constrained(relativeUncertainty: relative) : .fixed
        let shares = total > 0 ? fractions.map { $0 / total } : fractions
        return (ShapeExperiment(signal: shares, background: backgrounds, normalisation: normalisation), total)
    }

    /// Expected limits on the signal events in the range; NaN where a bin's background is out of
    /// the statistics' range (not finite, or above 10³⁰⁰).
    func expectedLimits(signal: any SignalModel, background: BackgroundComposition, confidence: Double) -> Limits {
        let (experiment, fraction) = self.experiment(signal: signal, background: background)
        let signalPerU2 = signal.eventsPerUnitParameter * fraction
        guard experiment.background.allSatisfy({ CountingExperiment.isInRange(events: $0) }), fraction > 0 else {
            return Limits(events: ExpectedLimits(all: fraction > 0 ? .nan : .infinity), signalPerU2: signalPerU2, experiment: experiment)
        }
        return Limits(events: experiment.expectedLimits(confidence: confidence), signalPerU2: signalPerU2, experiment: experiment)
    }
}
