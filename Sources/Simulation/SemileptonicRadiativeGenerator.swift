import Foundation
import Physics

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
/// to the photon half uniform, half ∝ 1/(1 − β_l cos θ_lγ), the collinear peak of 1/(p_l·k);
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
    public init(process: RadiativeProcess = .ke3Gamma, photonEnergyCutoffGeV: Double,
                formFactors: KaonFormFactors = .na48, leptonMassGeV: Double? = nil,
                samplingScaleGeV: Double = 0.02, uniformDirectionFraction: Double = 0.5) {
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
    func neutrinoEnergyRange(parentGeV m: Double, leptonEnergyGeV e: Double, leptonMomentumGeV p: Double) -> (Double, Double) {
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
        return configuration(photonEnergyGeV: eGamma, recoilMassGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p,
                             neutrinoEnergyGeV: eNu, cosLeptonPhoton: c, oneMinusCosLeptonPhoton: oneMinusC,
                             neutrinoAzimuthCos: cosPsi, sin: sinPsi)
    }

    /// The same with the recoil mass and lepton momentum already known (the generator's path).
    @inline(__always)
    func configuration(photonEnergyGeV eGamma: Double, recoilMassGeV recoil: Double, leptonEnergyGeV e: Double,
                       leptonMomentumGeV p: Double, neutrinoEnergyGeV eNu: Double,
                       cosLeptonPhoton c: Double, oneMinusCosLeptonPhoton oneMinusC: Double,
                       neutrinoAzimuthCos cosPsi: Double, sin sinPsi: Double) -> Configuration {
        let mK = kaonMassGeV, mPi = pionMassGeV
        let ePi = recoil - e - eNu
        let pPi2 = (ePi - mPi) * (ePi + mPi)
        let cosLN = max(-1, min(1, (pPi2 - p * p - eNu * eNu) / (2 * p * eNu)))
        let sinLN = ((1 - cosLN) * (1 + cosLN)).squareRoot()
        let sinTheta = (oneMinusC * (2 - oneMinusC)).squareRoot()
        // Lepton along (sin θ, 0, cos θ); e1 = (cos θ, 0, −sin θ) and e2 = ŷ complete the frame.
        let lepton = FourMomentum(e, p * sinTheta, 0, p * c)
        let nx = cosLN * sinTheta + sinLN * cosPsi * c
        let ny = sinLN * sinPsi
        let nz = cosLN * c - sinLN * cosPsi * sinTheta
        let neutrino = FourMomentum(eNu, eNu * nx, eNu * ny, eNu * nz)
        let pion = FourMomentum(ePi, -lepton.x - neutrino.x, -neutrino.y, -lepton.z - neutrino.z)
        let photonQ = mK * eGamma / recoil
        return Configuration(kaon: FourMomentum(recoil + photonQ, 0, 0, photonQ), pion: pion, lepton: lepton,
                             neutrino: neutrino, photon: FourMomentum(photonQ, 0, 0, photonQ), recoilMassGeV: recoil)
    }

    /// Spin- and polarisation-summed |M_γ|² of a configuration (e² stripped) [GeV²].
    @inline(__always)
    public func squaredAmplitude(_ q: Configuration) -> Double {
        RadiativeAmplitude.semileptonic(kaon: q.kaon, pion: q.pion, lepton: q.lepton, neutrino: q.neutrino,
                                        photon: q.photon, polynomials: polynomials).squaredSummed()
    }

    public func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent {
        let mK = kaonMassGeV, mL = leptonMassGeV, mPi = pionMassGeV
        let (eGamma, inverseEnergyDensity) = energySampler.sample(rng.uniform())
        let recoil2 = mK * mK - 2 * mK * eGamma
        let recoil = recoil2.squareRoot()
        let eMax = maximumLeptonEnergy(parentGeV: recoil)
        let e = mL + (eMax - mL) * rng.uniform()
        let p = ((e - mL) * (e + mL)).squareRoot()
        let (lo, hi) = neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
        let eNu = lo + (hi - lo) * rng.uniform()
        guard p > 0, eNu > 0, recoil - e - eNu > mPi else { return .empty }

        // Lepton direction about the photon axis: mixture of uniform and ∝ 1/(1 − β cos θ).
        // (1 − β = (E − p)/E loses only ~10⁻¹¹ relative precision even for 200 MeV positrons.)
        let inverseE = 1 / e
        let beta = p * inverseE
        let oneMinusBeta = (e - p) * inverseE
        let onePlusBeta = 1 + beta
        let logRatio = Foundation.log((e + p) / (e - p))
        let u = rng.uniform()
        let c: Double, oneMinusC: Double
        if rng.uniform() < uniformDirectionFraction {
            c = 2 * u - 1
            oneMinusC = 2 * (1 - u)
        } else {
            let inverseBeta = e / p
            let oneMinusBetaC = onePlusBeta * Foundation.exp(-u * logRatio)
            c = (1 - oneMinusBetaC) * inverseBeta
            oneMinusC = (oneMinusBetaC - oneMinusBeta) * inverseBeta
        }
        let oneMinusBetaC = oneMinusC + c * oneMinusBeta
        // 1/pdf(cos θ) with pdf = a/2 + (1 − a) β/((1 − βc) ln((1+β)/(1−β))).
        let denominator = oneMinusBetaC * logRatio
        let inverseDirectionDensity = denominator
            / (0.5 * uniformDirectionFraction * denominator + (1 - uniformDirectionFraction) * beta)
        // Uniform azimuth without sin/cos: a uniform point in the unit disc, angle doubled.
        var x = 0.0, y = 0.0, r2 = 0.0
        repeat {
            x = 2 * rng.uniform() - 1
            y = 2 * rng.uniform() - 1
            r2 = x * x + y * y
        } while r2 > 1 || r2 == 0
        let inverseR2 = 1 / r2
        let cosPsi = (x * x - y * y) * inverseR2, sinPsi = 2 * x * y * inverseR2

        let q = configuration(photonEnergyGeV: eGamma, recoilMassGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p,
                              neutrinoEnergyGeV: eNu, cosLeptonPhoton: c, oneMinusCosLeptonPhoton: oneMinusC,
                              neutrinoAzimuthCos: cosPsi, sin: sinPsi)
        let matrixElement = squaredAmplitude(q)
        let jacobian = (eMax - mL) * (hi - lo) * inverseEnergyDensity * inverseDirectionDensity
        let weight = weightNormalisation * matrixElement * eGamma * jacobian

        // m²_miss = 2 p_ν·k. Lepton–photon angle in the kaon frame from invariants:
        // E_l* = p_K·p_l/m_K and p_l·k = E_l* E_γ* (1 − β* cos θ*).
        let m2 = 2 * q.photon.t * (q.neutrino.t - q.neutrino.z)
        let leptonEnergyK = q.kaon.dot(q.lepton) * inverseKaonMass
        let leptonMomentumK = ((leptonEnergyK - mL) * (leptonEnergyK + mL)).squareRoot()
        let cosine = (leptonEnergyK - q.lepton.dot(q.photon) / eGamma) / leptonMomentumK
        return RadiativeEvent(missingMassSquaredGeV2: m2, photonEnergyGeV: eGamma,
                              cosLeptonPhoton: max(-1, min(1, cosine)), weight: weight)
    }
}
