import Physics
import References

/// `figure:` what the plot of a scenario file shows. References are ids of published limits for
/// the channel's flavour, or user files `{file, label, kind}`: a curve, or with `kind:
/// limit_table` the CSV of `reach limit --table`; `bands` and `ratio_to` name variants by label.
enum FigureDecoding {
    static let keys = ["y", "x", "x_scale", "references", "statistics", "bands", "ratio_to", "envelope", "envelope_label", "label"]
    static let referenceFileKeys = ["file", "label", "kind"]
    static let yExpected = "a |U|^2 range [low, high] with 0 < low < high, like [1e-9, 1e-4]"
    static let xExpected = "a mass range [low, high] with 0 <= low < high, like [100 MeV, 300 MeV]"
    static let referencesExpected = "a list of reference ids or {file: <curve.csv>, label: <text>, kind: upper_limit | lower_bound | limit_table}"
    static let statisticsExpected = "a list of statistics, like [median-exclusion, cls-expected]"

    static func decode(_ node: SourceNode?, variantLabels: [String], context: DecodingContext) -> FigureSettings? {
        guard let node else { return FigureSettings() }
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {y, x, x_scale, references, statistics, bands, ratio_to, envelope, envelope_label, label}", log: log)
        else { return nil }
        var valid = true
        var settings = FigureSettings()
        func take<T>(_ value: T??) -> T? {
            switch value {
            case .none: return nil
            case .some(.none): valid = false; return nil
            case .some(.some(let v)): return v
            }
        }
        settings.yRange = take(reader.optional("y").map { decodeRange($0, dimension: nil, expected: yExpected, log: log) })
        if let y = settings.yRange, let yNode = reader.optional("y"), y.lowerBound <= 0 {
            log.report(yNode, "the lower end is not positive", expected: yExpected)
            valid = false
        }
        settings.xScale = take(reader.optional("x_scale").map {
            ValueDecoding.choice($0, ValueDecoding.cases(FigureSettings.AxisScale.self), expected: "linear or log", log: log)
        }) ?? .linear
        settings.xRangeGeV = take(reader.optional("x").map { decodeRange($0, dimension: .mass, expected: xExpected, log: log) })
        if let x = settings.xRangeGeV, let xNode = reader.optional("x"), x.lowerBound < 0 || (settings.xScale == .log && x.lowerBound <= 0) {
            log.report(xNode, "the lower end is \(x.lowerBound < 0 ? "negative" : "zero on a log axis")", expected: xExpected)
            valid = false
        }
        settings.references = take(reader.optional("references").map { decodeReferences($0, context: context) }) ?? []
        settings.statistics = take(reader.optional("statistics").map { decodeStatistics($0, log: log) }) ?? []
        settings.bandsVariant = take(reader.optional("bands").map {
            decodeVariantLabel($0, labels: variantLabels, role: "the variant drawn with expected-limit bands", log: log)
        })
        settings.ratioBaseline = take(reader.optional("ratio_to").map {
            decodeVariantLabel($0, labels: variantLabels, role: "the baseline variant of the ratio panel", log: log)
        })
        settings.envelope = take(reader.optional("envelope").map { decodeEnvelope($0, labels: variantLabels, log: log) })
        if let node = reader.optional("envelope_label") {
            if settings.envelope == nil && reader.optional("envelope") == nil {
                log.report(node, "an envelope label without an envelope", expected: "envelope: [A, B] beside it")
                valid = false
            }
            settings.envelope?.label = take(ValueDecoding.text(node, expected: "the envelope's legend text", log: log))
        }
        settings.label = take(reader.optional("label").map {
            ValueDecoding.text($0, expected: "an experiment label like 'NA62 projection'", log: log)
        })
        return valid ? settings : nil
    }

    /// `[low, high]`, plain numbers (`dimension` nil) or quantities, low < high.
    private static func decodeRange(_ node: SourceNode, dimension: Quantity.Dimension?, expected: String, log: DiagnosticLog) -> ClosedRange<Double>? {
        guard let elements = ValueDecoding.list(node, expected: expected, log: log) else { return nil }
        guard elements.count == 2 else {
            log.report(node, "found \(elements.count) values", expected: expected)
            return nil
        }
        let ends = elements.map { element in
            dimension.map { ValueDecoding.quantity(element, $0, range: .any, expected: expected, log: log) }
                ?? ValueDecoding.number(element, range: .any, expected: expected, log: log)
        }
        guard let low = ends[0], let high = ends[1] else { return nil }
        guard low < high else {
            log.report(elements[1], "the upper end is not above the lower end", expected: expected)
            return nil
        }
        return low...high
    }

