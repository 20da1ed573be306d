import Physics

/// `combine: [name, …]`: a document that combines other documents of its file into one
/// projection of their shared parameter (docs/statistics.md §18; scenarios/README.md).
///
/// The parts are named documents of the same file (not themselves combinations), at least
/// two, each once; their channels must constrain the same parameter — HNL channels of one
/// lepton flavour (|U_l|²), or one continuum channel (its branching fraction) — and their
/// analyses must share the confidence level and count events in windows (not `statistic:
/// shape`, whose likelihood is not one count). The combination takes its masses and variant
/// labels from the first part; every other part supplies, for each label, its variant of that
/// label, or its only variant.
enum CombinationDecoding {
    static let keys = ["title", "name", "combine", "figure"]

    /// Whether a document is a combination (has a `combine` key).
    static func isCombination(_ root: SourceNode) -> Bool {
        root.entries?.contains { $0.key == "combine" } ?? false
    }

    static func decode(_ root: SourceNode, path: String, documents: [ScenarioFile], context: (ScenarioFile) -> DecodingContext,
                       log: DiagnosticLog) -> ScenarioFile? {
        guard let top = MappingReader(root, allowedKeys: keys, expected: "a combination: a mapping with keys " + keys.joined(separator: ", "), log: log)
        else { return nil }
        let title = top.required("title", expected: "a title for the figure").flatMap { ValueDecoding.text($0, expected: "a title for the figure", log: log) }
        let nameNode = top.optional("name")
        let name = nameNode.flatMap { DocumentNameDecoding.decode($0, log: log) }
        guard let combineNode = top.optional("combine"),
              let entries = ValueDecoding.list(combineNode, expected: "a list of the names of two or more documents of this file", log: log)
        else { return nil }
        let candidates = documents.map(\.documentName)
        var parts: [(ScenarioFile, SourceNode)] = []
        for entry in entries {
            guard let text = ValueDecoding.scalarText(entry, expected: "the name of a document of this file", log: log) else { continue }
            guard let document = documents.first(where: { $0.documentName == text }) else {
                log.report(entry, "no document of this file is named '\(text.quotedForMessage)'",
                           expected: "one of " + candidates.joined(separator: ", ") + DidYouMean.hint(for: text, among: candidates))
                continue
            }
            if parts.contains(where: { $0.0.documentName == text }) {
                log.report(entry, "'\(text)' is combined twice", expected: "each document once")
                continue
            }
            parts.append((document, entry))
        }
        guard parts.count == entries.count else { return nil }
        guard parts.count >= 2 else {
            log.report(combineNode, "a combination needs at least two documents, found \(parts.count)", expected: "a list of two or more document names")
            return nil
        }
        let first = parts[0].0
        var valid = true
        for (document, entry) in parts {
            if !sameParameter(document.channel, first.channel) {
                log.report(entry, "\(document.channel.name) constrains \(parameterName(document.channel)), \(first.channel.name) \(parameterName(first.channel))",
                           expected: "documents whose channels constrain one parameter (HNL channels of one lepton flavour, or one continuum channel)")
                valid = false
            }
            for variant in document.variants where variant.analysis.statistic == .shape {
                log.report(entry, "variant '\(variant.label)' of '\(document.documentName)' uses statistic: shape, whose likelihood is not one count",
                           expected: "parts whose analyses count events in a window (statistic: cls-expected, median-exclusion or detection)")
                valid = false
            }
            let confidences = Set(document.variants.map(\.analysis.confidence))
            if confidences != Set(first.variants.map(\.analysis.confidence)) || confidences.count != 1 {
                log.report(entry, "the variants of '\(document.documentName)' are at confidence level(s) \(confidences.sorted()), those of '\(first.documentName)' at \(Set(first.variants.map(\.analysis.confidence)).sorted())",
                           expected: "one confidence level for every variant of every part")
                valid = false
            }
        }
        // Each combined variant (a label of the first part) takes one variant of every part.
        let labels = first.variants.map(\.label)
        var combinedParts: [Combination.Part] = []
        for (document, entry) in parts {
            var indices: [Int] = []
            for label in labels {
                if let index = document.variants.firstIndex(where: { $0.label == label }) {
                    indices.append(index)
                } else if document.variants.count == 1 {
                    indices.append(0)
                } else {
                    log.report(entry, "'\(document.documentName)' has no variant labelled '\(label)' (its variants: \(document.variants.map(\.label).joined(separator: ", ")))",
                               expected: "a variant of each label of the first part, or a single variant")
                    valid = false
                    break
                }
            }
            var projected = document
            projected.masses = first.masses
            combinedParts.append(Combination.Part(document: projected, variantIndices: indices))
        }
        var figure = FigureDecoding.decode(top.optional("figure"), variantLabels: labels, context: context(first))
        // `bands` and `ratio_to` name a combination's variants; its curves are "combined: LABEL".
        if var settings = figure {
            settings.bandsVariant = settings.bandsVariant.map { Combination.curveLabelPrefix + $0 }
            settings.ratioBaseline = settings.ratioBaseline.map { Combination.curveLabelPrefix + $0 }
            settings.envelope = settings.envelope.map {
                .init(first: Combination.curveLabelPrefix + $0.first, second: Combination.curveLabelPrefix + $0.second, label: $0.label)
            }
            figure = settings
        }
        guard valid, let title, let figure, nameNode == nil || name != nil else { return nil }
        var file = ScenarioFile(path: path, title: title, channel: first.channel, masses: first.masses, variants: first.variants,
                                figure: figure, name: name ?? "combination")
        file.combination = Combination(parts: combinedParts)
        return file
    }

    /// Whether two channels constrain the same parameter.
    static func sameParameter(_ a: Channel, _ b: Channel) -> Bool {
        if a.isContinuum || b.isContinuum { return a == b }
        return a.flavour == b.flavour
    }

    static func parameterName(_ channel: Channel) -> String {
        if channel.isContinuum { return "its branching fraction" }
        return channel.flavour == .electron ? "|U_e|²" : "|U_mu|²"
    }
}
