import Foundation
import Physics
import Quadrature

/// K+ → π0 l+ ν γ (l = e, μ) inner bremsstrahlung on exact four-body phase space, kaon at rest.
///
/// Phase space is factorised exactly as Φ₄(P) = ∫ d³k/((2π)³ 2E_γ) Φ₃(P − k) (PDG "Kinematics",
/// recursive phase space): the photon (energy E*_γ in the kaon frame) is drawn first, then the
/// three-body decay Q = P − k → π0 l+ ν in the rest frame of Q, where the photon and the kaon both
/// move along +z. The matrix element is `RadiativeAmplitude.semileptonic` (Lorentz invariant,
/// evaluated in the Q frame). By isotropy of the spin-0 decay the orientation of the whole event
/// relative to the beam is uniform and independent of everything here; it is integrated
/// analytically by the detector model.
///
/// Importance sampling: E*_γ ∝ 1/(E + E₀) (`PhotonEnergySampler`); the lepton direction relative
/// to the photon half uniform, half following the collinear peak 1/(p_l·k) ∝ 1/(1 − β_l cos θ_lγ)
/// octave by octave (`OctaveDensity`);
/// Dalitz energies (E_l, E_ν) flat, which is exact phase-space density. Weights:
///
///     w = e² |M_γ|² E*_γ J / (8π² I₀),   J = ΔE_l ΔE_ν / (pdf(E*_γ) pdf(cos θ_lγ)),
///     I₀ = ∫∫ |M₀|² dE_l dE_ν  (non-radiative Dalitz plot, same form factors),
///
/// so Σw/N estimates Γ(K_l3γ, E*_γ > E_cut)/Γ(K_l3): the constants of Φ₃ cancel in the ratio,
/// and the photon solid angle 4π and the two azimuths 2π·2π combine with 1/(2(2π)³) to 1.
public struct SemileptonicRadiativeGenerator: RadiativeEventGenerator {
    public let process: RadiativeProcess
    public let photonEnergyCutoffGeV: Double
    public let formFactors: KaonFormFactors
    let polynomials: FormFactorPolynomials
    public let kaonMassGeV: Double
    let inverseKaonMass: Double
    let leptonMassSquared: Double
    let inverseLeptonMassSquared: Double
    public let pionMassGeV: Double
    public let leptonMassGeV: Double
    /// I₀ = ∫∫ |M₀|² dE_l dE_ν over the K_l3 Dalitz plot in the kaon frame [GeV⁶].
    public private(set) var bornIntegral: Double
    /// e²/(8π² I₀) = 4πα/(8π² I₀), the constant factor of every weight.
    public private(set) var weightNormalisation: Double
    public let energySampler: PhotonEnergySampler
    /// Share of lepton directions drawn uniformly (the rest follow the collinear peak).
    public let uniformDirectionFraction: Double

