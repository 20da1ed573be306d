import Foundation
import Physics
import DetectorModel

/// K+ → π0 l+ ν (K_l3, l = e or μ) with π0 → γγ, on exact three-body phase space, both photons
/// carried to the NA62 lab (docs/physics.md §5.13).
///
/// **Phase space.** In the kaon rest frame three-body phase space, integrated over the event's
/// orientation, is flat in the Dalitz energies (PDG 2020 review "Kinematics", Sec. "Dalitz
/// plot"): dΓ = |M|² dE_l dE_ν / ((2π)³ 8 m_K). The lepton energy is drawn through
/// s = m²_miss = (p_K − p_l)² = m_K² + m_l² − 2m_K E_l, uniform on [m_π0², (m_K − m_l)²]; the
/// neutrino energy uniform between the Dalitz boundaries of `SemileptonicRadiativeGenerator`
/// (massless ν): E_ν = (s − m_π²)(m_K − E_l ∓ p_l)/(2s).
///
/// **Weight.** With the spin-summed K_l3 matrix element |M|² = 2 G_F² |V_us f₊(0)|² C_K² |M₀|²,
/// |M₀|² = `RadiativeAmplitude.bornSquared` (docs/physics.md §5.2) of the current
/// H = f₊(t)(p_K + p_π) + f₋(t)(p_K − p_π) with the NA48/2 form factors (`KaonFormFactors`,
/// docs/physics.md §3.3), the event weight is
///
///     w = [G_F² |V_us f₊(0)|² C_K² / (32 π³ m_K)] |M₀|² ΔE_l ΔE_ν / Γ(K_l3),
///
/// Γ(K_l3) = `SemileptonicProduction.widthGeV` at m_N = 0 (the same matrix element integrated
/// in q², docs/physics.md §3.2), so Σw/N estimates 1: weights are shares of the K_l3 decays.
///
/// **Orientation and π0 decay.** The K+ is spinless, so the π0 direction in the kaon frame is
/// isotropic (cos θ_π uniform; its azimuth about the beam does not change polar angles); π0 is
/// spinless too, so γ₁ is isotropic in the π0 rest frame with energy m_π/2 and γ₂ opposite.
/// Boosted along the π0 direction (γ_π = E_π/m_π): E*₁ = (E_π + p_π cos θ_d)/2,
/// p*_∥ = (p_π + E_π cos θ_d)/2, p*_⊥ = (m_π/2) sin θ_d, and γ₂ = p_π − γ₁. Each photon's lab angle
/// and energy follow from its kaon-frame cos θ* and E* by the beam's boost (`KaonBeam`,
/// docs/physics.md §5.6).
public struct SemileptonicPhotonPairGenerator: Sendable {
    public let flavour: LeptonFlavour
    public let formFactors: KaonFormFactors
    public let beam: KaonBeam
    let polynomials: FormFactorPolynomials
    public let kaonMassGeV: Double
    public let pionMassGeV: Double
    public let leptonMassGeV: Double
    /// True m²_miss of K_l3: [m_π0², (m_K − m_l)²] [GeV²].
    public let missingMassSquaredRangeGeV2: ClosedRange<Double>
    /// Γ(K+ → π0 l+ ν) from the q² formula [GeV] (`SemileptonicProduction.widthGeV`, m_N = 0).
    public let widthGeV: Double
    /// G_F² |V_us f₊(0)|² C_K² / (32 π³ m_K) [GeV⁻⁵]: dΓ/dE_l dE_ν = this × |M₀|².
    let dalitzPrefactor: Double
    /// ΔE_l = [(m_K − m_l)² − m_π²]/(2m_K) [GeV], the lepton-energy span.
    let leptonEnergySpanGeV: Double
    /// dalitzPrefactor × ΔE_l / Γ [GeV⁻⁵]: w = this × |M₀|² × ΔE_ν.
    let weightNormalisation: Double

