import Physics

/// One projection's `exposure`, `detector`, `background` and `analysis`, decoded from the base
/// (no variants) or from the base with a variant merged over it.
enum ScenarioBodyDecoding {
    static let keys = ["exposure", "detector", "background", "analysis", "signal"]
    static let mediatorExpected = "one of " + Mediator.allCases.map(\.rawValue).joined(separator: ", ")

    static func decode(_ node: SourceNode, label: String, context: DecodingContext) -> Variant? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {exposure, detector, background, analysis, signal}", log: log)
        else { return nil }
        let exposure = reader.required("exposure", expected: "a mapping {streams: [...]}").flatMap {
            ExposureDecoding.decode($0, log: log)
        }
        let backgroundNode = reader.optional("background")
        let background = backgroundNode.map { BackgroundDecoding.decode($0, context: context) } ?? BackgroundDecoding.defaultComponents
        // A user table already contains the veto's effect; a generated source needs the veto.
        let generated = BackgroundDecoding.namesGeneratedSource(backgroundNode)
        let detector = reader.required("detector", expected: "a mapping {resolution, veto, signal_acceptance, ...}").flatMap {
            DetectorDecoding.decode($0, vetoRequired: generated, log: log)
        }
        let analysis = AnalysisDecoding.decode(reader.optional("analysis"), channel: context.channel, log: log)
        let (mediator, signalValid) = decodeSignal(reader.optional("signal"), node: node, context: context)
        guard let exposure, let detector, let background, let analysis, signalValid else { return nil }
        return Variant(label: label, exposure: exposure, detector: detector, background: background, analysis: analysis, mediator: mediator)
    }

    /// `signal: {mediator: scalar}`: required for K+ -> mu+ nu X, refused for the other channels.
    private static func decodeSignal(_ signal: SourceNode?, node: SourceNode, context: DecodingContext) -> (Mediator?, Bool) {
        let log = context.log
        let needsMediator = context.channel == .kaonToMuonNeutrinoX
        guard let signal else {
            if needsMediator {
                log.report(node, "no signal.mediator for K+ -> mu+ nu X", expected: "signal: {mediator: <\(mediatorExpected)>}")
                return (nil, false)
            }
            return (nil, true)
        }
        guard let reader = MappingReader(signal, allowedKeys: ["mediator"], expected: "a mapping {mediator: scalar}", log: log) else { return (nil, false) }
        guard let channel = context.channel else { return (nil, false) }
        guard needsMediator else {
            log.report(signal, "\(channel.name) has no mediator", expected: "no signal key (it is for K+ -> mu+ nu X)")
            return (nil, false)
        }
        guard let mediatorNode = reader.required("mediator", expected: mediatorExpected),
              let mediator = ValueDecoding.choice(mediatorNode, ValueDecoding.cases(Mediator.self), expected: mediatorExpected, log: log)
        else { return (nil, false) }
        return (mediator, true)
    }
}
