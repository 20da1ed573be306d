import Physics

/// Decodes and validates the text of a scenario file into `ScenarioFile`s, one per YAML document,
/// or returns every problem found, each located at `file:line:column` (lines count in the whole
/// file) with its field path. Pure: it reads no files itself (the tables and curves a document
/// names are checked through `files`).
///
/// Variants are the base with each variant's keys merged over it (`DeepMerge`); a document without
/// `variants` has one scenario labelled with the title.
public enum ScenarioDecoder {
    static let topKeys = ["title", "channel", "masses", "base", "variants", "figure", "name"]
    static let variantKeys = ["label"] + ScenarioBodyDecoding.keys

    /// Every document of a file (YAML documents separated by `---`; empty ones are skipped), in
    /// file order. Document names (`name`, or the channel's default) must be distinct.
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - path: the file as the user named it (used in messages and stored in the result).
    ///   - baseDirectory: folder against which relative paths in the file resolve; default: the
    ///     folder of `path`. Pass an absolute folder to get absolute paths in the model.
    ///   - knownReferenceIDs: ids of published limits a figure may name, per flavour.
    ///   - files: how a (resolved) table or curve file is checked; default: not at all.
    public static func decodeAll(
        text: String,
        path: String,
        baseDirectory: String? = nil,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs,
        files: NamedFiles = .unchecked
    ) -> Result<[ScenarioFile], ScenarioErrors> {
        decodeFile(text: text, path: path, baseDirectory: baseDirectory, knownReferenceIDs: knownReferenceIDs,
                   files: files, overrides: [], documents: .several)
    }

    /// The one document of a file. `overrides`: values set from outside the file (a parameter
    /// scan), written into each variant's tree after the variant is merged over the base. A file with several documents is an error here (commands that
    /// draw one figure take one document; `decodeAll` reads them all).
    /// Parameters as for `decodeAll`.
    public static func decode(
        text: String,
        path: String,
        baseDirectory: String? = nil,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs,
        files: NamedFiles = .unchecked,
        overrides: [ScenarioOverride] = []
    ) -> Result<ScenarioFile, ScenarioErrors> {
        decodeFile(text: text, path: path, baseDirectory: baseDirectory, knownReferenceIDs: knownReferenceIDs,
                   files: files, overrides: overrides, documents: .one).map { $0[0] }
    }

    /// Document `index` (0-based) of a file that may hold several, with `overrides` written into
    /// that document only (a parameter scan of one document of a multi-document file). Every
    /// document is still checked. Parameters as for `decodeAll`.
    public static func decode(
        text: String,
        path: String,
        baseDirectory: String? = nil,
        knownReferenceIDs: [LeptonFlavour: Set<String>] = ScenarioLoader.bundledReferenceIDs,
        files: NamedFiles = .unchecked,
        overrides: [ScenarioOverride] = [],
        document index: Int
    ) -> Result<ScenarioFile, ScenarioErrors> {
        decodeFile(text: text, path: path, baseDirectory: baseDirectory, knownReferenceIDs: knownReferenceIDs,
                   files: files, overrides: overrides, documents: .several, overriddenDocument: index).flatMap { documents in
            guard documents.indices.contains(index) else {
                return .failure(ScenarioErrors([ScenarioError(file: path, line: 1, column: 1, fieldPath: "",
                                                              message: "the file holds \(documents.count) scenario document(s); there is no document \(index + 1)",
                                                              expected: "a document number from 1 to \(documents.count)")]))
            }
            return .success(documents[index])
        }
    }

    private enum DocumentCount { case one, several }

    private static func decodeFile(text: String, path: String, baseDirectory: String?, knownReferenceIDs: [LeptonFlavour: Set<String>],
                                   files named: NamedFiles, overrides: [ScenarioOverride], documents count: DocumentCount,
                                   overriddenDocument: Int? = nil) -> Result<[ScenarioFile], ScenarioErrors> {
        let log = DiagnosticLog(file: path)
        let files: [ScenarioFile]? = {
            let (roots, complete) = YAMLComposition.composeAll(text, log: log)
            if count == .one, roots.count > 1 {
                log.report(at: roots[1].position, path: "",
                           "the file holds \(roots.count) scenario documents (separated by '---'), but this reads one",
                           expected: "a file with one document, or a command that reads several (reach validate, project, background --scenario)")
                return nil
            }
            let folder = baseDirectory ?? FilePaths.directory(of: path)
            // Documents first, then the combinations of them (`CombinationDecoding`).
            var decoded: [(file: ScenarioFile?, identity: DocumentIdentity?)] = roots.enumerated().map { index, root in
                if CombinationDecoding.isCombination(root) { return (nil, nil) }
                return decodeDocument(root, path: path, baseDirectory: folder, knownReferenceIDs: knownReferenceIDs, files: named,
                                      overrides: overriddenDocument == nil || overriddenDocument == index ? overrides : [], log: log)
            }
            let parts = decoded.compactMap(\.file)
            for (index, root) in roots.enumerated() where CombinationDecoding.isCombination(root) {
                let file = CombinationDecoding.decode(root, path: path, documents: parts, context: { first in
                    DecodingContext(log: log, channel: first.channel, baseDirectory: folder, files: named, knownReferenceIDs: knownReferenceIDs)
                }, log: log)
                let nameNode = root.entries?.first { $0.key == "name" }?.value
                decoded[index] = (file, file.map { DocumentIdentity(name: $0.documentName, node: nameNode ?? root, isDefault: nameNode == nil,
                                                                    documentPosition: root.position) })
            }
            checkDistinctNames(decoded.map(\.identity), log: log)
            let files = decoded.compactMap(\.file)
            return complete && files.count == decoded.count ? files : nil
        }()
        if let files, log.isEmpty { return .success(files) }
        return .failure(ScenarioErrors(log.sortedErrors))
    }

