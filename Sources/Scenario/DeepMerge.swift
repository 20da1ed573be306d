/// How a variant overrides the base: mappings merge key by key, recursively; anything else (a
/// number, a word, a list such as `streams`) is replaced whole. Every value keeps the position
/// and path where it was written, so errors in a variant point into the variant and errors in
/// inherited values point into the base.
enum DeepMerge {
    /// Keys that are alternatives to each other in one mapping: writing one in an override drops
    /// the others inherited from the base, so a variant can switch, e.g., from
    /// `background: {model: radiative}` to `background: {table: …, normalisation: …}`, or a veto
    /// from `{hermetic_angle, inefficiency}` to `{regions}`, or a tail from an exponential
    /// `scale` to a `shape`.
    static let alternativeKeyGroups: [[Set<String>]] = [
        [["model"], ["table", "normalisation"]],
        [["hermetic_angle", "inefficiency"], ["regions"]],
        [["scale"], ["shape"]],
    ]

    /// `base` with `override` merged over it.
    static func merge(_ base: SourceNode, _ override: SourceNode) -> SourceNode {
        guard let baseEntries = base.entries, let overrideEntries = override.entries else { return override }
        let overrideKeys = Set(overrideEntries.map(\.key))
        let dropped = droppedAlternatives(for: overrideKeys)
        var merged: [SourceEntry] = baseEntries.filter { !dropped.contains($0.key) }
        for entry in overrideEntries {
            if let index = merged.firstIndex(where: { $0.key == entry.key }) {
                merged[index].value = merge(merged[index].value, entry.value)
            } else {
                merged.append(entry)
            }
        }
        // The merged mapping stands where the base mapping was written: a key missing from
        // both is reported there.
        return SourceNode(content: .mapping(merged), position: base.position, path: base.path)
    }

    /// Inherited keys that an override's keys replace as an alternative.
    private static func droppedAlternatives(for overrideKeys: Set<String>) -> Set<String> {
        var dropped: Set<String> = []
        for groups in alternativeKeyGroups {
            for (index, group) in groups.enumerated() where !group.isDisjoint(with: overrideKeys) {
                for (other, otherGroup) in groups.enumerated() where other != index {
                    dropped.formUnion(otherGroup.subtracting(overrideKeys))
                }
            }
        }
        return dropped
    }
}
