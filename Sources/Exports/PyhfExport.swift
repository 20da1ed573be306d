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
                for point in curve.points {
                    guard let workspace = workspace(point, analysis: analysis, parameter: parameter, variant: curve.label, document: document.projection.name) else { continue }
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
        let median = point.u2CLs.median, b = point.background
        guard point.signalPerU2 > 0, point.signalPerU2.isFinite, median.isFinite, median > 0, b.isFinite, b >= 0 else { return nil }
        let reference = referenceValue(near: median)
        // δb of the point (the components' uncertainties combined), not the scenario's relative value.
        let db = point.backgroundUncertainty, relative = b > 0 ? db / b : 0
        var backgroundModifiers: [PyhfWorkspace.Modifier] = []
        if db > 0 && b > 0 {
            switch analysis.backgroundPrior {
            case .gaussian:
                backgroundModifiers.append(.init(name: "background_uncertainty", type: "histosys",
                                                 data: .templates(hi: [b + db], lo: [max(0, b - db)])))
            case .logNormal:
                backgroundModifiers.append(.init(name: "background_uncertainty", type: "normsys",
                                                 data: .factors(hi: 1 + relative, lo: 1 / (1 + relative))))
            }
        }
        let region = "signal_region"
        let upper = point.u2CLs.plus2.isFinite ? max(10, 10 * point.u2CLs.plus2 / reference) : 10
        let mass = "\(parameter.massName) = \(TableFormatting.format(point.massGeV * 1000)) MeV"
        return PyhfWorkspace(
            channels: [.init(name: region, samples: [
                .init(name: "signal", data: [point.signalPerU2 * reference], modifiers: [.init(name: "mu", type: "normfactor", data: nil)]),
                .init(name: "background", data: [b], modifiers: backgroundModifiers),
            ])],
            observations: [.init(name: region, data: [b])],
            measurements: [.init(name: "\(document), \(variant), \(mass): mu = \(parameter.name) / \(TableFormatting.format(reference))",
                                 config: .init(poi: "mu", parameters: [.init(name: "mu", bounds: [[0, upper]], inits: [1])]))])
    }
}
