/// A value set from outside a scenario file (a parameter scan): `detector.veto.hermetic_angle`
/// = `30 mrad` for one variant. The value is written into the variant's YAML tree, after the
/// variant is merged over the base, as if the user had written it there, so it is validated by
/// the same decoders, with the same units and ranges, as a value in a file.
public struct ScenarioOverride: Sendable, Equatable {
    public var parameter: ScenarioParameter
    /// The value as text, exactly as it would be written in the file (`30 mrad`, `150`).
    public var value: String
    /// Index into the file's variants of the variant it changes; nil: every variant.
    public var variantIndex: Int?
    /// Where the value was given, named in messages about it instead of a file position
    /// (e.g. `--values`).
    public var origin: String

    public init(parameter: ScenarioParameter, value: String, variantIndex: Int? = nil, origin: String) {
        self.parameter = parameter
        self.value = value
        self.variantIndex = variantIndex
        self.origin = origin
    }

    /// Whether it changes the variant at `index`.
    func applies(toVariant index: Int) -> Bool { variantIndex.map { $0 == index } ?? true }

    /// `body` (one projection's mapping) with the value set. Mappings missing on the way are
    /// created (`analysis` may be omitted in the file); a list index beyond the variant's list
    /// is reported (under `origin`) and gives nil. The value node carries the parameter's path,
    /// which `log` maps to `origin`, so problems with it name the option, not a file line.
    func apply(to body: SourceNode, log: DiagnosticLog) -> SourceNode? {
        // A body that is not a mapping is left for the decoder to report.
        guard body.entries != nil else { return body }
        log.registerExternal(path: parameter.path, origin: origin)
        return set(body, components: parameter.components[...], walked: "", log: log)
    }

    private func set(_ node: SourceNode, components: ArraySlice<ScenarioParameter.Component>, walked: String, log: DiagnosticLog) -> SourceNode? {
        guard let component = components.first else {
            return SourceNode(content: .scalar(value), position: node.position, path: parameter.path)
        }
        let rest = components.dropFirst()
        switch component {
        case .key(let key):
            let path = walked.appendingField(key)
            // A value that is not a mapping here (`normalisation: per_kaon_decay`, no value) is
            // replaced by one holding the key.
            var entries = node.entries ?? []
            if let index = entries.firstIndex(where: { $0.key == key }) {
                guard let child = set(entries[index].value, components: rest, walked: path, log: log) else { return nil }
                entries[index].value = child
            } else {
                // A key the file does not have: problems with it are problems with the override.
                log.registerExternal(path: path, origin: origin)
                let empty = SourceNode(content: .null, position: node.position, path: path)
                guard let child = set(empty, components: rest, walked: path, log: log) else { return nil }
                entries.append(SourceEntry(key: key, keyPosition: node.position, value: child))
            }
            return SourceNode(content: .mapping(entries), position: node.position, path: node.path)
        case .index(let index):
            let path = walked.appendingIndex(index)
            guard var elements = node.elements, index < elements.count else {
                let count = node.elements?.count ?? 0
                log.report(origin: origin, path: parameter.path,
                           "there is no \(path): the variant's \(walked) has \(count) element\(count == 1 ? "" : "s")",
                           expected: count == 0 ? "a path the variant has" : "an index from 0 to \(count - 1)")
                return nil
            }
            guard let child = set(elements[index], components: rest, walked: path, log: log) else { return nil }
            elements[index] = child
            return SourceNode(content: .sequence(elements), position: node.position, path: node.path)
        }
    }
}
