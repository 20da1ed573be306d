/// One weighted K+ → π0 l+ ν, π0 → γγ event as the photon veto sees it: the true m²_miss and
/// both photons' lab polar angle to the beam and lab energy (docs/physics.md §5.13).
public struct PhotonPairEvent: Sendable, Equatable {
    /// m²_miss = (p_K − p_l)² = (p_π0 + p_ν)² [GeV²], Lorentz invariant.
    public var missingMassSquaredGeV2: Double
    /// The event's share of the K_l3 decays: Σw/N → 1 (the Dalitz density weight).
    public var weight: Double
    public var photon1AngleRad: Double
    public var photon1EnergyGeV: Double
    public var photon2AngleRad: Double
    public var photon2EnergyGeV: Double

    public init(missingMassSquaredGeV2: Double, weight: Double, photon1AngleRad: Double, photon1EnergyGeV: Double,
                photon2AngleRad: Double, photon2EnergyGeV: Double) {
        self.missingMassSquaredGeV2 = missingMassSquaredGeV2
        self.weight = weight
        self.photon1AngleRad = photon1AngleRad
        self.photon1EnergyGeV = photon1EnergyGeV
        self.photon2AngleRad = photon2AngleRad
        self.photon2EnergyGeV = photon2EnergyGeV
    }
}
