import Physics
import DetectorModel

/// `detector:` the m2_miss resolution, the photon veto, the signal (and background) acceptance
/// and the fraction of HNLs decaying visibly (seed 001 Eq. 1 and Sec. III).
enum DetectorDecoding {
    static let keys = ["resolution", "veto", "signal_acceptance", "background_acceptance", "visible_decay_fraction"]
    static let vetoKeys = ["hermetic_angle", "inefficiency", "beyond"]

    static let resolutionExpected = "the sigma of m2_miss, a squared mass in [1e-9, 1] GeV^2 like 1.7e-3 GeV^2, or a list of at least two points {mass: 200 MeV, sigma: 1.2e-3 GeV^2}"
    static let sigmaExpected = "the sigma of m2_miss at this missing mass, a squared mass in [1e-9, 1] GeV^2 like 1.2e-3 GeV^2"
    static let vetoExpected = "a mapping {hermetic_angle: 50 mrad, inefficiency: 1e-3, beyond: missed}"
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
        guard valid, let resolution, let veto, let acceptance, let visible else { return nil }
        return Detector(resolution: resolution, veto: veto, signalAcceptance: acceptance,
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

    private static func decodeVeto(_ node: SourceNode, log: DiagnosticLog) -> PhotonVeto? {
        guard let reader = MappingReader(node, allowedKeys: vetoKeys, expected: vetoExpected, log: log) else { return nil }
        let angle = reader.required("hermetic_angle", expected: angleExpected).flatMap {
            ValueDecoding.quantity($0, .angle, range: ValueRange(lower: 0, lowerInclusive: false, upper: Double.pi), expected: angleExpected, log: log)
        }
        let inefficiency = reader.required("inefficiency", expected: inefficiencyExpected).flatMap { node -> VetoInefficiency? in
            if let elements = node.elements {
                let table = PointTableDecoding(xKey: "energy", xDimension: .mass, xExpected: "a photon energy >= 0 like 1 GeV",
                                               yKey: "inefficiency", yExpected: "an inefficiency in [0, 1]")
                return table.decode(elements, listNode: node, log: log).map { .table(energiesGeV: $0.xs, inefficiencies: $0.ys) }
            }
            return ValueDecoding.number(node, range: .fraction, expected: inefficiencyExpected, log: log).map { .constant($0) }
        }
        let beyondExpected = "what happens to photons beyond the hermetic angle: missed or partial"
        let beyond = reader.optional("beyond").map {
            ValueDecoding.choice($0, ValueDecoding.cases(PhotonVeto.Beyond.self), expected: beyondExpected, log: log)
        } ?? .missed
        guard let angle, let inefficiency, let beyond else { return nil }
        return PhotonVeto(hermeticAngleRad: angle, inefficiency: inefficiency, beyond: beyond)
    }

    private static func decodeAcceptance(_ node: SourceNode, log: DiagnosticLog) -> SignalAcceptance? {
        guard let elements = node.elements else {
            return ValueDecoding.number(node, range: .positiveFraction, expected: acceptanceExpected, log: log).map { .constant($0) }
        }
        let table = PointTableDecoding(xKey: "mass", xDimension: .mass, xExpected: "an HNL mass >= 0 like 125 MeV",
                                       yKey: "acceptance", yExpected: "an acceptance in [0, 1]")
        guard let points = table.decode(elements, listNode: node, log: log) else { return nil }
        guard points.ys.contains(where: { $0 > 0 }) else {
            log.report(node, "every acceptance in the table is 0", expected: "an acceptance > 0 at some mass")
            return nil
        }
        return .table(massesGeV: points.xs, acceptances: points.ys)
    }
}
