import Physics
import DetectorModel

/// `detector:` the m2_miss resolution, the photon veto, the signal (and background) acceptance
/// and the fraction of HNLs decaying visibly (seed 001 Eq. 1 and Sec. III).
enum DetectorDecoding {
    static let keys = ["resolution", "resolution_tail", "veto", "signal_acceptance", "background_acceptance", "visible_decay_fraction"]
    static let vetoKeys = ["hermetic_angle", "inefficiency", "regions", "beyond"]
    static let regionKeys = ["name", "from", "to", "inefficiency"]

    static let resolutionExpected = "the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}"
    static let sigmaExpected = "the sigma of m2_miss at this missing mass, a squared mass in [1e-9, 1] GeV^2 like 1.2e-3 GeV^2"
    static let tailExpected = "a non-Gaussian resolution tail {fraction: 1e-4, scale: 0.02 GeV^2} (exponential) or {fraction: 1e-4, shape: [{offset: 0 GeV^2, density: 1}, ...]}"
    static let tailKeys = ["fraction", "scale", "shape"]
    static let vetoExpected = "a mapping {hermetic_angle: 50 mrad, inefficiency: 1e-3, beyond: missed}, or {regions: [...], beyond: missed}"
    static let regionsExpected = "a list of angular regions in increasing angle, like [{name: LKr, from: 1 mrad, to: 8.5 mrad, inefficiency: 1e-5}, {name: LAV, from: 8.5 mrad, to: 50 mrad, inefficiency: 3e-3}]"
    static let regionAngleExpected = "a lab polar angle in [0, 180 deg] like 8.5 mrad"
    static let angleExpected = "the edge of the hermetic veto coverage, an angle in (0, 180 deg] like 50 mrad"
    static let inefficiencyExpected = "a photon-veto inefficiency in [0, 1] like 1e-3, or a list of points {energy: 1 GeV, inefficiency: 1e-3}"
    static let acceptanceExpected = "a signal acceptance in (0, 1] like 0.1, or a list of points {mass: 125 MeV, acceptance: 0.1}"
    static let backgroundAcceptanceExpected = "a background acceptance in [0, 1] like 0.1 (omit it to use the signal acceptance)"
    static let visibleExpected = "the fraction of HNLs decaying visibly in the detector, in [0, 1) like 0"

    /// `vetoRequired`: the built-in radiative background needs a veto model.
    static func decode(_ node: SourceNode, vetoRequired: Bool, log: DiagnosticLog) -> Detector? {
        guard let reader = MappingReader(node, allowedKeys: keys, expected: "a mapping {resolution, veto, signal_acceptance, ...}", log: log)
        else { return nil }
        let resolution = reader.required("resolution", expected: resolutionExpected).flatMap { decodeResolution($0, log: log) }
        var tail: ResolutionTail?
        var tailValid = true
        if let node = reader.optional("resolution_tail") {
            tail = decodeTail(node, log: log)
            tailValid = tail != nil
        }
        let veto: PhotonVeto?
        if let vetoNode = reader.optional("veto") {
            veto = decodeVeto(vetoNode, log: log)
        } else if vetoRequired {
            reader.reportMissing("veto", expected: vetoExpected + " (the radiative background needs it)")
            veto = nil
        } else {
            // A user table already contains the veto; seed 001 Sec. III's stands in the model.
            veto = .seed001
        }
        let acceptance = reader.required("signal_acceptance", expected: acceptanceExpected).flatMap { decodeAcceptance($0, log: log) }
        var valid = true
        var backgroundAcceptance: Double?
        if let node = reader.optional("background_acceptance") {
            backgroundAcceptance = ValueDecoding.number(node, range: .fraction, expected: backgroundAcceptanceExpected, log: log)
            valid = backgroundAcceptance != nil
        }
        let visible = reader.optional("visible_decay_fraction").map {
            ValueDecoding.number($0, range: ValueRange(lower: 0, upper: 1, upperInclusive: false), expected: visibleExpected, log: log)
        } ?? 0
        guard valid, tailValid, let resolution, let veto, let acceptance, let visible else { return nil }
        return Detector(resolution: resolution, resolutionTail: tail, veto: veto, signalAcceptance: acceptance,
                        backgroundAcceptance: backgroundAcceptance, visibleDecayFraction: visible)
    }

