import Physics

/// `exposure: {streams: [...]}`: kaon decays recorded in trigger streams. A stream gives either
/// `kaon_decays` (with `prescale` ≥ 1, default 1, and `trigger_efficiency` in [0, 1], default 1),
/// contributing kaon_decays × trigger_efficiency / prescale (docs/physics.md §4.1), or its
/// `effective_kaon_decays` directly. The streams' contributions add (seed 001 Sec. V).
enum ExposureDecoding {
    static let keys = ["streams"]
    static let streamKeys = ["name", "kaon_decays", "running", "effective_kaon_decays", "prescale", "trigger_efficiency"]
    static let runningKeys = ["spills", "days", "spills_per_day", "protons_per_spill", "kaon_decays_per_proton", "kaon_decay_rate", "spill_length"]
    static let runningExpected = "running conditions {spills (or days and spills_per_day), protons_per_spill and kaon_decays_per_proton (or kaon_decay_rate and spill_length)}"

    static let kaonDecaysExpected = "a number of kaon decays in the fiducial volume in (0, 1e20], like 4.5e12"
    static let effectiveExpected = "a number of kaon decays after prescale and trigger efficiency in (0, 1e20], like 3e10"
    static let prescaleExpected = "a prescale factor >= 1, like 150"
    static let efficiencyExpected = "a trigger efficiency in [0, 1]"
    static let streamsExpected = "a non-empty list of streams {name, kaon_decays, prescale, trigger_efficiency} or {name, effective_kaon_decays}"

    static func decode(_ node: SourceNode, log: DiagnosticLog) -> Exposure? {
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {streams: [...]}", log: log),
              let streamsNode = reader.required("streams", expected: streamsExpected),
              let elements = ValueDecoding.list(streamsNode, expected: streamsExpected, log: log)
        else { return nil }
        guard !elements.isEmpty else {
            log.report(streamsNode, "the list is empty", expected: streamsExpected)
            return nil
        }
        let streams = elements.enumerated().map { decodeStream($1, index: $0, log: log) }
        guard streams.allSatisfy({ $0 != nil }) else { return nil }
        let exposure = Exposure(streams: streams.compactMap { $0 })
        // Each stream is at most 1e20, so the sum is finite; it must itself be in range.
        let total = exposure.effectiveKaonDecays
        guard total > 0 else {
            log.report(streamsNode, "the streams add up to no effective kaon decays (every trigger efficiency is 0)",
                       expected: "at least one stream with effective kaon decays > 0")
            return nil
        }
        guard total >= PhysicalRanges.minimumTotalKaonDecays, total <= PhysicalRanges.maximumKaonDecays else {
            log.report(streamsNode, "the streams add up to N_K = \(NumberText.scientific(total)) effective kaon decays",
                       expected: "N_K, the sum over streams, in [1, 1e20]")
            return nil
        }
        return exposure
    }

    private static func decodeStream(_ node: SourceNode, index: Int, log: DiagnosticLog) -> TriggerStream? {
        guard let reader = MappingReader(node, allowedKeys: streamKeys, expected: "a stream mapping {name, kaon_decays, prescale, trigger_efficiency}", log: log)
        else { return nil }
        var valid = true
        var name = "stream \(index + 1)"
        if let nameNode = reader.optional("name") {
            if let text = ValueDecoding.text(nameNode, expected: "a stream name like '1-track (Run 1)'", log: log) { name = text } else { valid = false }
        }
        var raw = reader.entry("kaon_decays")
        let stated = reader.entry("effective_kaon_decays")
        var running: RunningConditions?
        if let runningEntry = reader.entry("running") {
            if let other = raw ?? stated {
                log.report(at: other.keyPosition, path: other.value.path, "given together with running (line \(runningEntry.keyPosition.line))",
                           expected: "kaon_decays, running or effective_kaon_decays")
                return nil
            }
            guard let conditions = decodeRunning(runningEntry.value, log: log) else { return nil }
            guard PhysicalRanges.streamKaonDecays.contains(conditions.kaonDecays) else {
                log.report(runningEntry.value, "the running conditions give \(NumberText.scientific(conditions.kaonDecays)) kaon decays", expected: kaonDecaysExpected)
                return nil
            }
            running = conditions
            raw = runningEntry
        }

        if let stated {
            let effective = ValueDecoding.number(stated.value, range: PhysicalRanges.streamKaonDecays, expected: effectiveExpected, log: log)
            if let raw {
                log.report(at: stated.keyPosition, path: stated.value.path,
                           "given together with kaon_decays (line \(raw.keyPosition.line))",
                           expected: "either kaon_decays (with prescale and trigger_efficiency) or effective_kaon_decays")
                return nil
            }
            for key in ["prescale", "trigger_efficiency"] {
                guard let entry = reader.entry(key) else { continue }
                log.report(at: entry.keyPosition, path: entry.value.path, "applies to kaon_decays, not to effective_kaon_decays",
                           expected: "effective_kaon_decays alone, or kaon_decays with \(key)")
                valid = false
            }
            guard valid, let effective else { return nil }
            return TriggerStream(name: name, kaonDecays: nil, statedEffectiveKaonDecays: effective)
        }
        if raw == nil {
            reader.reportMissing("kaon_decays", expected: "kaon_decays (with optional prescale and trigger_efficiency) or effective_kaon_decays")
        }
        let kaonDecays = running.map(\.kaonDecays)
            ?? raw.flatMap { ValueDecoding.number($0.value, range: PhysicalRanges.streamKaonDecays, expected: kaonDecaysExpected, log: log) }
        let prescale = reader.optional("prescale").map {
            ValueDecoding.number($0, range: ValueRange(lower: 1), expected: prescaleExpected, log: log)
        } ?? 1
        let efficiency = reader.optional("trigger_efficiency").map {
            ValueDecoding.number($0, range: .fraction, expected: efficiencyExpected, log: log)
        } ?? 1
        guard valid, let kaonDecays, let prescale, let efficiency else { return nil }
        return TriggerStream(name: name, kaonDecays: kaonDecays, prescale: prescale, triggerEfficiency: efficiency, running: running)
    }

