import DetectorModel
import Physics
import Simulation

/// `reach spectrum`: the normalised true and smeared m²_miss spectrum of a continuum signal as
/// CSV (`m2_miss_GeV2,true_per_GeV2,smeared_per_GeV2`), for a user to check the physics
/// (docs/physics.md §10). Each row is a bin of width w centred at `m2_miss_GeV2`, and both
/// densities are bin averages — the probability in the bin divided by w — so Σ density · w = 1
/// for each column over the printed range (the true spectrum's kinematic range, widened by
/// 6σ for the smeared one).
public enum SignalSpectrumTable {
    public static let header = "m2_miss_GeV2,true_per_GeV2,smeared_per_GeV2"

    /// The true spectrum of `channel`: K+ → μ+ ν X with `mediator` at `massGeV` (nil outside
    /// (0, m_K − m_μ)), or the Standard-Model K+ → μ+ ν ν ν̄ (no mediator, no mass).
    public static func spectrum(channel: Channel, mediator: Mediator?, massGeV: Double?) -> MissingMassSpectrum? {
        channel.continuumSpectrum(mediator: mediator ?? .scalar, massGeV: massGeV ?? 0)
    }

    /// The CSV of `spectrum` smeared with a constant σ = `resolutionGeV2`, in bins of
    /// `binWidthGeV2` aligned on multiples of the width.
    public static func csv(_ spectrum: MissingMassSpectrum, resolutionGeV2: Double, binWidthGeV2: Double) -> String {
        let signal = ContinuumSignal(spectrum: spectrum, kaonDecays: 1, acceptance: .constant(1), resolution: .constant(resolutionGeV2))
        let range = spectrum.rangeGeV2
        let first = ((range.lowerBound - 6 * resolutionGeV2) / binWidthGeV2).rounded(.down)
        let last = ((range.upperBound + 6 * resolutionGeV2) / binWidthGeV2).rounded(.up)
        var out = header + "\n"
        var index = first
        while index < last {
            let lower = index * binWidthGeV2, upper = (index + 1) * binWidthGeV2
            let trueFraction = spectrum.fraction(aboveGeV2: lower) - spectrum.fraction(aboveGeV2: upper)
            let smeared = signal.fraction(in: .interval(lowerGeV2: lower, upperGeV2: upper))
            out += [TableFormatting.format(0.5 * (lower + upper)), TableFormatting.format(trueFraction / binWidthGeV2),
                    TableFormatting.format(smeared / binWidthGeV2)].joined(separator: ",") + "\n"
            index += 1
        }
        return out
    }
}