    /// A document's name and where it comes from, for the check that names are distinct.
    private struct DocumentIdentity {
        var name: String
        /// The `name` value, or the `channel` value when the name is the channel's default.
        var node: SourceNode
        var isDefault: Bool
        var documentPosition: SourcePosition
    }

    /// Documents sharing a name: reported at the second one's `name` (or `channel`, when the name
    /// is the default).
    private static func checkDistinctNames(_ identities: [DocumentIdentity?], log: DiagnosticLog) {
        var first: [String: DocumentIdentity] = [:]
        for identity in identities.compactMap({ $0 }) {
            guard let earlier = first[identity.name] else {
                first[identity.name] = identity
                continue
            }
            let whose = identity.isDefault ? "the default name of a \(identity.node.scalar ?? "") document" : "this document's name"
            let earlierWhose = earlier.isDefault ? "the default name" : "the name"
            log.report(identity.node, "'\(identity.name)' (\(whose)) is already \(earlierWhose) of the document at line \(earlier.documentPosition.line)",
                       expected: identity.isDefault ? "a distinct 'name:' for each document of the same channel" : "a name used by one document of the file")
        }
    }

    private static func decodeDocument(_ root: SourceNode, path: String, baseDirectory: String, knownReferenceIDs: [LeptonFlavour: Set<String>],
                                       files: NamedFiles, overrides: [ScenarioOverride],
                                       log: DiagnosticLog) -> (file: ScenarioFile?, identity: DocumentIdentity?) {
        guard let top = MappingReader(root, allowedKeys: topKeys, expected: "a mapping with keys " + topKeys.joined(separator: ", "), log: log)
        else { return (nil, nil) }

        let title = top.required("title", expected: "a title for the figure, like 'NA62 reach for K+ -> pi0 e+ N'").flatMap {
            ValueDecoding.text($0, expected: "a title for the figure", log: log)
        }
        let nameNode = top.optional("name")
        let name = nameNode.flatMap { DocumentNameDecoding.decode($0, log: log) }
        let channelNode = top.required("channel", expected: ChannelDecoding.expected)
        let channel = channelNode.flatMap { ChannelDecoding.decode($0, log: log) }
        let context = DecodingContext(log: log, channel: channel, baseDirectory: baseDirectory,
                                      files: files, knownReferenceIDs: knownReferenceIDs)
        let masses: MassGrid?
        if let channel, !channel.hasMass {
            // K+ -> mu+ nu nu nubar: one hypothesis, listed at mass 0 (docs/physics.md §10.4).
            if let node = top.optional("masses") {
                log.report(node, "\(channel.name) has no mass to scan (one Standard-Model spectrum)", expected: "no masses key")
                masses = nil
            } else {
                masses = MassGrid(fromGeV: 0, toGeV: 0, stepGeV: 1)
            }
        } else {
            masses = top.required("masses", expected: "a mapping {from: <mass>, to: <mass>, step: <mass>}").flatMap {
                MassGridDecoding.decode($0, context: context)
            }
        }
        let base = top.required("base", expected: "a mapping {exposure, detector, background, analysis}")
        let (variants, labels) = decodeVariants(top.optional("variants"), base: base, title: title, overrides: overrides, context: context)
        let figure = FigureDecoding.decode(top.optional("figure"), variantLabels: labels, context: context)

        var identity: DocumentIdentity?
        if let name, let nameNode {
            identity = DocumentIdentity(name: name, node: nameNode, isDefault: false, documentPosition: root.position)
        } else if nameNode == nil, let channel, let channelNode {
            identity = DocumentIdentity(name: ScenarioFile.defaultName(for: channel), node: channelNode, isDefault: true, documentPosition: root.position)
        }
        guard let title, let channel, let masses, let variants, let figure, nameNode == nil || name != nil else { return (nil, identity) }
        return (ScenarioFile(path: path, title: title, channel: channel, masses: masses, variants: variants, figure: figure, name: name), identity)
    }

    /// The scenarios of the file and the labels written (for the figure's references to them).
    private static func decodeVariants(_ node: SourceNode?, base: SourceNode?, title: String?, overrides: [ScenarioOverride],
                                       context: DecodingContext) -> ([Variant]?, [String]) {
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
        var scenarios: [Variant?] = []
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