    /// σ(m²_miss): one squared mass, or σ against the missing mass m_miss = √m²_miss at two
    /// or more increasing masses (docs/physics.md §5.8).
    private static func decodeResolution(_ node: SourceNode, log: DiagnosticLog) -> MissingMassResolution? {
        guard let elements = node.elements else {
            return ValueDecoding.quantity(node, .massSquared, range: PhysicalRanges.resolutionGeV2, expected: resolutionExpected, log: log)
                .map { .constant($0) }
        }
        let table = PointTableDecoding(xKey: "mass", xDimension: .mass, xExpected: "a missing mass >= 0 like 200 MeV",
                                       yKey: "sigma", yExpected: sigmaExpected, yDimension: .massSquared,
                                       yRange: PhysicalRanges.resolutionGeV2, minimumCount: 2)
        return table.decode(elements, listNode: node, log: log).map { .table(massesGeV: $0.xs, sigmasGeV2: $0.ys) }
    }

    /// `resolution_tail:` a fraction f in [0, 1) and either an exponential scale λ or a shape
    /// table against the offset |m²_reco − m²_true| ≥ 0 (docs/physics.md §5.8.2).
    private static func decodeTail(_ node: SourceNode, log: DiagnosticLog) -> ResolutionTail? {
        guard let reader = MappingReader(node, allowedKeys: tailKeys, expected: tailExpected, log: log) else { return nil }
        let fraction = reader.required("fraction", expected: "the fraction of events in the tail, in [0, 1) like 1e-4").flatMap {
            ValueDecoding.number($0, range: ValueRange(lower: 0, upper: 1, upperInclusive: false),
                                 expected: "the fraction of events in the tail, in [0, 1) like 1e-4", log: log)
        }
        let scaleNode = reader.optional("scale"), shapeNode = reader.optional("shape")
        let shape: ResolutionTail.Shape?
        switch (scaleNode, shapeNode) {
        case (let scaleNode?, nil):
            let expected = "the exponential tail's scale, a squared mass in [1e-9, 1] GeV^2 like 0.02 GeV^2"
            shape = ValueDecoding.quantity(scaleNode, .massSquared, range: PhysicalRanges.resolutionGeV2, expected: expected, log: log)
                .map { .exponential(scaleGeV2: $0) }
        case (nil, let shapeNode?):
            let table = PointTableDecoding(xKey: "offset", xDimension: .massSquared, xExpected: "an offset |m2_reco - m2_true| >= 0 like 0.01 GeV^2",
                                           yKey: "density", yExpected: "a relative density >= 0 (the tool normalises the shape)",
                                           yRange: ValueRange(lower: 0, upper: 1e30), minimumCount: 2)
            guard let elements = shapeNode.elements else {
                log.report(shapeNode, "not a list of points", expected: "a list of at least 2 points {offset: 0.01 GeV^2, density: 1}")
                return nil
            }
            guard let points = table.decode(elements, listNode: shapeNode, log: log) else { return nil }
            guard points.ys.contains(where: { $0 > 0 }) else {
                log.report(shapeNode, "every density in the shape is 0", expected: "a density > 0 at some offset")
                return nil
            }
            shape = .table(offsetsGeV2: points.xs, densities: points.ys)
        case (let scaleNode?, let shapeNode?):
            log.report(shapeNode, "given together with scale (line \(scaleNode.position.line))", expected: "either scale (exponential) or shape (a table)")
            return nil
        case (nil, nil):
            reader.reportMissing("scale", expected: "the exponential tail's scale like 0.02 GeV^2, or a shape table")
            return nil
        }
        guard let fraction, let shape else { return nil }
        return ResolutionTail(fraction: fraction, shape: shape)
    }

    private static func decodeVeto(_ node: SourceNode, log: DiagnosticLog) -> PhotonVeto? {
        guard let reader = MappingReader(node, allowedKeys: vetoKeys, expected: vetoExpected, log: log) else { return nil }
        let beyondExpected = "what happens to photons beyond the hermetic angle: missed or partial"
        let beyond = reader.optional("beyond").map {
            ValueDecoding.choice($0, ValueDecoding.cases(PhotonVeto.Beyond.self), expected: beyondExpected, log: log)
        } ?? .missed
        if let regionsNode = reader.optional("regions") {
            var valid = true
            for key in ["hermetic_angle", "inefficiency"] {
                if let other = reader.optional(key) {
                    log.report(other, "'\(key)' cannot be given with 'regions' (each region has its angles and inefficiency)",
                               expected: "either {hermetic_angle, inefficiency} or {regions}")
                    valid = false
                }
            }
            let regions = decodeRegions(regionsNode, log: log)
            guard valid, let regions, let beyond else { return nil }
            return PhotonVeto(regions: regions, beyond: beyond)
        }
        let angle = reader.required("hermetic_angle", expected: angleExpected).flatMap {
            ValueDecoding.quantity($0, .angle, range: ValueRange(lower: 0, lowerInclusive: false, upper: Double.pi), expected: angleExpected, log: log)
        }
        let inefficiency = reader.required("inefficiency", expected: inefficiencyExpected).flatMap { decodeInefficiency($0, log: log) }
        guard let angle, let inefficiency, let beyond else { return nil }
        return PhotonVeto(hermeticAngleRad: angle, inefficiency: inefficiency, beyond: beyond)
    }

