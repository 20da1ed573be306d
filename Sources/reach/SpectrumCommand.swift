import ArgumentParser
import Foundation
import Physics
import Projection

/// `reach spectrum`: the normalised true and smeared m²_miss spectrum of a continuum signal as
/// CSV on stdout (`Projection.SignalSpectrumTable`); this command only parses and validates.
struct SpectrumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Print the normalised true and smeared m2_miss spectrum of a continuum signal (CSV).",
        discussion: """
            Output: one header line `m2_miss_GeV2,true_per_GeV2,smeared_per_GeV2`, then one row \
            per bin of --bin-width centred at m2_miss_GeV2: the true dGamma/dm2_miss / Gamma and \
            the same smeared with a Gaussian of --resolution, both averaged over the bin, in \
            GeV^-2. Each column sums to 1 / bin width.

            Example:
              reach spectrum --channel "K+ -> mu+ nu X" --mediator scalar --mass 100MeV
              reach spectrum --channel "K+ -> mu+ nu nu nubar"
            """
    )

    @Option(help: "Continuum signal channel.")
    var channel: Channel

    @Option(help: "The mediator X of K+ -> mu+ nu X: \(Mediator.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mediator: Mediator?

    @Option(parsing: .unconditional, help: "The mediator mass m_X, with its unit (e.g. 100MeV).")
    var mass: MassArgument?

    @Option(parsing: .unconditional, help: "sigma of the reconstructed m2_miss, with its unit.")
    var resolution: QuantityArgument<SquaredMassKind> = QuantityArgument(argument: "1.5e-3GeV^2")!

    @Option(name: .customLong("bin-width"), parsing: .unconditional, help: "Width of the printed bins, with its unit.")
    var binWidth: QuantityArgument<SquaredMassKind> = QuantityArgument(argument: "1e-3GeV^2")!

    func validate() throws { _ = try inputs() }

    func run() throws {
        let (spectrum, sigma, width) = try inputs()
        print(SignalSpectrumTable.csv(spectrum, resolutionGeV2: sigma, binWidthGeV2: width), terminator: "")
    }

    /// The spectrum, σ and bin width; every failure names the option, its value and what was expected.
    private func inputs() throws -> (MissingMassSpectrum, Double, Double) {
        guard channel.isContinuum else {
            let continuum = Channel.allCases.filter(\.isContinuum).map { "'\($0.name)'" }.joined(separator: ", ")
            throw ValidationError("--channel '\(channel.name)' is an HNL peak, not a continuum; expected \(continuum)")
        }
        let sigma = try resolution.positiveValue(option: "--resolution")
        guard sigma <= 1 else { throw ValidationError("--resolution \(resolution.text): expected a squared mass in (0, 1] GeV^2, e.g. 1.5e-3GeV^2") }
        let width = try binWidth.positiveValue(option: "--bin-width")
        guard width >= 1e-6, width <= 0.01 else { throw ValidationError("--bin-width \(binWidth.text): expected a squared mass in [1e-6, 0.01] GeV^2, e.g. 1e-3GeV^2") }
        guard channel.hasMass else {
            if mediator != nil { throw ValidationError("--mediator is for K+ -> mu+ nu X; \(channel.name) has no mediator") }
            if let mass { throw ValidationError("--mass \(mass.text): \(channel.name) has no mass to choose (the Standard-Model spectrum); expected no --mass") }
            return (MuonThreeNeutrinoRate.spectrum, sigma, width)
        }
        guard let mediator else {
            throw ValidationError("--mediator is missing; expected one of \(Mediator.allCases.map(\.rawValue).joined(separator: ", ")) for \(channel.name)")
        }
        guard let mass else { throw ValidationError("--mass is missing; expected the mediator mass m_X of \(channel.name), e.g. 100MeV") }
        let massGeV = try mass.value(option: "--mass")
        let endpoint = channel.endpointGeV
        guard massGeV > 0, massGeV < endpoint, let spectrum = SignalSpectrumTable.spectrum(channel: channel, mediator: mediator, massGeV: massGeV) else {
            throw ValidationError("--mass \(mass.text) is outside the kinematic range of \(channel.name); expected a mass in (0, \(TableFormatting.format(endpoint * 1000))) MeV")
        }
        return (spectrum, sigma, width)
    }
}

extension Mediator: ExpressibleByArgument {}
