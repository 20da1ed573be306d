import Foundation
import Physics
import Projection
import Scenario
import Statistics
import Yams

/// A HEPData submission of a projection (hepdata-validator's schemas 1.1.1): `submission.yaml`,
/// whose first document describes the submission and lists the scenario file as an additional
/// resource and whose further documents describe one table each, and one data file per scenario
/// document, `<basename>-limits.yaml`.
///
/// A table has the mass (m_N or m_X, MeV) as independent variable and, per variant, its
/// expected limit on the parameter of interest (|U_l|², or B for a continuum channel): the
/// variant's statistic (`analysis.statistic`) when it is not CLs, then the CLs expected median
/// and its −1σ, +1σ, −2σ and +2σ edges, each a column of its own (not errors). Qualifiers give
/// the CL, the statistic, the band, the variant, N_K and the background prior. A projection has
/// no observed limit, so there is none.
public enum HEPDataSubmission {
    /// The name of the submission file.
    public static let submissionFileName = "submission.yaml"

    /// The data file of a document.
    public static func dataFileName(basename: String) -> String { basename + "-limits.yaml" }

    /// The files of the submission: `submission.yaml`, one data file per document, and the
    /// scenario file itself (`scenarioName`, its bytes `scenarioData`), in that order.
    public static func files(_ documents: [ProjectedDocument], scenarioName: String, scenarioData: Data, toolVersion: String) throws -> [ExportedFile] {
        var submission = [try yaml(Overview(
            comment: "Projected sensitivity computed by reach \(toolVersion) from the scenario file \(scenarioName) "
                + "(reach project \(scenarioName) gives the same numbers as a table). Expected limits only: a projection has no observed limit.",
            additionalResources: [.init(location: scenarioName,
                                        description: "The reach scenario file these limits were projected from (reach \(toolVersion)).")]))]
        var data: [ExportedFile] = []
        for document in documents {
            let name = dataFileName(basename: document.basename)
            submission.append(try yaml(tableEntry(document, dataFile: name)))
            data.append(ExportedFile(name: name, text: try yaml(table(document))))
        }
        return [ExportedFile(name: submissionFileName, text: submission.joined(separator: "---\n"))]
            + data + [ExportedFile(name: scenarioName, data: scenarioData)]
    }

    // MARK: - submission.yaml

    /// The first document of `submission.yaml`.
    struct Overview: Encodable {
        var comment: String
        var additionalResources: [Resource]

        enum CodingKeys: String, CodingKey {
            case comment
            case additionalResources = "additional_resources"
        }
    }

    struct Resource: Encodable {
        var location: String
        var description: String
    }

    /// One table's document of `submission.yaml`.
    struct TableEntry: Encodable {
        var name: String
        var description: String
        var keywords: [Keyword]
        var dataFile: String

        enum CodingKeys: String, CodingKey {
            case name, description, keywords
            case dataFile = "data_file"
        }
    }

    struct Keyword: Encodable {
        var name: String
        var values: [String]
    }

    /// HEPData's longest table name.
    static let longestName = 64

    static func tableEntry(_ document: ProjectedDocument, dataFile: String) -> TableEntry {
        let projection = document.projection
        let parameter = ParameterOfInterest(channel: projection.channel)
        let name = String("Expected \(parameter.name) limits, \(projection.name)".prefix(longestName))
        let cls = Set(projection.curves.map(\.confidence)).sorted().map(percent).joined(separator: ", ")
        let description = "\(projection.title): expected upper limits on \(parameter.name) at \(cls) CL against the "
            + "\(parameter.massDescription) \(parameter.massName) in \(projection.channel.name), projected by reach for "
            + "\(projection.curves.count) variant(s): \(projection.curves.map { "'\($0.label)'" }.joined(separator: ", ")). "
            + "Per variant: its statistic, then the CLs expected median and the edges of its ±1σ and ±2σ bands as separate columns."
        return TableEntry(name: name, description: description, keywords: [
            Keyword(name: "reactions", values: [HEPDataVocabulary.reaction(projection.channel)]),
            Keyword(name: "observables", values: [HEPDataVocabulary.observable]),
            Keyword(name: "phrases", values: HEPDataVocabulary.phrases(projection.channel)),
        ], dataFile: dataFile)
    }

    // MARK: - Data files