    /// - Parameters:
    ///   - leptonMassGeV: overrides the lepton mass (tests use a near-massless lepton for the
    ///     collinear limit); by default the process's lepton.
    ///   - samplingScaleGeV: E₀ of the photon-energy sampling density ∝ 1/(E + E₀).
    ///   - uniformDirectionFraction: share of lepton directions drawn uniformly.
    ///
    /// The sampling defaults (E₀ = 50 MeV, 30 % uniform) minimise the largest MC uncertainty of
    /// b over the K+ → π0 e+ N windows 100–300 MeV among E₀ ∈ {20, 50, 100, 200} MeV and
    /// {20, 30, 50} % (measured: 1.3 % at 2²⁰ events instead of 1.6 % for 20 MeV, 50 %); they
    /// change no expectation value, only how the events are spread.
    public init(process: RadiativeProcess = .ke3Gamma, photonEnergyCutoffGeV: Double,
                formFactors: KaonFormFactors = .na48, leptonMassGeV: Double? = nil,
                samplingScaleGeV: Double = 0.05, uniformDirectionFraction: Double = 0.3) {
        precondition(process.hasNeutralPion, "SemileptonicRadiativeGenerator generates K_l3γ only")
        self.process = process
        self.photonEnergyCutoffGeV = photonEnergyCutoffGeV
        self.formFactors = formFactors
        kaonMassGeV = PDG2020.kaonChargedMassGeV
        inverseKaonMass = 1 / PDG2020.kaonChargedMassGeV
        pionMassGeV = PDG2020.pionNeutralMassGeV
        polynomials = FormFactorPolynomials(formFactors, pionMassGeV: PDG2020.pionNeutralMassGeV)
        let mLepton = leptonMassGeV ?? process.flavour.massGeV
        self.leptonMassGeV = mLepton
        leptonMassSquared = mLepton * mLepton
        inverseLeptonMassSquared = 1 / (mLepton * mLepton)
        let rest = pionMassGeV + mLepton
        let maximum = (kaonMassGeV * kaonMassGeV - rest * rest) / (2 * kaonMassGeV)
        energySampler = PhotonEnergySampler(minimumGeV: photonEnergyCutoffGeV, maximumGeV: maximum, scaleGeV: samplingScaleGeV)
        self.uniformDirectionFraction = uniformDirectionFraction
        bornIntegral = 0
        weightNormalisation = 0
        bornIntegral = bornDalitzIntegral { _, _, born in born }
        weightNormalisation = 4 * Double.pi * PDG2020.fineStructure / (8 * Double.pi * Double.pi * bornIntegral)
    }

    // MARK: Three-body kinematics

    /// Largest lepton energy [GeV] in the rest frame of a system of mass `parentGeV` decaying to
    /// π0 l+ ν (neutrino massless): (M² + m_l² − m_π²)/(2M).
    func maximumLeptonEnergy(parentGeV m: Double) -> Double {
        (m * m + leptonMassGeV * leptonMassGeV - pionMassGeV * pionMassGeV) / (2 * m)
    }

    /// Neutrino-energy range at fixed lepton energy (Dalitz boundary): the (π ν) system of mass²
    /// s = M² + m_l² − 2M E_l decays to massless ν, boosted: E_ν = (s − m_π²)(M − E_l ∓ p_l)/(2s).
    @inline(__always)
    func neutrinoEnergyRange<L: Lanes>(parentGeV m: L, leptonEnergyGeV e: L, leptonMomentumGeV p: L) -> (L, L) {
        let s = m * m + leptonMassGeV * leptonMassGeV - 2 * m * e
        let factor = (s - pionMassGeV * pionMassGeV) / (2 * s)
        return (factor * (m - e - p), factor * (m - e + p))
    }

    /// ∫∫ f dE_l dE_ν over the non-radiative K_l3 Dalitz plot (kaon at rest), where f receives
    /// (lepton, neutrino) four-momenta and |M₀|². E_l = m_l + (E_max − m_l)s² removes the
    /// square-root edge at p_l = 0; 64 × 64 Gauss–Legendre points.
    public func bornDalitzIntegral(_ f: (FourMomentum, FourMomentum, Double) -> Double) -> Double {
        let rule = GaussLegendre(points: 64)
        let mK = kaonMassGeV, mL = leptonMassGeV
        let eMax = maximumLeptonEnergy(parentGeV: mK)
        let kaon = FourMomentum(mK, 0, 0, 0)
        return rule.integrate(from: 0, to: 1) { s in
            let e = mL + (eMax - mL) * s * s
            let jacobian = 2 * (eMax - mL) * s
            let p = ((e - mL) * (e + mL)).squareRoot()
            let (lo, hi) = neutrinoEnergyRange(parentGeV: mK, leptonEnergyGeV: e, leptonMomentumGeV: p)
            return jacobian * rule.integrate(from: lo, to: hi) { eNu in
                let ePi = mK - e - eNu
                let pPi2 = ePi * ePi - pionMassGeV * pionMassGeV
                let cosine = max(-1, min(1, (pPi2 - p * p - eNu * eNu) / (2 * p * eNu)))
                let sine = (1 - cosine * cosine).squareRoot()
                let lepton = FourMomentum(e, 0, 0, p)
                let neutrino = FourMomentum(eNu, eNu * sine, 0, eNu * cosine)
                let pion = kaon - lepton - neutrino
                let t = (kaon - pion).massSquared
                let current = formFactors.vector(tGeV2: t) * (kaon + pion)
                    + formFactors.minus(tGeV2: t, pionMassGeV: pionMassGeV) * (kaon - pion)
                return f(lepton, neutrino, RadiativeAmplitude.bornSquared(current: current, lepton: lepton, neutrino: neutrino))
            }
        }
    }