    private static func decodeReferences(_ node: SourceNode, context: DecodingContext) -> [FigureSettings.Reference]? {
        let log = context.log
        guard let elements = ValueDecoding.list(node, expected: referencesExpected, log: log) else { return nil }
        let references = elements.map { element -> FigureSettings.Reference? in
            if element.entries != nil { return decodeReferenceFile(element, context: context) }
            guard let written = ValueDecoding.text(element, expected: referencesExpected, log: log) else { return nil }
            let id = ReferenceLibrary.aliases[written] ?? written
            guard let channel = context.channel else { return nil }
            let known = (context.knownReferenceIDs[channel.flavour] ?? []).sorted()
            guard known.contains(id) else {
                log.report(element, "unknown reference '\(written.quotedForMessage)' for \(channel.flavour.rawValue) mixing",
                           expected: "one of " + known.joined(separator: ", ") + " or {file: …, label: …}"
                               + DidYouMean.hint(for: written, among: known))
                return nil
            }
            return .bundled(id: id)
        }
        return references.contains { $0 == nil } ? nil : references.compactMap { $0 }
    }

    /// What `kind:` of a user file says: the side a curve excludes, or a limit table.
    private enum FileKind: String, CaseIterable {
        case upperLimit = "upper_limit"
        case lowerBound = "lower_bound"
        case limitTable = "limit_table"
    }

    private static func decodeReferenceFile(_ node: SourceNode, context: DecodingContext) -> FigureSettings.Reference? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: referenceFileKeys, expected: "{file: <curve.csv>, label: <text>, kind: upper_limit}", log: log)
        else { return nil }
        // The kind first: it says how the file is read.
        let kind = reader.optional("kind").map {
            ValueDecoding.choice($0, ValueDecoding.cases(FileKind.self), expected: "upper_limit, lower_bound or limit_table", log: log)
        } ?? .upperLimit
        let fileExpected: String, fileKind: NamedFiles.Kind
        if kind == .limitTable {
            // The figure's y axis: B for a continuum channel, |U|² otherwise.
            let parameter: ObservedLimitTable.Parameter = context.channel?.isContinuum == true ? .branchingFraction : .u2
            fileExpected = "the CSV `reach limit --table` writes, with its \(parameter.rawValue)_* columns filled (relative to the scenario's folder)"
            fileKind = .limitTable(parameter)
        } else {
            fileExpected = "a curve file with columns mass_MeV,U2 (relative to the scenario's folder)"
            fileKind = .referenceCurve
        }
        let path = reader.required("file", expected: fileExpected).flatMap { file -> String? in
            // With an unknown kind the file's format is unknown: only the kind is reported.
            guard kind != nil else { return nil }
            return context.readableFile(file, as: fileKind, expected: fileExpected)
        }
        let label = reader.required("label", expected: "the curve's legend text").flatMap {
            ValueDecoding.text($0, expected: "the curve's legend text", log: log)
        }
        guard let path, let label, let kind else { return nil }
        switch kind {
        case .upperLimit: return .file(path: path, label: label, kind: .upperLimit)
        case .lowerBound: return .file(path: path, label: label, kind: .lowerBound)
        case .limitTable: return .limitTable(path: path, label: label)
        }
    }

    /// `envelope: [A, B]`: two distinct variant labels, the band between whose curves is drawn.
    private static func decodeEnvelope(_ node: SourceNode, labels: [String], log: DiagnosticLog) -> FigureSettings.Envelope? {
        let expected = "a list of two variant labels, like [\"beyond: missed\", \"beyond: partial\"]"
        guard let elements = ValueDecoding.list(node, expected: expected, log: log) else { return nil }
        guard elements.count == 2 else {
            log.report(node, "found \(elements.count) entr\(elements.count == 1 ? "y" : "ies")", expected: expected)
            return nil
        }
        let named = elements.map { decodeVariantLabel($0, labels: labels, role: "a variant bounding the envelope", log: log) }
        guard let first = named[0], let second = named[1] else { return nil }
        guard first != second else {
            log.report(elements[1], "'\(second)' bounds the envelope twice", expected: "two different variants")
            return nil
        }
        return FigureSettings.Envelope(first: first, second: second)
    }

    private static func decodeStatistics(_ node: SourceNode, log: DiagnosticLog) -> [Statistic]? {
        guard let elements = ValueDecoding.list(node, expected: statisticsExpected, log: log) else { return nil }
        let statistics = elements.map {
            ValueDecoding.choice($0, ValueDecoding.cases(Statistic.self), expected: AnalysisDecoding.statisticExpected, log: log)
        }
        return statistics.contains { $0 == nil } ? nil : statistics.compactMap { $0 }
    }

    private static func decodeVariantLabel(_ node: SourceNode, labels: [String], role: String, log: DiagnosticLog) -> String? {
        guard let label = ValueDecoding.text(node, expected: "\(role): a variant label", log: log) else { return nil }
        guard labels.contains(label) else {
            log.report(node, "no variant is labelled '\(label.quotedForMessage)'",
                       expected: "\(role), one of " + labels.map { "'\($0.quotedForMessage)'" }.joined(separator: ", ")
                           + DidYouMean.hint(for: label, among: labels))
            return nil
        }
        return label
    }
}