    static func table(_ document: ProjectedDocument) -> HEPDataTable {
        let projection = document.projection
        let parameter = ParameterOfInterest(channel: projection.channel)
        let masses = projection.curves.first?.points.map(\.massGeV) ?? []
        let mass = HEPDataTable.Variable(header: .init(name: parameter.massName, units: "MeV"), qualifiers: nil,
                                         values: masses.map { .init(value: .init(number: $0 * 1000)) })
        var columns: [HEPDataTable.Variable] = []
        for curve in projection.curves {
            let variant = document.variant(of: curve)?.variant
            var common = [HEPDataTable.Qualifier(name: "CL", value: percent(curve.confidence)),
                          .init(name: "variant", value: curve.label),
                          curve.isCombination ? .init(name: "combines", value: curve.parts.map(\.name).joined(separator: " + "))
                              : .init(name: "N_K (effective)", value: TableFormatting.format(curve.kaonDecaysEffective))]
            if let mediator = variant?.mediator { common.append(.init(name: "mediator", value: mediator.rawValue)) }
            if let analysis = variant?.analysis {
                let uncertain = curve.points.contains { $0.backgroundUncertainty > 0 }
                common.append(.init(name: "background prior", value: priorText(analysis.backgroundPrior, uncertain: uncertain)))
            }
            func column(_ header: String, statistic: String, band: String, _ value: (SensitivityPoint) -> Double) -> HEPDataTable.Variable {
                let bandName = band == "median" ? "" : ", \(band) edge"
                return .init(header: .init(name: "\(parameter.name) \(header)\(bandName)", units: nil),
                             qualifiers: [.init(name: "statistic", value: statistic)] + common + [.init(name: "band", value: band)],
                             values: curve.points.map { .init(value: .init(number: value($0))) })
            }
            if curve.statistic != .clsExpected {
                let header = curve.statistic == .detection ? "detection sensitivity" : "median expected exclusion"
                columns.append(column(header, statistic: statisticText(curve.statistic), band: "median") { $0.u2(curve.statistic) })
            }
            let cls = statisticText(.clsExpected)
            columns.append(column("CLs expected limit", statistic: cls, band: "median") { $0.u2CLs.median })
            columns.append(column("CLs expected limit", statistic: cls, band: "-1 sigma") { $0.u2CLs.minus1 })
            columns.append(column("CLs expected limit", statistic: cls, band: "+1 sigma") { $0.u2CLs.plus1 })
            columns.append(column("CLs expected limit", statistic: cls, band: "-2 sigma") { $0.u2CLs.minus2 })
            columns.append(column("CLs expected limit", statistic: cls, band: "+2 sigma") { $0.u2CLs.plus2 })
        }
        return HEPDataTable(independentVariables: [mass], dependentVariables: columns)
    }

    /// How each statistic is computed, for its qualifier (docs/statistics.md §2, §3, §4–§8).
    static func statisticText(_ statistic: Statistic) -> String {
        switch statistic {
        case .detection: return "detection sensitivity s = z sqrt(b + db^2) (reach detection)"
        case .medianExclusion: return "median expected exclusion s = z sqrt(b + s + db^2) (reach median-exclusion)"
        case .clsExpected: return "CLs expected, background-only, exact Poisson below b = 1000, asymptotic above 3000 (reach cls-expected)"
        case .shape: return "CLs expected from a binned m2_miss shape fit, Asimov data set and qtilde_mu, asymptotic (reach shape)"
        }
    }

    /// `90%`, `95%`, `99.9%`.
    static func percent(_ confidence: Double) -> String { TableFormatting.format(confidence * 100) + "%" }

    /// The prior on b of a curve: `truncated Gaussian` or `log-normal` (δb per mass point is
    /// `background_uncertainty` of `reach project`), or `none (db = 0)` where no point has δb.
    static func priorText(_ prior: BackgroundUncertaintyModel, uncertain: Bool) -> String {
        guard uncertain else { return "none (db = 0)" }
        return prior == .gaussian ? "truncated Gaussian (db per mass point: reach project, column background_uncertainty)"
            : "log-normal (db per mass point: reach project, column background_uncertainty)"
    }

    /// YAML of `value` through Yams, in declaration order, Unicode written as such.
    static func yaml<T: Encodable>(_ value: T) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        return try encoder.encode(value)
    }
}