    /// Four-momenta of one radiative configuration, all in the rest frame of Q = P − k.
    public struct Configuration: Sendable {
        public var kaon: FourMomentum
        public var pion: FourMomentum
        public var lepton: FourMomentum
        public var neutrino: FourMomentum
        public var photon: FourMomentum
        /// Mass of Q = P − k [GeV].
        public var recoilMassGeV: Double

        public init(kaon: FourMomentum, pion: FourMomentum, lepton: FourMomentum, neutrino: FourMomentum,
                    photon: FourMomentum, recoilMassGeV: Double) {
            self.kaon = kaon
            self.pion = pion
            self.lepton = lepton
            self.neutrino = neutrino
            self.photon = photon
            self.recoilMassGeV = recoilMassGeV
        }

        init(_ k: Kinematics<Double>) {
            self.init(kaon: k.kaon.fourMomentum, pion: k.pion.fourMomentum, lepton: k.lepton.fourMomentum,
                      neutrino: k.neutrino.fourMomentum, photon: FourMomentum(k.photonEnergyGeV, 0, 0, k.photonEnergyGeV),
                      recoilMassGeV: k.recoilMassGeV)
        }
    }

    /// The configuration with kaon-frame photon energy `photonEnergyGeV`, Q-frame lepton and
    /// neutrino energies, lepton–photon angle (given by cos θ and 1 − cos θ, the latter exact
    /// near the collinear peak) and the azimuth ψ of the neutrino about the lepton (as cos ψ,
    /// sin ψ). Nil outside phase space.
    public func configuration(photonEnergyGeV eGamma: Double, leptonEnergyGeV e: Double, neutrinoEnergyGeV eNu: Double,
                              cosLeptonPhoton c: Double, oneMinusCosLeptonPhoton oneMinusC: Double,
                              neutrinoAzimuthCos cosPsi: Double, sin sinPsi: Double) -> Configuration? {
        let mK = kaonMassGeV, mL = leptonMassGeV
        let recoil2 = mK * mK - 2 * mK * eGamma
        guard recoil2 > (pionMassGeV + mL) * (pionMassGeV + mL) else { return nil }
        let recoil = recoil2.squareRoot()
        let p = ((e - mL) * (e + mL)).squareRoot()
        guard p > 0, eNu > 0, recoil - e - eNu > pionMassGeV else { return nil }
        let (cosLN, sinLN) = leptonNeutrinoAngle(recoilMassGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p, neutrinoEnergyGeV: eNu)
        let k = kinematics(photonEnergyGeV: eGamma, recoilMassGeV: recoil, inverseRecoilMass: 1 / recoil,
                           leptonEnergyGeV: e, leptonMomentumGeV: p, neutrinoEnergyGeV: eNu,
                           cosLeptonPhoton: c, sinLeptonPhoton: (oneMinusC * (2 - oneMinusC)).squareRoot(),
                           cosLeptonNeutrino: cosLN, sinLeptonNeutrino: sinLN, neutrinoAzimuthCos: cosPsi, sin: sinPsi)
        return Configuration(k)
    }

    /// The lepton–neutrino opening angle (cos, sin) in the rest frame of Q, fixed by the
    /// energies: the pion momentum closes the triangle, p_π² = p_l² + E_ν² + 2 p_l E_ν cos θ_lν.
    @inline(__always)
    func leptonNeutrinoAngle<L: Lanes>(recoilMassGeV recoil: L, leptonEnergyGeV e: L, leptonMomentumGeV p: L,
                                       neutrinoEnergyGeV eNu: L) -> (cos: L, sin: L) {
        let mPi = pionMassGeV
        let ePi = recoil - e - eNu
        let pPi2 = (ePi - mPi) * (ePi + mPi)
        let cosLN = L.maximum(L(broadcast: -1), L.minimum(L(broadcast: 1), (pPi2 - p * p - eNu * eNu) / (2 * p * eNu)))
        return (cosLN, ((1 - cosLN) * (1 + cosLN)).squareRoot())
    }