    public init(flavour: LeptonFlavour, formFactors: KaonFormFactors = .na48, beam: KaonBeam = .na62) {
        self.flavour = flavour
        self.formFactors = formFactors
        self.beam = beam
        kaonMassGeV = PDG2020.kaonChargedMassGeV
        pionMassGeV = PDG2020.pionNeutralMassGeV
        leptonMassGeV = flavour.massGeV
        polynomials = FormFactorPolynomials(formFactors, pionMassGeV: PDG2020.pionNeutralMassGeV)
        let upper = (kaonMassGeV - leptonMassGeV) * (kaonMassGeV - leptonMassGeV)
        missingMassSquaredRangeGeV2 = (pionMassGeV * pionMassGeV)...upper
        widthGeV = SemileptonicProduction.widthGeV(flavour: flavour, massGeV: 0, formFactors: formFactors)
        let gF = PDG2020.fermiConstantPerGeV2, vusF0 = PDG2020.formFactorTimesVus
        dalitzPrefactor = gF * gF * vusF0 * vusF0 * SemileptonicProduction.isospinFactorSquared
            / (32 * Double.pi * Double.pi * Double.pi * kaonMassGeV)
        leptonEnergySpanGeV = (upper - pionMassGeV * pionMassGeV) / (2 * kaonMassGeV)
        weightNormalisation = dalitzPrefactor * leptonEnergySpanGeV / widthGeV
    }

    // MARK: The Dalitz plot

    /// Lepton energy [GeV] in the kaon frame at m²_miss = s: (m_K² + m_l² − s)/(2m_K).
    @inline(__always)
    func leptonEnergyGeV(missingMassSquaredGeV2 s: Double) -> Double {
        (kaonMassGeV * kaonMassGeV + leptonMassGeV * leptonMassGeV - s) / (2 * kaonMassGeV)
    }

    /// dΓ(K+ → π0 l+ ν)/dE_l dE_ν [GeV⁻¹] at kaon-frame lepton and neutrino energies, from
    /// G_F |V_us f₊(0)| (zero outside the Dalitz plot): the density the weights follow.
    public func differentialWidthPerGeV2(leptonEnergyGeV e: Double, neutrinoEnergyGeV eNu: Double) -> Double {
        let mL = leptonMassGeV
        guard e > mL, eNu > 0 else { return 0 }
        let p = ((e - mL) * (e + mL)).squareRoot()
        let s = kaonMassGeV * kaonMassGeV + mL * mL - 2 * kaonMassGeV * e
        guard s > pionMassGeV * pionMassGeV else { return 0 }
        let factor = (s - pionMassGeV * pionMassGeV) / (2 * s)
        let lo = factor * (kaonMassGeV - e - p), hi = factor * (kaonMassGeV - e + p)
        guard eNu >= lo, eNu <= hi else { return 0 }
        return dalitzPrefactor * bornSquared(leptonEnergyGeV: e, neutrinoEnergyGeV: eNu)
    }