    /// An inefficiency: one number, or points against the lab photon energy.
    private static func decodeInefficiency(_ node: SourceNode, log: DiagnosticLog) -> VetoInefficiency? {
        if let elements = node.elements {
            let table = PointTableDecoding(xKey: "energy", xDimension: .mass, xExpected: "a photon energy >= 0 like 1 GeV",
                                           yKey: "inefficiency", yExpected: "an inefficiency in [0, 1]")
            return table.decode(elements, listNode: node, log: log).map { .table(energiesGeV: $0.xs, inefficiencies: $0.ys) }
        }
        return ValueDecoding.number(node, range: .fraction, expected: inefficiencyExpected, log: log).map { .constant($0) }
    }

    /// `regions:` angular regions {name, from, to, inefficiency} in increasing angle, each
    /// starting at or after the previous one's end (a gap is uncovered).
    private static func decodeRegions(_ node: SourceNode, log: DiagnosticLog) -> [VetoRegion]? {
        guard let elements = node.elements, !elements.isEmpty else {
            log.report(node, "not a list of regions", expected: regionsExpected)
            return nil
        }
        let angleRange = ValueRange(lower: 0, upper: Double.pi)
        var regions: [VetoRegion] = []
        var valid = true
        for element in elements {
            guard let reader = MappingReader(element, allowedKeys: regionKeys, expected: "a region {name, from, to, inefficiency}", log: log) else {
                valid = false
                continue
            }
            let name = reader.optional("name").flatMap { ValueDecoding.text($0, expected: "the detector's name, like LAV", log: log) }
            let from = reader.required("from", expected: regionAngleExpected).flatMap {
                ValueDecoding.quantity($0, .angle, range: angleRange, expected: regionAngleExpected, log: log)
            }
            let toNode = reader.required("to", expected: regionAngleExpected)
            let to = toNode.flatMap { ValueDecoding.quantity($0, .angle, range: angleRange, expected: regionAngleExpected, log: log) }
            let inefficiency = reader.required("inefficiency", expected: inefficiencyExpected).flatMap { decodeInefficiency($0, log: log) }
            guard let from, let to, let toNode, let inefficiency else {
                valid = false
                continue
            }
            if to <= from {
                log.report(toNode, "region ends at \(NumberText.plain(to * 1e3)) mrad, not after its start at \(NumberText.plain(from * 1e3)) mrad",
                           expected: "'to' larger than 'from'")
                valid = false
            } else if let previous = regions.last, from < previous.toAngleRad {
                log.report(element, "region starts at \(NumberText.plain(from * 1e3)) mrad, inside the previous region (which ends at \(NumberText.plain(previous.toAngleRad * 1e3)) mrad)",
                           expected: "regions in increasing angle that do not overlap")
                valid = false
            }
            regions.append(VetoRegion(name: name, fromAngleRad: from, toAngleRad: to, inefficiency: inefficiency))
        }
        return valid ? regions : nil
    }

    private static func decodeAcceptance(_ node: SourceNode, log: DiagnosticLog) -> SignalAcceptance? {
        guard let elements = node.elements else {
            return ValueDecoding.number(node, range: .positiveFraction, expected: acceptanceExpected, log: log).map { .constant($0) }
        }
        // Points in true m²_miss when the first point names m2_miss, else in mass.
        let inMissingMass = elements.first?.entries?.contains { $0.key == "m2_miss" } ?? false
        let table = inMissingMass
            ? PointTableDecoding(xKey: "m2_miss", xDimension: .massSquared, xExpected: "a true m2_miss >= 0 like 0.1 GeV^2",
                                 yKey: "acceptance", yExpected: "an acceptance in [0, 1]")
            : PointTableDecoding(xKey: "mass", xDimension: .mass, xExpected: "an HNL mass >= 0 like 125 MeV",
                                 yKey: "acceptance", yExpected: "an acceptance in [0, 1]")
        guard let points = table.decode(elements, listNode: node, log: log) else { return nil }
        guard points.ys.contains(where: { $0 > 0 }) else {
            log.report(node, "every acceptance in the table is 0", expected: "an acceptance > 0 at some \(inMissingMass ? "m2_miss" : "mass")")
            return nil
        }
        return inMissingMass ? .missingMassSquaredTable(m2GeV2: points.xs, acceptances: points.ys) : .table(massesGeV: points.xs, acceptances: points.ys)
    }
}
