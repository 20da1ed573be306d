import Foundation
import Physics
import DetectorModel

/// The resolved content of a scenario file as text, one fact per line, for `reach validate`:
/// what the tool understood, in the units physicists quote (MeV, GeV^2, mrad), so a slip in the
/// YAML shows before any projection is run.
public enum ScenarioSummary {
    /// The summary of every document of a file: for one document as `lines(for:)`; for several,
    /// a line naming them, then each document's summary headed `file [name]: valid`.
    public static func lines(forDocuments files: [ScenarioFile]) -> [String] {
        guard files.count > 1, let first = files.first else { return files.flatMap { lines(for: $0) } }
        let heading = "\(first.path): \(files.count) scenario documents: " + files.map(\.documentName).joined(separator: ", ")
        return [heading] + files.flatMap { lines(for: $0, heading: "\($0.path) [\($0.documentName)]: valid") }
    }

    /// The summary of one document; a `name` written in it is stated.
    public static func lines(for file: ScenarioFile) -> [String] {
        var summary = lines(for: file, heading: "\(file.path): valid")
        if let name = file.name { summary.insert("  name: \(name)", at: 1) }
        return summary
    }

    private static func lines(for file: ScenarioFile, heading: String) -> [String] {
        var lines = [
            heading,
            "  title: \(file.title)",
            "  channel: \(file.channel.name) (endpoint \(mev(file.channel.endpointGeV)), constrains |U_\(file.channel.flavour == .electron ? "e" : "mu")|^2)",
            "  masses: \(mev(file.masses.fromGeV)) to \(mev(file.masses.toGeV)) in steps of \(mev(file.masses.stepGeV)) (\(file.masses.massesGeV.count) points)",
        ]
        if let combination = file.combination {
            // A combination: which variant of each part every combined variant joins.
            lines.append("  combines: " + combination.parts.map { "'\($0.document.documentName)' (\($0.document.channel.name))" }.joined(separator: ", ")
                         + " as independent channels (joint likelihood, CLs expected limits)")
            for (index, scenario) in file.variants.enumerated() {
                let joined = combination.parts.map { part in
                    "'\(part.document.documentName)' variant '\(part.document.variants[part.variantIndices[index]].label)'"
                }
                lines.append("  variant '\(scenario.label)': " + joined.joined(separator: " + "))
            }
        } else {
            for scenario in file.variants {
                lines.append("  variant '\(scenario.label)':")
                lines += variantLines(scenario, channel: file.channel).map { "    " + $0 }
            }
        }
        lines.append("  figure: " + figureLine(file.figure))
        return lines
    }

    static func variantLines(_ scenario: Variant, channel: Channel) -> [String] {
        let detector = scenario.detector
        var lines = ["N_K effective: \(sci(scenario.exposure.effectiveKaonDecays))"]
        lines += scenario.exposure.streams.map { "  stream '\($0.name)': " + streamLine($0) }
        lines.append("resolution: " + resolutionText(detector.resolution))
        if let tail = detector.resolutionTail { lines.append("resolution tail: " + tailText(tail)) }
        lines.append("veto: " + vetoLine(detector.veto))
        let background = detector.backgroundAcceptance.map { plain($0) } ?? "same as signal"
        lines.append("acceptance: signal \(acceptanceText(detector.signalAcceptance)), background \(background), visible decay fraction \(plain(detector.visibleDecayFraction))")
        lines += backgroundLines(scenario, channel: channel)
        let analysis = scenario.analysis
        let window: String
        switch analysis.window {
        case .fixed(let k): window = "+-\(plain(k)) sigma"
        case .optimal: window = "optimal per mass"
        case .cut(let threshold): window = "m2_miss >= \(plain(threshold)) GeV^2"
        case .optimalCut(let step): window = "m2_miss >= m0^2 optimal per mass (step \(plain(step)) GeV^2)"
        }
        if let mediator = scenario.mediator { lines.append("signal: mediator \(mediator.rawValue) (\(mediator.description))") }
        lines.append("analysis: \(analysis.statistic.rawValue), window \(window), CL \(plain(analysis.confidence * 100)) %, "
                     + "background uncertainty " + uncertaintyText(analysis) + " (\(analysis.backgroundPrior.rawValue) prior)")
        if analysis.statistic == .shape {
            let shape = analysis.shape
            lines.append("shape fit: +-\(plain(shape.rangeSigmas)) sigma in \(shape.binCount) bins of \(plain(shape.binWidthSigmas)) sigma, "
                         + "background normalisation \(shape.freeNormalisation ? "free" : "constrained by the background uncertainty")")
        }
        return lines
    }

