/// `background:` either the built-in generator, `{model: radiative}`, or a user table
/// dN/dm2_miss, `{table: path.csv, normalisation: per_kaon_decay}` or
/// `{table: path.csv, normalisation: {kaon_decays: 3e10}}` (docs/physics.md §5.11).
enum BackgroundDecoding {
    static let keys = ["model", "table", "normalisation"]
    static let expected = "{model: radiative} or {table: <file.csv>, normalisation: per_kaon_decay | {kaon_decays: <N>}}"
    static let tableExpected = "a dN/dm2_miss table file (relative to the scenario's folder)"
    static let normalisationExpected = "per_kaon_decay, or {kaon_decays: <N>} for a table made for N kaon decays"

    /// The built-in radiative generator, when `background` is not written.
    static let defaultSource = BackgroundSource.radiative

    static func decode(_ node: SourceNode, context: DecodingContext) -> BackgroundSource? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: expected, log: log) else { return nil }
        let model = reader.entry("model")
        let table = reader.entry("table")
        switch (model, table) {
        case (nil, nil):
            reader.reportMissing("model", expected: expected)
            return nil
        case (let model?, let table?):
            log.report(at: table.keyPosition, path: table.value.path,
                       "given together with model (line \(model.keyPosition.line))", expected: "either model or table")
            return nil
        case (let model?, nil):
            if let normalisation = reader.entry("normalisation") {
                log.report(at: normalisation.keyPosition, path: normalisation.value.path,
                           "applies to a background table, not to a model", expected: "{model: radiative} alone")
                return nil
            }
            return ValueDecoding.choice(model.value, [("radiative", BackgroundSource.radiative)],
                                        expected: "radiative (K+ -> pi0 l+ nu gamma / K+ -> l+ nu gamma with the photon veto)", log: log)
        case (nil, let table?):
            let path = context.readableFile(table.value, as: .backgroundTable, expected: tableExpected)
            let normalisation = reader.required("normalisation", expected: normalisationExpected).flatMap { decodeNormalisation($0, log: log) }
            guard let path, let normalisation else { return nil }
            return .table(path: path, normalisation: normalisation)
        }
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
