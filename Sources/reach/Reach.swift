import ArgumentParser

/// `reach`: sensitivity projections for heavy-neutral-lepton searches in kaon decays.
@main
struct Reach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Plan missing-mass searches for heavy neutral leptons in K+ decays.",
        version: "0.1.0",
        subcommands: [BackgroundCommand.self, BranchingCommand.self, ExportCommand.self, LimitCommand.self, PlotBackgroundCommand.self, PlotCommand.self, PlotCutCommand.self, ProjectCommand.self, ReferencesCommand.self, ScanCommand.self, SpectrumCommand.self, ValidateCommand.self]
    )
}