    /// The background's components: one line for the channel's own radiative decay alone,
    /// else one line per component with its source, uncertainty and correlation group.
    private static func backgroundLines(_ scenario: Variant, channel: Channel) -> [String] {
        if scenario.background == [BackgroundComponent(.radiative)] { return ["background: radiative (built-in generator)"] }
        if scenario.background.count == 1, scenario.background[0].source.isTable, scenario.background[0] == BackgroundComponent(scenario.background[0].source) {
            return ["background: " + sourceText(scenario.background[0].source, channel: channel)]
        }
        return ["background: \(scenario.background.count) component(s)"] + scenario.background.map { component in
            var line = "  '\(component.name(for: channel))': " + sourceText(component.source, channel: channel)
            line += ", uncertainty \(plain(scenario.relativeUncertainty(of: component) * 100)) %"
            if component.mirrored { line += ", mirrored to m2_miss >= 0" }
            if let rejection = component.rejection { line += ", rejection \(sci(rejection))" }
            if let group = component.group { line += ", group '\(group)'" }
            return line
        }
    }

    private static func sourceText(_ source: BackgroundSource, channel: Channel) -> String {
        switch source {
        case .radiative, .process:
            return "\(source.process(for: channel)?.rawValue ?? "radiative") (built-in generator)"
        case .table(let path, let normalisation):
            let norm: String
            switch normalisation {
            case .perKaonDecay: norm = "per kaon decay"
            case .forKaonDecays(let n): norm = "for \(sci(n)) kaon decays"
            }
            return "table \(path) (\(norm))"
        case .cutTable(let path):
            return "table \(path) (N_exp and dN_exp above each m0^2)"
        }
    }

    private static func streamLine(_ stream: TriggerStream) -> String {
        if let stated = stream.statedEffectiveKaonDecays { return "\(sci(stated)) effective" }
        let line = "\(sci(stream.effectiveKaonDecays)) = \(sci(stream.kaonDecays ?? 0)) x \(plain(stream.triggerEfficiency)) / \(plain(stream.prescale))"
        guard let running = stream.running else { return line }
        return line + "; kaon decays = " + runningText(running)
    }

    /// The running conditions' arithmetic: spills × decays per spill, each as given.
    private static func runningText(_ running: RunningConditions) -> String {
        let spills: String
        switch running.spills {
        case .count(let n): spills = "\(sci(n)) spills"
        case .days(let days, let perDay): spills = "(\(plain(days)) days x \(sci(perDay)) spills/day = \(sci(running.spillCount)) spills)"
        }
        let perSpill: String
        switch running.decaysPerSpill {
        case .protons(let protons, let perProton): perSpill = "(\(sci(protons)) protons/spill x \(sci(perProton)) K+ decays/proton)"
        case .rate(let hertz, let seconds): perSpill = "(\(sci(hertz)) K+ decays/s x \(plain(seconds)) s)"
        }
        return "\(spills) x \(perSpill) = \(sci(running.kaonDecays))"
    }

    private static func vetoLine(_ veto: PhotonVeto) -> String {
        if veto.isSingleRegion {
            return "hermetic to \(plain(veto.hermeticAngleRad * 1e3)) mrad, inefficiency \(inefficiencyText(veto.inefficiency)), beyond: \(veto.beyond.rawValue)"
        }
        let regions = veto.regions.map { region in
            "\(region.name.map { $0 + " " } ?? "")\(plain(region.fromAngleRad * 1e3))-\(plain(region.toAngleRad * 1e3)) mrad \(inefficiencyText(region.inefficiency))"
        }
        return "regions \(regions.joined(separator: ", ")), beyond: \(veto.beyond.rawValue)"
    }

