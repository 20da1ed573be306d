import Physics

/// `background:` one source or a list of components (docs/physics.md §5.11, §5.13). Each entry
/// is a mapping:
///
/// - `{model: radiative}`: the channel's own radiative decay (the default when `background` is
///   not written);
/// - `{process: "K+ -> mu+ nu gamma"}`: a built-in process by name;
/// - `{table: path.csv, normalisation: per_kaon_decay | {kaon_decays: 3e10}}`: a user table;
///
/// with optional `label`, `uncertainty` (relative, δb/b of this component; default
/// `analysis.background_uncertainty`), `group` (components of one group have correlated
/// uncertainties), `emission` (radiative decays) and `rejection` (K+ → μ+ ν, μ+ → e+ ν ν̄ only:
/// the fraction in (0, 1] the vertex and track-quality criteria keep, default 1; §5.15) and
/// `mirror: true` (tables only: the table lies at m²_miss ≤ 0 and is reflected to m²_miss ≥ 0,
/// seed 000's data-driven resolution tail; §5.8.2). A variant's `background` replaces the base's
/// list whole.
enum BackgroundDecoding {
    static let sourceKeys = ["model", "process", "table"]
    static let keys = sourceKeys + ["normalisation", "kind", "label", "uncertainty", "group", "emission", "rejection", "mirror"]
    static let kindExpected = "spectrum (a dN/dm2_miss table, the default) or above (N_exp and dN_exp above each cut m0^2)"
    static let cutTableExpected = "a table of m0_GeV2,n_exp,dn_exp (relative to the scenario's folder)"
    static let expected = "{model: radiative}, {process: <decay>} or {table: <file.csv>, normalisation: per_kaon_decay | {kaon_decays: <N>}}, with optional label, uncertainty and group; or a list of them"
    static let tableExpected = "a dN/dm2_miss table file (relative to the scenario's folder)"
    static let normalisationExpected = "per_kaon_decay, or {kaon_decays: <N>} for a table made for N kaon decays"
    static let uncertaintyExpected = "a relative background uncertainty delta_b/b in [0, 10] of this component, like 0.12"
    static let rejectionExpected = "the fraction of this background the vertex and track-quality criteria keep, in (0, 1], like 1e-3"
    static let processExpected = "one of " + BackgroundProcess.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// The channel's radiative decay, when `background` is not written.
    static let defaultComponents = [BackgroundComponent(.radiative)]

    static func decode(_ node: SourceNode, context: DecodingContext) -> [BackgroundComponent]? {
        guard let items = node.elements else {
            return decodeComponent(node, context: context).map { [$0] }
        }
        guard !items.isEmpty else {
            context.log.report(node, "an empty list of background components", expected: expected)
            return nil
        }
        let components = items.map { decodeComponent($0, context: context) }
        guard components.allSatisfy({ $0 != nil }) else { return nil }
        let decoded = components.compactMap { $0 }
        guard let channel = context.channel else { return decoded }
        // Tables and figures name the components: the names must tell them apart.
        var seen: [String: Int] = [:]
        for (index, component) in decoded.enumerated() {
            let name = component.name(for: channel)
            if let first = seen[name] {
                context.log.report(items[index], "a second component named '\(name)' (the first is entry \(first + 1))",
                                   expected: "distinct components, or a label that tells them apart")
                return nil
            }
            seen[name] = index
        }
        return decoded
    }

    /// Whether `background` as written names a source the tool generates (one without `table`),
    /// read from the text so that the veto is asked for even when a table entry is wrong.
    static func namesGeneratedSource(_ node: SourceNode?) -> Bool {
        guard let node else { return true }
        let entries = node.elements ?? [node]
        return entries.contains { entry in !(entry.entries?.contains { $0.key == "table" } ?? false) }
    }

