import Physics

/// Decodes and validates the text of a scenario file into a `ScenarioFile`, or returns every
/// problem found, each located at `file:line:column` with its field path. Pure: it reads no
/// files (whether named files exist is asked through `fileExists`).
///
/// Variants are the base with each variant's keys merged over it (`DeepMerge`); a file without
/// `variants` has one scenario labelled with the title.
public enum ScenarioDecoder {
    static let topKeys = ["title", "channel", "masses", "base", "variants", "figure"]
    static let variantKeys = ["label"] + ScenarioBodyDecoding.keys

    /// - Parameters:
    ///   - text: the YAML text.
    ///   - path: the file as the user named it (used in messages and stored in the result).
    ///   - baseDirectory: folder against which relative paths in the file resolve; default: the
    ///     folder of `path`. Pass an absolute folder to get absolute paths in the model.
    ///   - knownReferenceIDs: ids of published limits a figure may name, per flavour.
    ///   - fileExists: whether a (resolved) table or curve file exists; default: assume it does.
    ///   - overrides: values set from outside the file (a parameter scan), written into each
    ///     variant's tree after the variant is merged over the base.
    public static func decode(
        text: String,
        path: String,
        baseDirectory: String? = nil,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = BundledReferenceIDs.byFlavour,
        fileExists: (String) -> Bool = { _ in true },
        overrides: [ScenarioOverride] = []
    ) -> Result<ScenarioFile, ScenarioErrors> {
        let log = DiagnosticLog(file: path)
        let file = withoutActuallyEscaping(fileExists) { fileExists in
            decode(text: text, path: path, baseDirectory: baseDirectory ?? FilePaths.directory(of: path),
                   knownReferenceIDs: knownReferenceIDs, fileExists: fileExists, overrides: overrides, log: log)
        }
        if let file, log.isEmpty { return .success(file) }
        return .failure(ScenarioErrors(log.sortedErrors))
    }

    private static func decode(text: String, path: String, baseDirectory: String, knownReferenceIDs: [LeptonFlavour: Set<String>],
                               fileExists: @escaping (String) -> Bool, overrides: [ScenarioOverride], log: DiagnosticLog) -> ScenarioFile? {
        guard let root = YAMLComposition.compose(text, log: log),
              let top = MappingReader(root, allowedKeys: topKeys, expected: "a mapping with keys " + topKeys.joined(separator: ", "), log: log)
        else { return nil }

        let title = top.required("title", expected: "a title for the figure, like 'NA62 reach for K+ -> pi0 e+ N'").flatMap {
            ValueDecoding.text($0, expected: "a title for the figure", log: log)
        }
        let channel = top.required("channel", expected: ChannelDecoding.expected).flatMap { ChannelDecoding.decode($0, log: log) }
        let context = DecodingContext(log: log, channel: channel, baseDirectory: baseDirectory,
                                      fileExists: fileExists, knownReferenceIDs: knownReferenceIDs)
        let masses = top.required("masses", expected: "a mapping {from: <mass>, to: <mass>, step: <mass>}").flatMap {
            MassGridDecoding.decode($0, context: context)
        }
        let base = top.required("base", expected: "a mapping {exposure, detector, background, analysis}")
        let (variants, labels) = decodeVariants(top.optional("variants"), base: base, title: title, overrides: overrides, context: context)
        let figure = FigureDecoding.decode(top.optional("figure"), variantLabels: labels, context: context)

        guard let title, let channel, let masses, let variants, let figure else { return nil }
        return ScenarioFile(path: path, title: title, channel: channel, masses: masses, variants: variants, figure: figure)
    }

    /// The scenarios of the file and the labels written (for the figure's references to them).
    private static func decodeVariants(_ node: SourceNode?, base: SourceNode?, title: String?, overrides: [ScenarioOverride],
                                       context: DecodingContext) -> ([Scenario]?, [String]) {
        let log = context.log
        /// The variant's tree with the overrides that apply to it; nil after reporting.
        func overridden(_ body: SourceNode, variant index: Int) -> SourceNode? {
            overrides.filter { $0.applies(toVariant: index) }.reduce(Optional(body)) { body, override in
                body.flatMap { override.apply(to: $0, log: log) }
            }
        }
        guard let node else {
            let label = title ?? ""
            let scenario = base.flatMap { overridden($0, variant: 0) }.flatMap { ScenarioBodyDecoding.decode($0, label: label, context: context) }
            return (scenario.map { [$0] }, [label])
        }
        let expected = "a non-empty list of variants {label: <text>, ...overrides of base}"
        guard let elements = ValueDecoding.list(node, expected: expected, log: log) else { return (nil, []) }
        guard !elements.isEmpty else {
            log.report(node, "the list is empty", expected: expected + " (or no variants key at all)")
            return (nil, [])
        }
        if let base, base.entries == nil {
            log.report(base, base.foundDescription, expected: "a mapping {exposure, detector, background, analysis}")
        }
        var scenarios: [Scenario?] = []
        var labels: [String] = []
        var firstUse: [String: SourceNode] = [:]
        for (index, element) in elements.enumerated() {
            guard let reader = MappingReader(element, allowedKeys: variantKeys, expected: expected, log: log) else {
                scenarios.append(nil)
                continue
            }
            // A bad label still lets the variant's body be checked, so all problems show at once.
            var label: String?
            if let labelNode = reader.required("label", expected: "a unique label for the variant, like 'Run 1 data'"),
               let text = ValueDecoding.text(labelNode, expected: "a unique label for the variant, like 'Run 1 data'", log: log) {
                label = text
                if let first = firstUse[text] {
                    log.report(labelNode, "'\(text.quotedForMessage)' is already the label of \(first.path.dropLastField) (line \(first.position.line))",
                               expected: "a different label for each variant")
                } else {
                    firstUse[text] = labelNode
                    labels.append(text)
                }
            }
            // The variant's own keys, merged over the base; `label` and unknown keys are not overrides.
            let ownKeys = SourceNode(content: .mapping(reader.entries.filter { ScenarioBodyDecoding.keys.contains($0.key) }),
                                     position: element.position, path: element.path)
            guard let base, base.entries != nil else { scenarios.append(nil); continue }
            guard let merged = overridden(DeepMerge.merge(base, ownKeys), variant: index) else { scenarios.append(nil); continue }
            let scenario = ScenarioBodyDecoding.decode(merged, label: label ?? "", context: context)
            scenarios.append(label == nil ? nil : scenario)
        }
        return (scenarios.contains { $0 == nil } ? nil : scenarios.compactMap { $0 }, labels)
    }
}

private extension String {
    /// `variants[0].label` → `variants[0]`.
    var dropLastField: String {
        guard let dot = lastIndex(of: ".") else { return self }
        return String(self[..<dot])
    }
}