    private static func inefficiencyText(_ inefficiency: VetoInefficiency) -> String {
        switch inefficiency {
        case .constant(let value): return sci(value)
        case .table(let energies, _):
            return "table of \(energies.count) points, \(gev(energies.first ?? 0)) to \(gev(energies.last ?? 0))"
        }
    }

    /// The constant σ, or every point of the table (σ against the missing mass).
    private static func uncertaintyText(_ analysis: Analysis) -> String {
        guard let fit = analysis.sidebandFit else { return "\(plain(analysis.backgroundUncertainty * 100)) %" }
        return "from the sideband fit (\(plain(fit.rangeGeV.lowerBound * 1000))-\(plain(fit.rangeGeV.upperBound * 1000)) MeV, bins of \(plain(fit.binSigmas)) sigma to \(plain(fit.outerSigmas)) sigma)"
    }

    private static func tailText(_ tail: ResolutionTail) -> String {
        switch tail.shape {
        case .exponential(let scale): return "fraction \(sci(tail.fraction)), exponential, scale \(sci(scale)) GeV^2"
        case .table(let offsets, _):
            return "fraction \(sci(tail.fraction)), shape of \(offsets.count) points to |offset| \(sci(offsets[offsets.count - 1])) GeV^2"
        }
    }

    private static func resolutionText(_ resolution: MissingMassResolution) -> String {
        switch resolution {
        case .constant(let sigma): return "sigma(m2_miss) = \(sci(sigma)) GeV^2"
        case .table(let masses, let sigmas):
            let points = zip(masses, sigmas).map { "\(mev($0)) \(sci($1))" }.joined(separator: ", ")
            return "sigma(m2_miss) in GeV^2 against m_miss, \(masses.count) points: \(points)"
        }
    }

    private static func acceptanceText(_ acceptance: SignalAcceptance) -> String {
        switch acceptance {
        case .constant(let value): return plain(value)
        case .table(let masses, _):
            return "table of \(masses.count) points, \(mev(masses.first ?? 0)) to \(mev(masses.last ?? 0))"
        case .missingMassSquaredTable(let m2s, _):
            return "table of \(m2s.count) points in m2_miss, \(plain(m2s.first ?? 0)) to \(plain(m2s.last ?? 0)) GeV^2"
        }
    }

    private static func figureLine(_ figure: FigureSettings) -> String {
        var parts: [String] = []
        if let y = figure.yRange { parts.append("|U|^2 \(sci(y.lowerBound)) to \(sci(y.upperBound))") }
        if let x = figure.xRangeGeV { parts.append("mass \(mev(x.lowerBound)) to \(mev(x.upperBound))") }
        parts.append("\(figure.xScale.rawValue) mass axis")
        if !figure.statistics.isEmpty { parts.append("statistics " + figure.statistics.map(\.rawValue).joined(separator: ", ")) }
        if !figure.references.isEmpty {
            let names = figure.references.map { reference -> String in
                switch reference {
                case .bundled(let id): return id
                case .file(_, let label, _): return "'\(label)'"
                case .limitTable(_, let label): return "'\(label)' (limit table)"
                }
            }
            parts.append("references " + names.joined(separator: ", "))
        }
        if let bands = figure.bandsVariant { parts.append("bands on '\(bands)'") }
        if let ratio = figure.ratioBaseline { parts.append("ratio to '\(ratio)'") }
        return parts.joined(separator: "; ")
    }

    private static func sci(_ value: Double) -> String { NumberText.scientific(value) }
    private static func plain(_ value: Double) -> String { NumberText.plain(value) }
    private static func mev(_ valueGeV: Double) -> String { plain(valueGeV * 1e3) + " MeV" }
    private static func gev(_ valueGeV: Double) -> String { plain(valueGeV) + " GeV" }
}