    /// |M₀|² [GeV⁴] at kaon-frame energies: `RadiativeAmplitude.bornSquared`,
    /// 2[2(H·p_ν)(H·p_l) − H²(p_ν·p_l)], with every product written through the energies (no
    /// angle, square root or division; equal to the four-vector form, tested to 10⁻¹⁰).
    /// With Q = p_l + p_ν = p_K − p_π, t = Q² = m_K² + m_π² − 2m_K E_π, P = p_K + p_π = 2p_K − Q
    /// and H = f₊(t) P + f₋(t) Q: p_l·p_ν = (t − m_l²)/2, P·p_ν = 2m_K E_ν − p_l·p_ν,
    /// P·p_l = 2m_K E_l − m_l² − p_l·p_ν, Q·p_l = m_l² + p_l·p_ν, Q·p_ν = p_l·p_ν,
    /// P² = m_K² + m_π² + 2m_K E_π, P·Q = m_K² − m_π², Q² = t.
    @inline(__always)
    func bornSquared(leptonEnergyGeV e: Double, neutrinoEnergyGeV eNu: Double) -> Double {
        let mK = kaonMassGeV, mPi = pionMassGeV, mL2 = leptonMassGeV * leptonMassGeV
        let ePi = mK - e - eNu
        let masses = mK * mK + mPi * mPi, kaonPion = 2 * mK * ePi
        let t = masses - kaonPion
        let fPlus = polynomials.plus(t: t), fMinus = polynomials.minus(t: t)
        let leptonNeutrino = 0.5 * (t - mL2)
        let currentNeutrino = fPlus * (2 * mK * eNu - leptonNeutrino) + fMinus * leptonNeutrino
        let currentLepton = fPlus * (2 * mK * e - mL2 - leptonNeutrino) + fMinus * (mL2 + leptonNeutrino)
        let currentSquared = fPlus * fPlus * (masses + kaonPion) + 2 * fPlus * fMinus * ((mK - mPi) * (mK + mPi)) + fMinus * fMinus * t
        return 2 * (2 * currentNeutrino * currentLepton - currentSquared * leptonNeutrino)
    }

    // MARK: One event

    /// The random numbers of one event, in the order they are drawn: m²_miss, neutrino energy,
    /// π0 direction, photon direction in the π0 frame, and the photon azimuth about the π0
    /// direction as (cos φ, sin φ).
    struct Draws {
        var missingMass: Double
        var neutrinoEnergy: Double
        var pionCos: Double
        var decayCos: Double
        var azimuthCos: Double
        var azimuthSin: Double
    }

    /// One event's random numbers; the azimuth without sin/cos, as a uniform point in the unit
    /// disc with its angle doubled (as `SemileptonicRadiativeGenerator` draws its azimuth).
    @inline(__always)
    static func draw(_ rng: inout Xoshiro256StarStar) -> Draws {
        let missingMass = rng.uniform(), neutrinoEnergy = rng.uniform()
        let pionCos = 2 * rng.uniform() - 1, decayCos = 2 * rng.uniform() - 1
        let azimuth = rng.uniformAzimuth()
        return Draws(missingMass: missingMass, neutrinoEnergy: neutrinoEnergy, pionCos: pionCos, decayCos: decayCos,
                     azimuthCos: azimuth.cos, azimuthSin: azimuth.sin)
    }

    /// The Dalitz point of `d`: m²_miss, lepton energy and momentum, neutrino energy, π0 energy
    /// and momentum in the kaon frame, and the weight.
    struct DalitzPoint {
        var missingMassSquaredGeV2: Double
        var leptonEnergyGeV: Double
        var leptonMomentumGeV: Double
        var neutrinoEnergyGeV: Double
        var pionEnergyGeV: Double
        var pionMomentumGeV: Double
        var weight: Double
    }

    @inline(__always)
    func dalitzPoint(_ d: Draws) -> DalitzPoint {
        let mL = leptonMassGeV, mPi = pionMassGeV
        let range = missingMassSquaredRangeGeV2
        let s = range.lowerBound + d.missingMass * (range.upperBound - range.lowerBound)
        let e = leptonEnergyGeV(missingMassSquaredGeV2: s)
        let p = max(0, (e - mL) * (e + mL)).squareRoot()
        let factor = (s - mPi * mPi) / (2 * s)
        let lo = factor * (kaonMassGeV - e - p)
        let span = 2 * factor * p
        let eNu = lo + d.neutrinoEnergy * span
        let ePi = kaonMassGeV - e - eNu
        let pPi = max(0, (ePi - mPi) * (ePi + mPi)).squareRoot()
        let weight = weightNormalisation * span * bornSquared(leptonEnergyGeV: e, neutrinoEnergyGeV: eNu)
        return DalitzPoint(missingMassSquaredGeV2: s, leptonEnergyGeV: e, leptonMomentumGeV: p, neutrinoEnergyGeV: eNu,
                           pionEnergyGeV: ePi, pionMomentumGeV: pPi, weight: weight)
    }