    /// `running:` spills (or days × spills per day) and the K+ decays per spill (protons per
    /// spill × decays per proton, or the decay rate × the spill length).
    private static func decodeRunning(_ node: SourceNode, log: DiagnosticLog) -> RunningConditions? {
        guard let reader = MappingReader(node, allowedKeys: runningKeys, expected: runningExpected, log: log) else { return nil }
        func positive(_ key: String, _ expected: String) -> Double? {
            reader.optional(key).flatMap { ValueDecoding.number($0, range: .positive, expected: expected, log: log) }
        }
        func positiveQuantity(_ key: String, _ dimension: Quantity.Dimension, _ expected: String) -> Double? {
            reader.optional(key).flatMap { ValueDecoding.quantity($0, dimension, range: .positive, expected: expected, log: log) }
        }
        let spills: RunningConditions.Spills?
        switch (reader.optional("spills"), reader.optional("days")) {
        case (_?, nil):
            spills = positive("spills", "a number of spills > 0, like 0.92e6").map { .count($0) }
        case (nil, _?):
            let days = positive("days", "a number of days of running > 0, like 410")
            let perDay = reader.optional("spills_per_day") == nil ? nil : positive("spills_per_day", "spills per day > 0, like 2250")
            if reader.optional("spills_per_day") == nil { reader.reportMissing("spills_per_day", expected: "spills per day > 0, like 2250 (with days)") }
            spills = days.flatMap { d in perDay.map { .days(d, spillsPerDay: $0) } }
        case (let given?, _?):
            log.report(given, "given together with days", expected: "either spills or days with spills_per_day")
            spills = nil
        case (nil, nil):
            reader.reportMissing("spills", expected: "spills, or days with spills_per_day")
            spills = nil
        }
        let decays: RunningConditions.DecaysPerSpill?
        switch (reader.optional("protons_per_spill"), reader.optional("kaon_decay_rate")) {
        case (_?, nil):
            let protons = positive("protons_per_spill", "protons per spill > 0, like 2.2e12")
            let perProton = positive("kaon_decays_per_proton", "K+ decays in the fiducial volume per proton > 0, like 5e-6")
            if reader.optional("kaon_decays_per_proton") == nil {
                reader.reportMissing("kaon_decays_per_proton", expected: "K+ decays in the fiducial volume per proton, like 5e-6 (with protons_per_spill)")
            }
            decays = protons.flatMap { p in perProton.map { .protons(perSpill: p, kaonDecaysPerProton: $0) } }
        case (nil, _?):
            let rate = positiveQuantity("kaon_decay_rate", .frequency, "the K+ decay rate in the fiducial volume, like 3.7 MHz")
            let length = positiveQuantity("spill_length", .time, "the (effective) spill length, like 3 s")
            if reader.optional("spill_length") == nil { reader.reportMissing("spill_length", expected: "the spill length, like 3 s (with kaon_decay_rate)") }
            decays = rate.flatMap { r in length.map { .rate(hertz: r, spillLengthSeconds: $0) } }
        case (let given?, _?):
            log.report(given, "given together with kaon_decay_rate", expected: "either protons_per_spill with kaon_decays_per_proton, or kaon_decay_rate with spill_length")
            decays = nil
        case (nil, nil):
            reader.reportMissing("kaon_decay_rate", expected: "kaon_decay_rate with spill_length, or protons_per_spill with kaon_decays_per_proton")
            decays = nil
        }
        guard let spills, let decays else { return nil }
        return RunningConditions(spills: spills, decaysPerSpill: decays)
    }
}
