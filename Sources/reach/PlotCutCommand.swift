import ArgumentParser
import Figures
import Foundation
import Physics
import Plot
import Projection
import Scenario

/// `reach plot-cut`: the m0² optimisation of one continuum hypothesis (seed 000 Fig. 7 left).
struct PlotCutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot-cut",
        abstract: "Draw N_exp, δN_exp and the expected N_S and B limits against the cut m0² of a continuum search.",
        discussion: """
            For one hypothesis of a K+ -> mu+ nu X or K+ -> mu+ nu nu nubar scenario: on the grid \
            of cuts m2_miss > m0² the projection searches (analysis.region), the background above \
            m0², its uncertainty, and the CLs expected limits on the signal events and on B with \
            their ±1σ/±2σ bands; the m0² the projection uses is marked. Named FILE-cut.pdf (with \
            the document's name for a file of several).

            Examples:
              reach plot-cut scenarios/na62-kmununu.yaml --mass 100MeV -o figures
              reach plot-cut scenarios/na62-kmunununu.yaml --variant 2 -o figures
            """
    )

    @OptionGroup var input: ScenarioOptions

    @Option(help: "Mediator mass m_X of a K+ -> mu+ nu X search, with its unit (e.g. 100MeV); not for K+ -> mu+ nu nu nubar.")
    var mass: MassArgument?

    @OptionGroup var figureOutput: FigureOutputOptions

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
        _ = try mass?.nonNegativeValue(option: "--mass")
    }

    func run() throws {
        let start = DispatchTime.now()
        try figureOutput.checkFolder()
        let documents = try input.loadDocuments()
        let document = try input.selectedDocument(of: documents)
        let channel = document.channel
        guard channel.isContinuum else {
            throw UsageFailure("\(input.file): channel '\(channel.name)' has no cut m2_miss > m0^2; expected a K+ -> mu+ nu X or K+ -> mu+ nu nu nubar scenario")
        }
        let massGeV: Double
        switch (channel.hasMass, try mass?.nonNegativeValue(option: "--mass")) {
        case (true, nil): throw UsageFailure("--mass: \(channel.name) has a mass axis; expected the mediator mass of one hypothesis, like 100MeV")
        case (false, .some): throw UsageFailure("--mass: \(channel.name) has one hypothesis and no mass; expected no --mass")
        case (true, .some(let value)): massGeV = value
        case (false, nil): massGeV = 0
        }
        if let problem = ParameterScan.massProblem(massGeV, channel: channel) {
            throw UsageFailure("--mass \(problem)")
        }
        let basename = FigureNaming.basename(stem: input.stem, document: documents.count > 1 ? document.documentName : nil, suffix: "cut")
        try OutputFile.checkDistinct(outputs: figureOutput.paths(basename: basename), from: document.inputPaths)
        let index = try input.selectedVariant(in: document)
        let profile: CutProfile?
        do {
            profile = try Projector(generation: simulation.generation, workers: simulation.workers).cutProfile(of: document, variant: index, massGeV: massGeV)
        } catch {
            throw InputFailure("\(error)")
        }
        guard let profile, !profile.rows.isEmpty else {
            throw UsageFailure("--mass \(TableFormatting.format(massGeV * 1000)) MeV: no signal above any cut; expected a mass inside the kinematic range")
        }
        let written = try FigureFiles.write(CutFigure.make(profile, channel: channel), formats: figureOutput.formats,
                                            folder: figureOutput.output, basename: basename)
        figureOutput.messages.summary("m0² optimisation of '\(profile.variant)' (chosen m0² = \(TableFormatting.format(profile.chosenCutGeV2)) GeV²) → \(written.joined(separator: ", ")) in \(elapsedSeconds(since: start))")
    }
}