    /// Kaon-frame energy and z component (along the beam) of photon 1: the π0-frame photon
    /// (m_π/2 at cos θ_d, azimuth φ) boosted along the π0 direction, which makes angle θ_π with
    /// the beam. Photon 2 is the π0's four-momentum minus photon 1. The z component needs
    /// sin θ_d sin θ_π only as a product: one square root.
    @inline(__always)
    func firstPhoton(pionEnergyGeV ePi: Double, pionMomentumGeV pPi: Double, _ d: Draws) -> (energy: Double, z: Double) {
        let sines = ((1 - d.decayCos) * (1 + d.decayCos) * ((1 - d.pionCos) * (1 + d.pionCos))).squareRoot()
        let energy = 0.5 * (ePi + pPi * d.decayCos)
        let parallel = 0.5 * (pPi + ePi * d.decayCos)
        let z = parallel * d.pionCos - 0.5 * pionMassGeV * sines * d.azimuthCos
        return (energy, z)
    }

    /// The weighted event of `d`: true m²_miss and both photons' lab angle and energy.
    @inline(__always)
    func event(_ d: Draws) -> PhotonPairEvent {
        event(d, at: dalitzPoint(d))
    }

    /// The event of `d` at its Dalitz point `point` (computed by `dalitzPoint(d)`).
    @inline(__always)
    func event(_ d: Draws, at point: DalitzPoint) -> PhotonPairEvent {
        event(point, labPhotons(d, at: point))
    }

    /// Both photons in the lab, their polar angles still as (p_T, p_∥) (see `labPhotons`); lane
    /// 0 is photon 1, lane 1 photon 2.
    struct LabPhotons {
        var energy: SIMD2<Double>, transverse: SIMD2<Double>, longitudinal: SIMD2<Double>
    }

    /// The photons of the event of `d` at `point`: photon 1 from `firstPhoton`, photon 2 the
    /// π0 minus photon 1, both boosted into the lab (`KaonBeam`, docs/physics.md §5.6) at once:
    /// E = γ(E* + βp*_z), p_∥ = γ(p*_z + βE*), p_T² = (E* − p*_z)(E* + p*_z), written without
    /// cos θ* = p*_z/E*.
    @inline(__always)
    func labPhotons(_ d: Draws, at point: DalitzPoint) -> LabPhotons {
        let first = firstPhoton(pionEnergyGeV: point.pionEnergyGeV, pionMomentumGeV: point.pionMomentumGeV, d)
        let e = SIMD2(first.energy, point.pionEnergyGeV - first.energy)
        let z = SIMD2(first.z, point.pionMomentumGeV * d.pionCos - first.z)
        let transverseSquared = (e - z) * (e + z)
        return LabPhotons(energy: beam.gamma * (e + beam.beta * z),
                          transverse: transverseSquared.replacing(with: 0, where: transverseSquared .< 0).squareRoot(),
                          longitudinal: beam.gamma * ((e + z) - beam.oneMinusBeta * e))
    }

    /// The event at `point` with photons `photons`: their lab angles (`Arctangent`).
    @inline(__always)
    func event(_ point: DalitzPoint, _ photons: LabPhotons) -> PhotonPairEvent {
        let angles = Arctangent.polarAngles(transverse: photons.transverse, longitudinal: photons.longitudinal)
        return PhotonPairEvent(missingMassSquaredGeV2: point.missingMassSquaredGeV2, weight: point.weight,
                               photon1AngleRad: angles[0], photon1EnergyGeV: photons.energy[0],
                               photon2AngleRad: angles[1], photon2EnergyGeV: photons.energy[1])
    }

    /// The next weighted event from `rng`.
    public func next(using rng: inout Xoshiro256StarStar) -> PhotonPairEvent {
        event(Self.draw(&rng))
    }

