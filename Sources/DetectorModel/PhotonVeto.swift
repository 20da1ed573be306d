/// Photon-veto response: the probability that a photon escapes detection, which is what lets
/// K+ → π0 e+ ν γ, K+ → μ+ ν γ or K+ → π0 μ+ ν fake a heavy-lepton signal.
///
/// Model of seed 001 (Tastet et al. 2021) Sec. III: hermetic coverage up to the polar angle
/// θ_max with inefficiency ε (10⁻³ nominal); beyond θ_max the photon is either always missed
/// (the paper's conservative choice) or covered with probability ≈ θ_max/θ_γ. The coverage may
/// be split into angular regions with their own inefficiencies, as NA62's is (small-angle
/// calorimeters, LKr, LAV: seed 000 Sec. 1 and Sec. 4; docs/physics.md §5.7.1).
public struct PhotonVeto: Sendable, Equatable {
    /// What happens to photons at θ_γ ≥ θ_max.
    public enum Beyond: String, Sendable, Equatable, CaseIterable {
        /// Always missed (seed 001's conservative assumption).
        case missed
        /// Partial geometric coverage θ_max/θ_γ, with the outermost region's inefficiency.
        case partial
    }

    /// Angular regions in increasing lab polar angle, not overlapping; a photon between two
    /// regions (or below the first) is missed. The last region's upper edge is θ_max.
    public var regions: [VetoRegion]
    public var beyond: Beyond

    /// One region from the beam axis to θ_max (seed 001's model).
    public init(hermeticAngleRad: Double, inefficiency: VetoInefficiency, beyond: Beyond) {
        self.init(regions: [VetoRegion(name: nil, fromAngleRad: 0, toAngleRad: hermeticAngleRad, inefficiency: inefficiency)], beyond: beyond)
    }

    /// Regions as `regions` describes them (at least one; the scenario layer checks the order).
    public init(regions: [VetoRegion], beyond: Beyond) {
        precondition(!regions.isEmpty, "a photon veto has at least one region")
        self.regions = regions
        self.beyond = beyond
    }

    /// Edge of the hermetic coverage θ_max, lab polar angle to the beam axis [rad]: the upper
    /// edge of the outermost region (setting it moves that edge).
    public var hermeticAngleRad: Double {
        get { regions[regions.count - 1].toAngleRad }
        set { regions[regions.count - 1].toAngleRad = newValue }
    }

    /// The inefficiency of a single-region veto, or of the outermost region (the one the
    /// partial coverage beyond θ_max continues); setting it sets every region's.
    public var inefficiency: VetoInefficiency {
        get { regions[regions.count - 1].inefficiency }
        set { for index in regions.indices { regions[index].inefficiency = newValue } }
    }

    /// True for seed 001's model: one region starting at the beam axis.
    public var isSingleRegion: Bool { regions.count == 1 && regions[0].fromAngleRad == 0 }
}

/// One angular region of the photon veto: lab polar angles [from, to) covered with an
/// inefficiency that may depend on the photon's lab energy (e.g. NA62's LAV, 8.5–50 mrad,
/// (0.30 ± 0.06) % for 0.3–3 GeV photons, seed 000 Sec. 4).
public struct VetoRegion: Sendable, Equatable {
    /// The detector's name, for summaries (nil for seed 001's single region).
    public var name: String?
    public var fromAngleRad: Double
    public var toAngleRad: Double
    public var inefficiency: VetoInefficiency

    public init(name: String?, fromAngleRad: Double, toAngleRad: Double, inefficiency: VetoInefficiency) {
        self.name = name
        self.fromAngleRad = fromAngleRad
        self.toAngleRad = toAngleRad
        self.inefficiency = inefficiency
    }
}

/// Photon-detection inefficiency of the veto: one number, or a table of lab photon energy
/// [GeV] → inefficiency, interpolated linearly and held constant beyond its ends.
public enum VetoInefficiency: Sendable, Equatable {
    case constant(Double)
    case table(energiesGeV: [Double], inefficiencies: [Double])
}

/// Signal acceptance ε_sig: one number, or a table of HNL mass [GeV] → acceptance,
/// interpolated linearly and held constant beyond its ends.
public enum SignalAcceptance: Sendable, Equatable {
    case constant(Double)
    case table(massesGeV: [Double], acceptances: [Double])
    /// Points in true m²_miss [GeV²] (`[{m2_miss: 0.1 GeV^2, acceptance: 0.3}, …]`), for a
    /// continuum whose acceptance depends on where in m²_miss the event lies (seed 000 Sec. 6:
    /// A(m²_miss) falls towards the endpoint); an HNL's true m²_miss is m_N².
    case missingMassSquaredTable(m2GeV2: [Double], acceptances: [Double])
}
