/// One projection's `exposure`, `detector`, `background` and `analysis`, decoded from the base
/// (no variants) or from the base with a variant merged over it.
enum ScenarioBodyDecoding {
    static let keys = ["exposure", "detector", "background", "analysis"]

    static func decode(_ node: SourceNode, label: String, context: DecodingContext) -> Variant? {
        let log = context.log
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {exposure, detector, background, analysis}", log: log)
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
        let analysis = AnalysisDecoding.decode(reader.optional("analysis"), log: log)
        guard let exposure, let detector, let background, let analysis else { return nil }
        return Variant(label: label, exposure: exposure, detector: detector, background: background, analysis: analysis)
    }
}
