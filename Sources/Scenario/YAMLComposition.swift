import Yams

/// Turns scenario text into a `SourceNode` tree with Yams' node API (which keeps each node's
/// line and column), or reports why it cannot: YAML syntax errors with libyaml's position,
/// duplicate keys, keys that are not plain names, and documents too deep or too large to be a
/// scenario (aliases can expand a small text exponentially; these limits keep decoding bounded).
enum YAMLComposition {
    /// Deeper nesting than this is never a scenario (the schema goes six levels deep).
    static let maximumDepth = 24
    /// More values than this (aliases expanded) is never a scenario.
    static let maximumNodeCount = 200_000

    /// The roots of the documents of a file (YAML documents separated by `---`), in file order,
    /// each node at its line and column in the whole file. Documents without content (a trailing
    /// `---`) are skipped. After a syntax error the documents read before it are still returned
    /// (so their problems are reported too) and `complete` is false; the size and depth limits
    /// hold for the file as a whole.
    static func composeAll(_ text: String, log: DiagnosticLog) -> (documents: [SourceNode], complete: Bool) {
        var documents: [SourceNode] = []
        var keys = DuplicateKeys(text: text)
        var builder = Builder(log: log)
        do {
            // libyaml stops at the first mapping with a repeated key; each such key is renamed in
            // place (same length, same positions) and the text composed again, so the builder
            // sees every mapping and reports every repetition.
            var roots: [Node] = []
            var failure: Error?
            while true {
                roots = []
                do {
                    let parser = try Parser(yaml: keys.text)
                    while let root = try parser.nextRoot() { roots.append(root) }
                } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) where keys.renameFirst(of: duplicates, at: context.mark) {
                    continue
                } catch {
                    // The documents before the error are still decoded, so their problems show too.
                    failure = error
                }
                break
            }
            builder.renamedKeys = keys.originals
            for root in roots {
                let node = builder.convert(root, path: "", depth: 0)
                if builder.aborted { return (documents, false) }
                if case .null = node.content { continue }
                documents.append(node)
            }
            if let failure { throw failure }
        } catch let error as YamlError {
            reportSyntax(error, log: log)
            return (documents, false)
        } catch {
            log.report(at: nil, path: "", "cannot read the YAML (\(String(describing: error).quotedForMessage))", expected: "a YAML document")
            return (documents, false)
        }
        if documents.isEmpty {
            log.report(at: SourcePosition(line: 1, column: 1), path: "", "the file holds no YAML document",
                       expected: "a mapping with keys title, channel, masses, base")
            return (documents, false)
        }
        return (documents, true)
    }

    /// The root of the document, or nil after reporting why there is none.
    static func compose(_ text: String, log: DiagnosticLog) -> SourceNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            reportSyntax(error, log: log)
            return nil
        } catch {
            log.report(at: nil, path: "", "cannot read the YAML (\(String(describing: error).quotedForMessage))", expected: "a YAML document")
            return nil
        }
        guard let root else {
            log.report(at: SourcePosition(line: 1, column: 1), path: "", "the file holds no YAML document",
                       expected: "a mapping with keys title, channel, masses, base")
            return nil
        }
        var builder = Builder(log: log)
        let node = builder.convert(root, path: "", depth: 0)
        return builder.aborted ? nil : node
    }

    /// One line for a libyaml error, at the place libyaml stopped.
    private static func reportSyntax(_ error: YamlError, log: DiagnosticLog) {
        let expected = "well-formed YAML (check indentation, ':' after keys, closing brackets and quotes)"
        switch error {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml), let .composer(context, problem, mark, yaml):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            let problem = problem.hasPrefix("Maximum nesting level") ? "values nested more than 1000 levels deep" : problem
            let tab = character(atLine: mark.line, column: mark.column, in: yaml) == "\t" ? "; a tab cannot indent YAML" : ""
            log.report(at: SourcePosition(line: mark.line, column: mark.column), path: "",
                       "YAML syntax error: \(problem.escapedForMessage(maxLength: 200))\(while_.escapedForMessage(maxLength: 200))\(tab)",
                       expected: tab.isEmpty ? expected : "indentation with spaces")
        case let .reader(problem, offset, value, yaml):
            // libyaml's problem does not say which character it met; the message does.
            let what = problem == "control characters are not allowed" && value >= 0
                ? "the control character \(ValueDecoding.controlCharacterName(UInt32(value))) is not allowed" : problem.quotedForMessage
            log.report(at: offset.flatMap { position(ofCharacterOffset: $0, in: yaml) }, path: "",
                       "unreadable text: \(what)", expected: "UTF-8 text without control characters")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0.quotedForMessage)'" }.joined(separator: ", ")
            log.report(at: SourcePosition(line: context.mark.line, column: context.mark.column), path: "",
                       "key \(keys) is written more than once in this mapping (first here)", expected: "each key at most once per mapping")
        default:
            log.report(at: nil, path: "", "cannot read the YAML (\(String(describing: error).quotedForMessage))", expected: expected)
        }
    }

    /// The character at a 1-based line and column (in Unicode scalars), if there is one.
    private static func character(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        return column >= 1 && column <= scalars.count ? scalars[column - 1] : nil
    }

    /// Line and column (1-based) of the character at `offset`.
    private static func position(ofCharacterOffset offset: Int, in text: String) -> SourcePosition? {
        var line = 1, column = 1, index = 0
        for character in text {
            if index == offset { return SourcePosition(line: line, column: column) }
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// Recursive conversion with depth and size limits.
    private struct Builder {
        let log: DiagnosticLog
        var nodeCount = 0
        var aborted = false
        /// Keys renamed to get past libyaml's check for repeated keys, by position: their names.
        var renamedKeys: [SourcePosition: String] = [:]

        init(log: DiagnosticLog) { self.log = log }

        /// The entries `<<: value` brings into a mapping at `path`: those of a mapping (`*anchor`)
        /// or of each mapping of a list (`[*a, *b]`, earlier ones winning), where the anchor wrote them.
        mutating func mergedEntries(_ value: Node, path: String, depth: Int) -> [SourceEntry] {
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let sequence): sources = Array(sequence)
            default: sources = [value]
            }
            var entries: [SourceEntry] = []
            for source in sources {
                let node = convert(source, path: path, depth: depth)
                guard let merged = node.entries else {
                    log.report(at: node.position, path: path.appendingField("<<"), "merges \(node.kindDescription)",
                               expected: "a mapping (<<: *anchor) or a list of mappings (<<: [*a, *b]) to merge")
                    continue
                }
                for entry in merged where !entries.contains(where: { $0.key == entry.key }) { entries.append(entry) }
            }
            return entries
        }

        mutating func convert(_ node: Node, path: String, depth: Int) -> SourceNode {
            let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? SourcePosition(line: 1, column: 1)
            let empty = SourceNode(content: .null, position: position, path: path)
            guard !aborted, admit(at: position, path: path, depth: depth) else { return empty }
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain || scalar.style == .any, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                    return empty
                }
                return SourceNode(content: .scalar(scalar.string), position: position, path: path)
            case .sequence(let sequence):
                var elements: [SourceNode] = []
                for (index, element) in sequence.enumerated() {
                    elements.append(convert(element, path: path.appendingIndex(index), depth: depth + 1))
                }
                return SourceNode(content: .sequence(elements), position: position, path: path)
            case .mapping(let mapping):
                return SourceNode(content: .mapping(entries(of: mapping, at: position, path: path, depth: depth)), position: position, path: path)
            case .alias:
                // Yams resolves aliases while composing; an unresolved one is an empty value.
                return empty
            }
        }

        /// Counts one more value and checks the size and depth limits, so alias bombs and
        /// runaway nesting stop with one message instead of exhausting memory or the stack.
        private mutating func admit(at position: SourcePosition, path: String, depth: Int) -> Bool {
            nodeCount += 1
            if nodeCount > YAMLComposition.maximumNodeCount {
                log.report(at: position, path: path, "the document has more than \(YAMLComposition.maximumNodeCount) values (aliases expanded)",
                           expected: "a scenario file of a reasonable size")
                aborted = true
                return false
            }
            if depth > YAMLComposition.maximumDepth {
                log.report(at: position, path: path, "values nested more than \(YAMLComposition.maximumDepth) levels deep",
                           expected: "the scenario schema (see scenarios/README.md)")
                aborted = true
                return false
            }
            return true
        }

        /// A mapping's entries in written order: keys must be names and appear once; merge
        /// keys (`<<`) add entries the mapping does not set itself.
        private mutating func entries(of mapping: Node.Mapping, at position: SourcePosition, path: String, depth: Int) -> [SourceEntry] {
            var entries: [SourceEntry] = []
            var merged: [SourceEntry] = []
            for (key, value) in mapping {
                let keyPosition = key.mark.map { SourcePosition(line: $0.line, column: $0.column) } ?? position
                guard case .scalar(let keyScalar) = key else {
                    log.report(at: keyPosition, path: path, "a key is a \(key.sequence != nil ? "list" : "mapping"), not a name",
                               expected: "plain key names such as 'title' or 'streams'")
                    continue
                }
                let name = renamedKeys[keyPosition] ?? keyScalar.string
                if name == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                    merged += mergedEntries(value, path: path, depth: depth)
                    continue
                }
                if let first = entries.first(where: { $0.key == name }) {
                    log.report(at: keyPosition, path: path.appendingField(name.quotedForMessage),
                               "key '\(name.quotedForMessage)' is written more than once in this mapping (first at line \(first.keyPosition.line), column \(first.keyPosition.column))",
                               expected: "each key at most once per mapping")
                    continue
                }
                entries.append(SourceEntry(key: name, keyPosition: keyPosition,
                                           value: convert(value, path: path.appendingField(name.quotedForMessage), depth: depth + 1)))
            }
            // YAML merge keys: the mapping's own keys win, then earlier merged mappings.
            for entry in merged where !entries.contains(where: { $0.key == entry.key }) { entries.append(entry) }
            return entries
        }
    }
}
