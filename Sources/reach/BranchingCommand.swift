import ArgumentParser
import Foundation
import Physics

/// `reach branching`: the production branching fraction B(K+ → … N)/|U_l|² of one channel on a
/// mass grid, as CSV on stdout. The physics and the grid live in `Physics.BranchingTable`; this
/// command only parses, validates and formats.
struct BranchingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "branching",
        abstract: "Print B(K+ -> ... N)/|U|^2 of a production channel on a mass grid (CSV).",
        discussion: """
            Output: one header line `mass_MeV,br_per_U2`, then one row per mass. Masses at or \
            beyond the channel's kinematic endpoint give 0. Three-body channels are normalised \
            to the measured K_l3 rate, two-body channels to K_l2 (PDG 2020).

            Example:
              reach branching --channel "K+ -> pi0 e+ N" --from 0MeV --to 360MeV --step 5MeV
            """
    )

    @Option(help: "Production channel.")
    var channel: Channel

    @Option(parsing: .unconditional, help: "First HNL mass, with its unit (e.g. 0MeV, 0.1GeV).")
    var from: MassArgument

    @Option(parsing: .unconditional, help: "Last HNL mass, with its unit; included when it lies on the grid.")
    var to: MassArgument

    @Option(parsing: .unconditional, help: "Mass step, with its unit (e.g. 5MeV).")
    var step: MassArgument

    func validate() throws {
        _ = try massGridGeV()
    }

    func run() throws {
        let table = BranchingTable(channel: channel, massesGeV: try massGridGeV())
        var output = "mass_MeV,br_per_U2\n"
        for row in table.rows {
            output += "\(Self.formatMassMeV(row.massGeV)),\(Self.formatBranching(row.branchingFractionPerU2))\n"
        }
        print(output, terminator: "")
    }

    /// The validated grid [GeV]; every failure names the option, the text as written and what
    /// was expected.
    private func massGridGeV() throws -> [Double] {
        let fromGeV = try from.value(option: "--from")
        let toGeV = try to.value(option: "--to")
        let stepGeV = try step.value(option: "--step")
        if fromGeV < 0 { throw ValidationError("--from '\(from.text)' is a negative mass; expected a mass ≥ 0") }
        if toGeV < 0 { throw ValidationError("--to '\(to.text)' is a negative mass; expected a mass ≥ 0") }
        if stepGeV <= 0 { throw ValidationError("--step '\(step.text)' is not positive; expected a mass step > 0") }
        switch BranchingTable.massGridGeV(fromGeV: fromGeV, toGeV: toGeV, stepGeV: stepGeV) {
        case .success(let masses):
            return masses
        case .failure(.reversedRange):
            throw ValidationError("--from '\(from.text)' lies above --to '\(to.text)'; expected from ≤ to")
        case .failure(let error):
            throw ValidationError("--from '\(from.text)' --to '\(to.text)' --step '\(step.text)': \(error)")
        }
    }

    /// Mass in MeV with at most six decimals, trailing zeros trimmed: `0`, `5`, `357.5`.
    static func formatMassMeV(_ massGeV: Double) -> String {
        var text = String(format: "%.6f", massGeV * 1000)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Branching fraction with six significant digits: `5.07000e-02`; exact zero prints `0`.
    static func formatBranching(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.5e", value)
    }
}

/// Channels as command-line choices: `--help` lists them and a wrong name is rejected with the list.
extension Channel: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}