    private static func decodeComponent(_ node: SourceNode, context: DecodingContext) -> BackgroundComponent? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: expected, log: log) else { return nil }
        let given = sourceKeys.compactMap { key in reader.entry(key).map { (key, $0) } }
        guard let (key, entry) = given.first else {
            reader.reportMissing("model", expected: expected)
            return nil
        }
        if given.count > 1 {
            let other = given[1]
            log.report(at: other.1.keyPosition, path: other.1.value.path,
                       "given together with \(key) (line \(entry.keyPosition.line))", expected: "one of model, process or table")
            return nil
        }
        if key != "table", let kind = reader.entry("kind") {
            log.report(at: kind.keyPosition, path: kind.value.path, "applies to a background table, not to a \(key)", expected: "{\(key): …} without kind")
            return nil
        }
        if key != "table", let normalisation = reader.entry("normalisation") {
            log.report(at: normalisation.keyPosition, path: normalisation.value.path,
                       "applies to a background table, not to a \(key)", expected: "{\(key): …} without normalisation")
            return nil
        }
        let source: BackgroundSource?
        switch key {
        case "model":
            source = ValueDecoding.choice(entry.value, [("radiative", BackgroundSource.radiative)],
                                          expected: "radiative (K+ -> pi0 l+ nu gamma / K+ -> l+ nu gamma with the photon veto)", log: log)
        case "process":
            source = decodeProcess(entry.value, context: context)
        case "table" where reader.entry("kind")?.value.scalar == "above":
            source = decodeCutTable(entry.value, reader: reader, context: context)
        default:
            if let kind = reader.optional("kind"), ValueDecoding.choice(kind, [("spectrum", true), ("above", true)], expected: kindExpected, log: log) == nil {
                return nil
            }
            let mirrored = reader.optional("mirror")?.scalar == "true"
            let path = context.readableFile(entry.value, as: mirrored ? .mirroredBackgroundTable : .backgroundTable, expected: tableExpected)
            let normalisation = reader.required("normalisation", expected: normalisationExpected).flatMap { decodeNormalisation($0, log: log) }
            source = path.flatMap { path in normalisation.map { BackgroundSource.table(path: path, normalisation: $0) } }
        }
        let labelNode = reader.optional("label"), uncertaintyNode = reader.optional("uncertainty"), groupNode = reader.optional("group")
        let label = labelNode.flatMap { ValueDecoding.text($0, expected: "a name for the component", log: log) }
        let uncertainty = uncertaintyNode.flatMap {
            ValueDecoding.number($0, range: PhysicalRanges.backgroundUncertainty, expected: uncertaintyExpected, log: log)
        }
        let group = groupNode.flatMap { ValueDecoding.text($0, expected: "a correlation group name, like photon-veto", log: log) }
        let emissionNode = reader.optional("emission")
        let emission = emissionNode.flatMap { decodeEmission($0, source: source, context: context) }
        let rejectionNode = reader.optional("rejection")
        let rejection = rejectionNode.flatMap { decodeRejection($0, source: source, log: log) }
        let mirrorNode = reader.optional("mirror")
        let mirror = mirrorNode.flatMap { node -> Bool? in
            let expected = "true to reflect a table of the m2_miss <= 0 side to m2_miss >= 0, or false"
            guard let value = ValueDecoding.choice(node, [("true", true), ("false", false)], expected: expected, log: log) else { return nil }
            if value, let source, !(source.isTable) {
                log.report(node, "applies to a background table only", expected: "mirror only with {table: …}")
                return nil
            }
            return value
        }
        guard let source, (labelNode == nil) == (label == nil), (uncertaintyNode == nil) == (uncertainty == nil),
              (groupNode == nil) == (group == nil), (emissionNode == nil) == (emission == nil),
              (rejectionNode == nil) == (rejection == nil), (mirrorNode == nil) == (mirror == nil) else { return nil }
        return BackgroundComponent(source, label: label, relativeUncertainty: uncertainty, group: group, emission: emission,
                                   rejection: rejection, mirrored: mirror ?? false)
    }

    /// `{table: cut.csv, kind: above}`: N_exp(m0²) and δN_exp(m0²) above each cut, for the cut
    /// region of a continuum channel. The table's δN_exp is the uncertainty, and its counts are
    /// for the variant's exposure, so `uncertainty`, `normalisation`, `mirror` and `rejection`
    /// do not apply.
    private static func decodeCutTable(_ node: SourceNode, reader: MappingReader, context: DecodingContext) -> BackgroundSource? {
        let log = context.log
        if let channel = context.channel, !channel.isContinuum {
            let kind = reader.entry("kind")!
            log.report(at: kind.keyPosition, path: kind.value.path, "'above' describes a cut m2_miss > m0^2, which \(channel.name) does not use (it counts in a window)",
                       expected: "kind: above only for K+ -> mu+ nu X or K+ -> mu+ nu nu nubar; a dN/dm2_miss table (kind: spectrum) here")
            return nil
        }
        for key in ["normalisation", "uncertainty", "mirror", "rejection"] {
            guard let other = reader.entry(key) else { continue }
            log.report(at: other.keyPosition, path: other.value.path, "does not apply to a table of kind: above (its n_exp is for the variant's exposure and its dn_exp is the uncertainty)",
                       expected: "{table: <file.csv>, kind: above} without \(key)")
            return nil
        }
        return context.readableFile(node, as: .cutTable, expected: cutTableExpected).map { .cutTable(path: $0) }
    }

    /// `emission:` of a radiative process: inner bremsstrahlung alone, or with the
    /// structure-dependent terms (K+ → l+ ν γ only).
    private static func decodeEmission(_ node: SourceNode, source: BackgroundSource?, context: DecodingContext) -> RadiativeEmission? {
        let expected = "inner-bremsstrahlung, or inner-bremsstrahlung+structure for K+ -> l+ nu gamma"
        guard let emission = ValueDecoding.choice(node, ValueDecoding.cases(RadiativeEmission.self), expected: expected, log: context.log) else { return nil }
        guard let channel = context.channel, let source else { return emission }
        guard let radiative = source.process(for: channel)?.radiative else {
            context.log.report(node, "applies to a radiative decay, not to \(source.isGenerated ? "this process" : "a table")", expected: "emission only with a K+ -> ... gamma process")
            return nil
        }
        guard emission.isAvailable(for: radiative) else {
            context.log.report(node, "'\(emission.rawValue)' is not generated for \(radiative.rawValue) (inner bremsstrahlung only)", expected: "inner-bremsstrahlung")
            return nil
        }
        return emission
    }

    /// `rejection:` of the muon-decay process: a fraction in (0, 1]; refused for other sources,
    /// whose counts the tool models without a vertex criterion to stand for.
    private static func decodeRejection(_ node: SourceNode, source: BackgroundSource?, log: DiagnosticLog) -> Double? {
        guard let value = ValueDecoding.number(node, range: PhysicalRanges.backgroundRejection, expected: rejectionExpected, log: log) else { return nil }
        guard let source else { return value }
        guard case .process(let process) = source, process.acceptsRejection else {
            let what: String
            switch source {
            case .table, .cutTable: what = "a table"
            case .radiative: what = "the radiative model"
            case .process(let process): what = "'\(process.rawValue)'"
            }
            log.report(node, "applies to '\(BackgroundProcess.kmu2MuonDecay.rawValue)' only, not to \(what)",
                       expected: "rejection only with {process: \"\(BackgroundProcess.kmu2MuonDecay.rawValue)\"}")
            return nil
        }
        return value
    }

    /// A process by name; it must fake the channel's signal (same lepton; a π0 in both or neither).
    private static func decodeProcess(_ node: SourceNode, context: DecodingContext) -> BackgroundSource? {
        let choices = BackgroundProcess.allCases.map { ($0.rawValue, $0) }
        guard let process = ValueDecoding.choice(node, choices, expected: processExpected, log: context.log) else { return nil }
        if let channel = context.channel, !process.isBackground(to: channel) {
            context.log.report(node, "'\(process.rawValue)' does not reconstruct as \(channel.name) (another lepton, or a π0 seen or lost where the channel has none or one)",
                               expected: "a process with the channel's final state, such as '\(RadiativeProcess(backgroundFor: channel).rawValue)'")
            return nil
        }
        return .process(process)
    }

    private static func decodeNormalisation(_ node: SourceNode, log: DiagnosticLog) -> TableNormalisation? {
        if node.entries != nil {
            guard let reader = MappingReader(node, allowedKeys: ["kaon_decays"], expected: normalisationExpected, log: log),
                  let count = reader.required("kaon_decays", expected: "the kaon decays the table was made for, like 3e10")
            else { return nil }
            return ValueDecoding.number(count, range: PhysicalRanges.tableKaonDecays, expected: "the kaon decays the table was made for, in [1, 1e20], like 3e10", log: log)
                .map { .forKaonDecays($0) }
        }
        return ValueDecoding.choice(node, [("per_kaon_decay", TableNormalisation.perKaonDecay)], expected: normalisationExpected, log: log)
    }
}
