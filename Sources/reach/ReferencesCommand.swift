import ArgumentParser
import Physics
import References

extension LeptonFlavour: ExpressibleByArgument {}

/// `reach references`: the bundled published limits, with their ids, ranges and citations.
struct ReferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "references",
        abstract: "List the bundled published limit curves (ids to use in a scenario's figure.references).",
        discussion: """
        Example:
          reach references --flavour electron
        """
    )

    @Option(help: "Only curves for this mixing flavour (\(LeptonFlavour.allCases.map(\.rawValue).joined(separator: ", "))).")
    var flavour: LeptonFlavour?

    func run() throws {
        let library = try ReferenceLibrary.bundled.get()
        let curves = flavour.map { library.curves(flavour: $0) } ?? library.curves
        print(ReferenceListing.text(curves))
    }
}

/// Plain-text listing of reference curves, one block per curve.
enum ReferenceListing {
    static func text(_ curves: [ReferenceCurve]) -> String {
        curves.map { curve in
            let range = "\(format(curve.massRangeMeV.lowerBound))–\(format(curve.massRangeMeV.upperBound)) MeV"
            let arxiv = curve.arxiv.map { ", arXiv:\($0)" } ?? ""
            let shown = curve.showByDefault ? "" : " (extra)"
            return """
            \(curve.flavour.rawValue)/\(curve.id)\(shown): \(curve.label) — \(curve.process), \(curve.kind.rawValue), \(curve.confidenceLevel) CL, \(range)
                \(curve.citation)\(arxiv)
            """
        }.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
