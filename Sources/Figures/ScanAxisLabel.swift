import Foundation
import Scenario

/// The physics name of a scannable scenario key, for the x axis of a scan figure: a referee
/// reads "hermetic veto angle θ_max [mrad]", not `detector.veto.hermetic_angle`. Keys not
/// named here keep their path. List indices do not change the name (every stream's
/// `kaon_decays` is its K+ decays before the downscaling and trigger efficiency).
public enum ScanAxisLabel {
    /// Key path with list indices as `[]` → markup of the quantity, without its unit.
    static let names: [String: String] = [
        "detector.veto.hermetic_angle": "hermetic veto angle <i>θ</i><sub>max</sub>",
        "detector.veto.inefficiency": "photon-veto inefficiency",
        "detector.veto.regions[].inefficiency": "photon-veto inefficiency of a veto region",
        "detector.veto.regions[].from": "veto region inner angle",
        "detector.veto.regions[].to": "veto region outer angle",
        "detector.resolution": "<i>σ</i>(<i>m</i><sup>2</sup><sub>miss</sub>)",
        "detector.resolution_tail.fraction": "fraction of the resolution tail",
        "detector.resolution_tail.scale": "resolution-tail scale",
        "detector.signal_acceptance": "signal acceptance",
        "detector.background_acceptance": "background acceptance",
        "detector.visible_decay_fraction": "visible-decay fraction",
        "exposure.streams[].kaon_decays": "K<sup>+</sup> decays in the stream (before downscaling)",
        "exposure.streams[].effective_kaon_decays": "effective <i>N</i><sub><i>K</i></sub>",
        "exposure.streams[].prescale": "trigger downscaling",
        "exposure.streams[].trigger_efficiency": "trigger efficiency",
        "analysis.region.m2_miss_above": "<i>m</i><sup>2</sup><sub>miss</sub> cut <i>m</i><sub>0</sub><sup>2</sup>",
        "analysis.region.step": "step of the <i>m</i><sub>0</sub><sup>2</sup> optimisation",
        "analysis.window": "signal window half-width",
        "analysis.confidence": "confidence level",
        "analysis.background_uncertainty": "relative background uncertainty",
        "background[].uncertainty": "relative background uncertainty",
        "background[].rejection": "background rejection factor",
        "background[].normalisation.kaon_decays": "background normalisation <i>N</i><sub><i>K</i></sub>",
    ]

    /// `detector.veto.regions[2].inefficiency` → `detector.veto.regions[].inefficiency`.
    static func pattern(_ path: String) -> String {
        var out = "", skipping = false
        for c in path {
            if c == "[" { skipping = true; out.append("[") } else if c == "]" { skipping = false; out.append("]") } else if !skipping { out.append(c) }
        }
        return out
    }

    /// The label of a stream's `kaon_decays` when the stream is known: the decays in the
    /// fiducial volume are easily read as N_K, which the downscaling makes 100 times smaller,
    /// so the label names the stream and gives N_K (effective) in terms of the axis value.
    public static func markup(path: String, unit: String, streams: [TriggerStream]) -> String {
        let parameter = try? ScenarioParameter.parse(path).get()
        guard pattern(path) == "exposure.streams[].kaon_decays", let parameter,
              case let .index(i)? = parameter.components.dropLast().last, streams.indices.contains(i) else {
            return markup(path: path, unit: unit)
        }
        let stream = streams[i]
        func number(_ v: Double) -> String { String(format: "%g", v) }
        let efficiency = stream.triggerEfficiency == 1 ? "" : " × \(number(stream.triggerEfficiency))"
        let conditions = stream.prescale == 1 && efficiency.isEmpty
            ? "" : ", prescale \(number(stream.prescale))"
        return "K<sup>+</sup> decays in the fiducial volume\n(\(ExclusionFigure.escape(stream.name)) stream\(conditions);\n"
            + "effective <i>N</i><sub><i>K</i></sub> = decays\(efficiency) / \(number(stream.prescale)))"
    }

    /// The axis label: the quantity's name (or the escaped key path) and its unit in brackets.
    public static func markup(path: String, unit: String) -> String {
        let name = names[pattern(path)] ?? ExclusionFigure.escape(path)
        let unitMarkup = unit == "sigma" || unit == "σ" ? "<i>σ</i>" : LabelMarkup.markup(unit)
        return unit.isEmpty ? name : "\(name) [\(unitMarkup)]"
    }
}
