import Scenario
import Statistics

/// The projection of a combined document (`combine:`): each part projected on the
/// combination's masses, then, per combined variant and mass, the joint likelihood of the
/// parts' counting windows as independent channels sharing the parameter
/// (`combinedExpectedLimits`, docs/statistics.md §18). The result holds the combined curves
/// first (labelled "combined: variant"), then every part's curve (labelled "part: variant").
public enum CombinedProjection {
    /// What a combined curve's label starts with, before the variant's label.
    public static let labelPrefix = Combination.curveLabelPrefix

    static func project(_ file: ScenarioFile, combination: Combination, variants: [Int]?, projector: Projector,
                        progress: ((_ variant: Int, _ of: Int) -> Void)?) throws -> DocumentProjection {
        let selected = variants ?? Array(file.variants.indices)
        var partCurves: [[SensitivityCurve]] = []
        for part in combination.parts {
            let indices = selected.map { part.variantIndices[$0] }
            let unique = Array(Set(indices)).sorted()
            let projection = try projector.project(part.document, variants: unique, progress: nil)
            partCurves.append(indices.map { projection.curves[unique.firstIndex(of: $0)!] })
        }
        var curves: [SensitivityCurve] = []
        for (position, index) in selected.enumerated() {
            progress?(position + 1, selected.count)
            let parts = combination.parts.indices.map { (name: combination.parts[$0].document.documentName,
                                                         variant: combination.parts[$0].document.variants[combination.parts[$0].variantIndices[index]],
                                                         curve: partCurves[$0][position]) }
            curves.append(combinedCurve(label: labelPrefix + file.variants[index].label, parts: parts))
        }
        for (partIndex, part) in combination.parts.enumerated() {
            for curve in partCurves[partIndex] {
                var labelled = curve
                labelled.label = partLabel(part, curve)
                if !curves.contains(where: { $0.label == labelled.label }) { curves.append(labelled) }
            }
        }
        return DocumentProjection(title: file.title, channel: file.channel, confidence: file.variants.first?.analysis.confidence ?? 0.90,
                                  curves: curves, name: file.documentName)
    }

    /// "<part name>: <variant label>", or the part's name where the part has one variant.
    static func partLabel(_ part: Combination.Part, _ curve: SensitivityCurve) -> String {
        part.document.variants.count == 1 ? part.document.documentName : "\(part.document.documentName): \(curve.label)"
    }

    /// The combined curve of one variant from the parts' curves on the same masses.
    static func combinedCurve(label: String, parts: [(name: String, variant: Variant, curve: SensitivityCurve)]) -> SensitivityCurve {
        let confidence = parts[0].variant.analysis.confidence
        let points = parts[0].curve.points.indices.map { m -> SensitivityPoint in
            let channels = parts.map { part -> CombinedChannel in
                let point = part.curve.points[m]
                return CombinedChannel(signalPerParameter: point.signalPerU2.isFinite ? max(0, point.signalPerU2) : 0,
                                       experiment: CountingExperiment(background: point.background, backgroundUncertainty: point.backgroundUncertainty,
                                                                      uncertaintyModel: part.variant.analysis.backgroundPrior))
            }
            return combinedPoint(massGeV: parts[0].curve.points[m].massGeV, channels: channels,
                                 mcUncertainties: parts.map { $0.curve.points[m].backgroundMCUncertainty }, confidence: confidence)
        }
        return SensitivityCurve(label: label, kaonDecaysEffective: .nan, confidence: confidence, statistic: .clsExpected, points: points,
                                parts: parts.map { CombinedPart(name: $0.name, prior: $0.variant.analysis.backgroundPrior, points: $0.curve.points) })
    }

    /// One combined point: the summed signal per unit parameter and background (δb in
    /// quadrature), the CLs expected limits of the joint likelihood, and the detection and
    /// median-exclusion sensitivities of seed 001 Eq. 3 generalised to independent channels,
    /// whose squared significances add: Σᵢ sᵢ²/(bᵢ + δbᵢ²) = z² and Σᵢ sᵢ²/(bᵢ + sᵢ + δbᵢ²) = z².
    /// Per-channel quantities (acceptance, window, N_K, ⟨ε_bkg⟩) are not defined (NaN, written empty).
    static func combinedPoint(massGeV: Double, channels: [CombinedChannel], mcUncertainties: [Double], confidence: Double) -> SensitivityPoint {
        let seeing = channels.filter(\.seesSignal)
        let limits = combinedExpectedLimits(channels, confidence: confidence, method: .cls)
        let z = SimpleSensitivity.z(confidence: confidence)
        let detectionInformation = seeing.reduce(0.0) { sum, c in
            let e = c.experiment
            return sum + c.signalPerParameter * c.signalPerParameter / (e.background + e.backgroundUncertainty * e.backgroundUncertainty)
        }
        let detection = detectionInformation > 0 && detectionInformation.isFinite ? z / detectionInformation.squareRoot() : .nan
        let exclusion: Double
        if seeing.isEmpty {
            exclusion = .nan
        } else {
            // Σ (μ a)²/(b + μ a + δb²) rises from 0 with μ: bisection in ln μ from the asymptotic median.
            let information = { (mu: Double) in seeing.reduce(0.0) { sum, c in
                let e = c.experiment, s = mu * c.signalPerParameter
                return sum + s * s / (e.background + s + e.backgroundUncertainty * e.backgroundUncertainty)
            } }
            var lower = limits.median, upper = limits.median
            while information(lower) > z * z { lower /= 2 }
            while information(upper) < z * z { upper *= 2 }
            var steps = 0
            while upper - lower > 1e-12 * upper && steps < 200 {
                let middle = (lower * upper).squareRoot()
                if information(middle) < z * z { lower = middle } else { upper = middle }
                steps += 1
            }
            exclusion = upper
        }
        return SensitivityPoint(massGeV: massGeV, branchingFractionPerU2: .nan, kaonDecaysEffective: .nan, signalAcceptance: .nan,
                                windowK: .nan, windowSignalFraction: .nan,
                                signalPerU2: channels.reduce(0) { $0 + $1.signalPerParameter },
                                background: channels.reduce(0) { $0 + $1.experiment.background },
                                backgroundUncertainty: channels.reduce(0.0) { $0 + $1.experiment.backgroundUncertainty * $1.experiment.backgroundUncertainty }.squareRoot(),
                                backgroundMCUncertainty: mcUncertainties.reduce(0.0) { $0 + $1 * $1 }.squareRoot(),
                                vetoPassFraction: .nan, u2Detection: detection, u2MedianExclusion: exclusion, u2CLs: limits)
    }
}
