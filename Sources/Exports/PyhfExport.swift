import Foundation
import Physics
import Projection
import RealModule
import Scenario
import Statistics

/// pyhf workspaces of a projection: one per scenario document, variant and mass point, each a
/// single-bin counting experiment — the window (or cut region) of that hypothesis.
///
/// - **Signal**: sample `signal` with nominal s₁ · P_ref, the events expected at the parameter
///   value P_ref, and a `normfactor` `mu`, the parameter of interest: |U_l|² = mu · P_ref (or
///   B = mu · P_ref for a continuum channel). P_ref is the power of ten nearest `reach`'s CLs
///   expected median, so mu's limit is of order one: pyhf's fits fail on a parameter of
///   interest of order 10⁻⁸ (as |U|² itself would be). The measurement's name states P_ref.
/// - **Background**: sample `background` with nominal b and, when δb > 0, modifier
///   `background_uncertainty` for the point's δb (the components' uncertainties
///   combined, `background_uncertainty` of `reach project`) after the variant's
///   `analysis.background_prior`: for `gaussian`
///   (the default, a Gaussian truncated at b′ = 0 in `reach`) a `histosys` with templates
///   b ± δb — linear interpolation under a unit Gaussian constraint, the same Gaussian
///   untruncated (the low template is cut at 0 when δb ≥ b); for `log-normal` a `normsys`
///   with hi = κ, lo = 1/κ, κ = 1 + δb/b — pyhf's exponential interpolation κ^θ is exactly
///   `reach`'s log-normal prior b κ^θ.
/// - **Observation**: the Asimov background-only data set, exactly b (not rounded).
/// - **Measurement**: POI `mu`, bounds [0, max(10, 10 · (+2σ edge)/P_ref)].
///
/// `reach` averages the Poisson probabilities over the prior (Cousins–Highland); pyhf profiles
/// the constrained nuisance parameter. Points without a finite positive limit (no signal, at or
/// beyond the endpoint) have no workspace.
public enum PyhfExport {
    /// Name of the workspace of a variant (1-based `variantNumber` in the file) at a mass:
    /// `<basename>-v<k>-<mass>MeV.json`, the mass in MeV with up to 6 significant digits.
    public static func fileName(basename: String, variantNumber: Int, massGeV: Double) -> String {
        "\(basename)-v\(variantNumber)-\(TableFormatting.format(massGeV * 1000))MeV.json"
    }

    /// Every workspace of the documents, in file, variant and mass order.
    public static func files(_ documents: [ProjectedDocument]) -> [ExportedFile] {
        var files: [ExportedFile] = []
        for document in documents {
            let parameter = ParameterOfInterest(channel: document.projection.channel)
            for curve in document.projection.curves {
                guard let (variant, number) = document.variant(of: curve) else { continue }
                let analysis = variant.analysis
                for (index, point) in curve.points.enumerated() {
                    let built = curve.isCombination
                        ? combinedWorkspace(point, parts: curve.parts.map { ($0.name, $0.prior, $0.points[index]) }, parameter: parameter,
                                            variant: curve.label, document: document.projection.name)
                        : workspace(point, analysis: analysis, parameter: parameter, variant: curve.label, document: document.projection.name)
                    guard let workspace = built else { continue }
                    files.append(ExportedFile(name: fileName(basename: document.basename, variantNumber: number, massGeV: point.massGeV),
                                              text: TableFormatting.json(workspace)))
                }
            }
        }
        return files
    }

    /// The power of ten nearest `value` (> 0, finite), in log: 10^round(log₁₀ value).
    static func referenceValue(near value: Double) -> Double {
        Double.pow(10, Double.log10(value).rounded())
    }

    /// The workspace of one point, or nil where it has no finite positive limit.
    static func workspace(_ point: SensitivityPoint, analysis: Analysis, parameter: ParameterOfInterest, variant: String, document: String) -> PyhfWorkspace? {
        guard let reference = reference(of: point), point.signalPerU2 > 0, point.signalPerU2.isFinite, point.background.isFinite, point.background >= 0 else { return nil }
        let region = self.region(point, prior: analysis.backgroundPrior, name: "signal_region", uncertaintyName: "background_uncertainty", reference: reference)
        return assemble([region], point: point, reference: reference, parameter: parameter, variant: variant, document: document)
    }