    /// The four-momenta of one event, or of several side by side, in the rest frame of Q.
    struct Kinematics<L: Lanes> {
        var kaon: LaneFourMomentum<L>
        var pion: LaneFourMomentum<L>
        var lepton: LaneFourMomentum<L>
        var neutrino: LaneFourMomentum<L>
        /// Photon energy in the rest frame of Q (the photon moves along +z).
        var photonEnergyGeV: L
        var recoilMassGeV: L
    }

    /// The configuration with the recoil mass, lepton momentum and all angles already known (the
    /// generator's path): four-momenta only, no division or square root.
    @inline(__always)
    func kinematics<L: Lanes>(photonEnergyGeV eGamma: L, recoilMassGeV recoil: L, inverseRecoilMass: L,
                              leptonEnergyGeV e: L, leptonMomentumGeV p: L, neutrinoEnergyGeV eNu: L,
                              cosLeptonPhoton c: L, sinLeptonPhoton sinTheta: L,
                              cosLeptonNeutrino cosLN: L, sinLeptonNeutrino sinLN: L,
                              neutrinoAzimuthCos cosPsi: L, sin sinPsi: L) -> Kinematics<L> {
        let mK = kaonMassGeV, zero = L(broadcast: 0)
        // Lepton along (sin θ, 0, cos θ); e1 = (cos θ, 0, −sin θ) and e2 = ŷ complete the frame.
        let lepton = LaneFourMomentum(e, p * sinTheta, zero, p * c)
        let nx = cosLN * sinTheta + sinLN * cosPsi * c
        let ny = sinLN * sinPsi
        let nz = cosLN * c - sinLN * cosPsi * sinTheta
        let neutrino = LaneFourMomentum(eNu, eNu * nx, eNu * ny, eNu * nz)
        let pion = LaneFourMomentum(recoil - e - eNu, -lepton.x - neutrino.x, -neutrino.y, -lepton.z - neutrino.z)
        let photonQ = mK * eGamma * inverseRecoilMass
        return Kinematics(kaon: LaneFourMomentum(recoil + photonQ, zero, zero, photonQ), pion: pion, lepton: lepton,
                          neutrino: neutrino, photonEnergyGeV: photonQ, recoilMassGeV: recoil)
    }

    /// |M_γ|² of one event, or of several side by side (`RadiativeAmplitude.semileptonicSquaredInPhotonAxisFrame`).
    @inline(__always)
    func squaredAmplitude<L: Lanes>(_ k: Kinematics<L>) -> L {
        RadiativeAmplitude.semileptonicSquaredInPhotonAxisFrame(kaon: k.kaon, pion: k.pion, lepton: k.lepton, neutrino: k.neutrino,
                                                                photonEnergyGeV: k.photonEnergyGeV, polynomials: polynomials)
    }

    /// Spin- and polarisation-summed |M_γ|² of a configuration (e² stripped) [GeV²], as the
    /// generator evaluates it (`RadiativeAmplitude.semileptonicSquaredInPhotonAxisFrame`).
    @inline(__always)
    public func squaredAmplitude(_ q: Configuration) -> Double {
        RadiativeAmplitude.semileptonicSquaredInPhotonAxisFrame(kaon: q.kaon, pion: q.pion, lepton: q.lepton, neutrino: q.neutrino,
                                                                photonEnergyGeV: q.photon.t, polynomials: polynomials)
    }

    /// The same from the general explicit-spinor evaluation, `RadiativeAmplitude.squaredSummed()`:
    /// the reference the fast form is tested against.
    public func referenceSquaredAmplitude(_ q: Configuration) -> Double {
        RadiativeAmplitude.semileptonic(kaon: q.kaon, pion: q.pion, lepton: q.lepton, neutrino: q.neutrino,
                                        photon: q.photon, polynomials: polynomials).squaredSummed()
    }
}