    /// Fills `buffer` with consecutive events from `rng` (the sample's and the benchmark's loop).
    ///
    /// In stages over the block: the draws (the only branch on random values is the azimuth's
    /// rejection loop), the Dalitz points and weights, the lab photons, their angles;
    /// `event(_:)` runs the same stages on one event, bit-identically. Within a stage the
    /// iterations are independent, so the CPU overlaps the events' independent chains of
    /// square roots and divisions.
    func fill(_ buffer: UnsafeMutableBufferPointer<PhotonPairEvent>, using rng: inout Xoshiro256StarStar) {
        withUnsafeTemporaryAllocation(of: Draws.self, capacity: buffer.count) { draws in
            withUnsafeTemporaryAllocation(of: DalitzPoint.self, capacity: buffer.count) { points in
                withUnsafeTemporaryAllocation(of: LabPhotons.self, capacity: buffer.count) { photons in
                    for i in buffer.indices { draws[i] = Self.draw(&rng) }
                    for i in buffer.indices { points[i] = dalitzPoint(draws[i]) }
                    for i in buffer.indices { photons[i] = labPhotons(draws[i], at: points[i]) }
                    for i in buffer.indices { buffer[i] = event(points[i], photons[i]) }
                }
            }
        }
    }

    // MARK: Full four-momenta, for the checks

    /// Every particle's kaon-frame four-momentum of one event, the π0 in the x–z plane.
    public struct Configuration: Sendable {
        public var lepton: FourMomentum
        public var neutrino: FourMomentum
        public var pion: FourMomentum
        public var photon1: FourMomentum
        public var photon2: FourMomentum
        public var weight: Double
    }

    /// The four-momenta of the event of `d` (the same draws give `event(d)`). The lepton and
    /// neutrino are placed opposite the π0, at the Dalitz point's angles.
    func configuration(_ d: Draws) -> Configuration {
        let point = dalitzPoint(d)
        let ePi = point.pionEnergyGeV, pPi = point.pionMomentumGeV
        let pionSin = ((1 - d.pionCos) * (1 + d.pionCos)).squareRoot()
        let axis = (x: pionSin, z: d.pionCos), across = (x: d.pionCos, z: -pionSin)
        let pion = FourMomentum(ePi, pPi * axis.x, 0, pPi * axis.z)
        // π0-frame photon: m_π/2 at (θ_d, φ) about the π0 axis, boosted along it.
        let parallel = 0.5 * (pPi + ePi * d.decayCos)
        let perpendicular = 0.5 * pionMassGeV * ((1 - d.decayCos) * (1 + d.decayCos)).squareRoot()
        let transverse = (x: perpendicular * d.azimuthCos, y: perpendicular * d.azimuthSin)
        let photon1 = FourMomentum(0.5 * (ePi + pPi * d.decayCos), parallel * axis.x + transverse.x * across.x, transverse.y,
                                   parallel * axis.z + transverse.x * across.z)
        // Lepton and neutrino: their sum balances the π0; within the (l ν) system the lepton at
        // the angle fixed by the energies, in the plane of the π0 and the y axis.
        let pL = point.leptonMomentumGeV, eNu = point.neutrinoEnergyGeV
        let cosine = pPi > 0 ? max(-1, min(1, (eNu * eNu - pL * pL - pPi * pPi) / (2 * pL * pPi))) : 1
        let sine = ((1 - cosine) * (1 + cosine)).squareRoot()
        let lepton = FourMomentum(point.leptonEnergyGeV, pL * (cosine * axis.x), pL * sine, pL * (cosine * axis.z))
        let neutrino = FourMomentum(PDG2020.kaonChargedMassGeV, 0, 0, 0) - pion - lepton
        return Configuration(lepton: lepton, neutrino: neutrino, pion: pion, photon1: photon1, photon2: pion - photon1,
                             weight: point.weight)
    }
}