    /// The workspace of one point of a combined curve: one channel per part that sees the
    /// signal there (named after the part, each with its own uncertainty modifier
    /// `background_uncertainty_<part>`: the parts are independent), sharing `mu`.
    static func combinedWorkspace(_ point: SensitivityPoint, parts: [(name: String, prior: BackgroundUncertaintyModel, point: SensitivityPoint)],
                                  parameter: ParameterOfInterest, variant: String, document: String) -> PyhfWorkspace? {
        guard let reference = reference(of: point) else { return nil }
        let regions = parts.filter { $0.point.signalPerU2 > 0 && $0.point.signalPerU2.isFinite && $0.point.background.isFinite && $0.point.background >= 0 }
            .map { region($0.point, prior: $0.prior, name: $0.name, uncertaintyName: "background_uncertainty_\($0.name)", reference: reference) }
        guard !regions.isEmpty else { return nil }
        return assemble(regions, point: point, reference: reference, parameter: parameter, variant: variant, document: document)
    }

    /// P_ref for a point with a finite positive CLs median, else nil.
    static func reference(of point: SensitivityPoint) -> Double? {
        let median = point.u2CLs.median
        guard median.isFinite, median > 0 else { return nil }
        return referenceValue(near: median)
    }

    /// One single-bin channel: the signal at P_ref with the `mu` normfactor, the background with
    /// its uncertainty after the prior (see the type's comment), and its Asimov observation b.
    static func region(_ point: SensitivityPoint, prior: BackgroundUncertaintyModel, name: String, uncertaintyName: String,
                       reference: Double) -> (channel: PyhfWorkspace.Channel, observation: PyhfWorkspace.Observation) {
        let b = point.background
        // δb of the point (the components' uncertainties combined), not the scenario's relative value.
        let db = point.backgroundUncertainty, relative = b > 0 ? db / b : 0
        var backgroundModifiers: [PyhfWorkspace.Modifier] = []
        if db > 0 && b > 0 {
            switch prior {
            case .gaussian:
                backgroundModifiers.append(.init(name: uncertaintyName, type: "histosys", data: .templates(hi: [b + db], lo: [max(0, b - db)])))
            case .logNormal:
                backgroundModifiers.append(.init(name: uncertaintyName, type: "normsys", data: .factors(hi: 1 + relative, lo: 1 / (1 + relative))))
            }
        }
        let channel = PyhfWorkspace.Channel(name: name, samples: [
            .init(name: "signal", data: [point.signalPerU2 * reference], modifiers: [.init(name: "mu", type: "normfactor", data: nil)]),
            .init(name: "background", data: [b], modifiers: backgroundModifiers),
        ])
        return (channel, .init(name: name, data: [b]))
    }

    /// The workspace of the channels, with the measurement naming P_ref and bounding `mu` to
    /// [0, max(10, 10 · (+2σ edge)/P_ref)].
    static func assemble(_ regions: [(channel: PyhfWorkspace.Channel, observation: PyhfWorkspace.Observation)], point: SensitivityPoint,
                         reference: Double, parameter: ParameterOfInterest, variant: String, document: String) -> PyhfWorkspace {
        let upper = point.u2CLs.plus2.isFinite ? max(10, 10 * point.u2CLs.plus2 / reference) : 10
        let mass = "\(parameter.massName) = \(TableFormatting.format(point.massGeV * 1000)) MeV"
        return PyhfWorkspace(
            channels: regions.map(\.channel),
            observations: regions.map(\.observation),
            measurements: [.init(name: "\(document), \(variant), \(mass): mu = \(parameter.name) / \(TableFormatting.format(reference))",
                                 config: .init(poi: "mu", parameters: [.init(name: "mu", bounds: [[0, upper]], inits: [1])]))])
    }
}
