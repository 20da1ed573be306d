import Foundation

/// The event loop of `SemileptonicRadiativeGenerator`, in stages.
///
/// One event is a long chain of dependent square roots, divisions and an exp; run event after
/// event, the CPU waits on that chain. So `fill` runs each stage over a block of events before
/// the next stage: the iterations of a stage are independent and short, and the CPU overlaps
/// many of them. `next(using:)` runs the same stage functions on one event, so both give
/// bit-identical events.
extension SemileptonicRadiativeGenerator {
    /// The random numbers of one event, in the order they are drawn from the stream: photon
    /// energy, lepton energy, neutrino energy, lepton direction (value and which density), and
    /// the neutrino azimuth as (cos ψ, sin ψ).
    struct Draws {
        var energy: Double
        var leptonEnergy: Double
        var neutrinoEnergy: Double
        var direction: Double
        var directionChoice: Double
        var azimuthCos: Double
        var azimuthSin: Double
    }

    /// Stage 0: one event's random numbers. The only branch on random values is here (the
    /// rejection loop); the later stages are branch-free.
    @inline(__always)
    static func draw(_ rng: inout Xoshiro256StarStar) -> Draws {
        let energy = rng.uniform(), leptonEnergy = rng.uniform(), neutrinoEnergy = rng.uniform()
        let direction = rng.uniform(), directionChoice = rng.uniform()
        let azimuth = rng.uniformAzimuth()
        return Draws(energy: energy, leptonEnergy: leptonEnergy, neutrinoEnergy: neutrinoEnergy, direction: direction,
                     directionChoice: directionChoice, azimuthCos: azimuth.cos, azimuthSin: azimuth.sin)
    }

    /// Stage 1 result: the photon energy, its inverse density and the mass of Q = P − k.
    struct PhotonPoint {
        var photonEnergyGeV: Double
        var inverseEnergyDensity: Double
        var recoilMassSquared: Double
        var recoilMassGeV: Double
        var inverseRecoilMass: Double
    }

    /// Stage 1: E*_γ (an exp), m_Q = √(m_K² − 2m_K E*_γ) and 1/m_Q — a stage of its own, so that
    /// the CPU overlaps this chain of several events instead of waiting on it.
    @inline(__always)
    func photonPoint(_ d: Draws) -> PhotonPoint {
        let mK = kaonMassGeV
        let (eGamma, inverseEnergyDensity) = energySampler.sample(d.energy)
        let recoil2 = mK * mK - 2 * mK * eGamma
        let recoil = recoil2.squareRoot()
        return PhotonPoint(photonEnergyGeV: eGamma, inverseEnergyDensity: inverseEnergyDensity, recoilMassSquared: recoil2,
                           recoilMassGeV: recoil, inverseRecoilMass: 1 / recoil)
    }

    /// Stage 2 result: the photon energy and the Dalitz point of Q = P − k → π0 l+ ν.
    struct DalitzPoint {
        var photonEnergyGeV: Double
        /// 1/pdf(E*_γ) × ΔE_l × ΔE_ν: the Jacobian of the three energies.
        var jacobian: Double
        var recoilMassGeV: Double
        var inverseRecoilMass: Double
        var leptonEnergyGeV: Double
        var leptonMomentumGeV: Double
        var neutrinoEnergyGeV: Double
        /// False on the rare draws that round outside phase space.
        var isPhysical: Bool
    }

    /// Stage 2: E_l and E_ν flat on the Dalitz plot of Q.
    @inline(__always)
    func dalitzPoint(_ d: Draws, _ g: PhotonPoint) -> DalitzPoint {
        let mL = leptonMassGeV, mPi = pionMassGeV
        let recoil = g.recoilMassGeV, inverseRecoil = g.inverseRecoilMass
        let eMax = (g.recoilMassSquared + leptonMassSquared - mPi * mPi) * 0.5 * inverseRecoil  // maximumLeptonEnergy
        let e = mL + (eMax - mL) * d.leptonEnergy
        let p = ((e - mL) * (e + mL)).squareRoot()
        let (lo, hi) = neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
        let eNu = lo + (hi - lo) * d.neutrinoEnergy
        return DalitzPoint(photonEnergyGeV: g.photonEnergyGeV, jacobian: (eMax - mL) * (hi - lo) * g.inverseEnergyDensity,
                           recoilMassGeV: recoil, inverseRecoilMass: inverseRecoil, leptonEnergyGeV: e, leptonMomentumGeV: p,
                           neutrinoEnergyGeV: eNu, isPhysical: p > 0 && eNu > 0 && recoil - e - eNu > mPi)
    }

    /// Stage 3 result: the lepton direction about the photon axis and its inverse density, and
    /// the lepton–neutrino opening angle.
    struct Angles {
        var cosLeptonPhoton: Double
        var sinLeptonPhoton: Double
        var inverseDirectionDensity: Double
        var cosLeptonNeutrino: Double
        var sinLeptonNeutrino: Double
    }

    /// Stage 3: the lepton direction, a mixture of uniform and the collinear peak
    /// ∝ 1/(1 − β cos θ), followed in x = 1 − β cos θ ∈ [1 − β, 1 + β] octave by octave
    /// (`OctaveDensity` in ρ = x/(1 − β)); both candidates are computed and one selected.
    /// 1 − β = m_l²/(E(E + p)) keeps full precision for ultra-relativistic positrons.
    @inline(__always)
    func angles(_ k: DalitzPoint, _ d: Draws) -> Angles {
        let e = k.leptonEnergyGeV, p = k.leptonMomentumGeV
        let inverse = 1 / (e * p * (e + p))
        let inverseEP = (e + p) * inverse
        let beta = p * p * inverseEP
        let inverseBeta = e * e * inverseEP
        let oneMinusBeta = leptonMassSquared * p * inverse
        let inverseOneMinusBeta = e * (e + p) * inverseLeptonMassSquared
        let collinear = OctaveDensity(range: (1 + beta) * inverseOneMinusBeta)
        let x = oneMinusBeta * collinear.sample(d.direction).value  // 1 − β cos θ
        let u = d.direction
        let uniform = BranchFree.indicator(d.directionChoice < uniformDirectionFraction)
        let c = BranchFree.blend(uniform, 2 * u - 1, (1 - x) * inverseBeta)
        let oneMinusC = BranchFree.blend(uniform, 2 * (1 - u), (x - oneMinusBeta) * inverseBeta)
        // 1/pdf(cos θ) with pdf = a/2 + (1 − a) β pdf_x, pdf_x = 1/((1 − β) K 2ⁿ).
        let oneMinusBetaC = oneMinusC + c * oneMinusBeta
        let inverseCollinear = oneMinusBeta * collinear.inverseDensity(oneMinusBetaC * inverseOneMinusBeta)
        let inverseDirectionDensity = inverseCollinear
            / (0.5 * uniformDirectionFraction * inverseCollinear + (1 - uniformDirectionFraction) * beta)
        let (cosLN, sinLN) = leptonNeutrinoAngle(recoilMassGeV: k.recoilMassGeV, leptonEnergyGeV: e, leptonMomentumGeV: p,
                                                 neutrinoEnergyGeV: k.neutrinoEnergyGeV)
        return Angles(cosLeptonPhoton: c, sinLeptonPhoton: (oneMinusC * (2 - oneMinusC)).squareRoot(),
                      inverseDirectionDensity: inverseDirectionDensity, cosLeptonNeutrino: cosLN, sinLeptonNeutrino: sinLN)
    }

    /// Stage 4: the four-momenta, |M_γ|² and the weight (see the type's documentation), and
    /// m²_miss = 2 p_ν·k.
    @inline(__always)
    func weighted(_ k: DalitzPoint, _ a: Angles, _ d: Draws) -> (point: RadiativePoint, configuration: Configuration) {
        let q = configuration(photonEnergyGeV: k.photonEnergyGeV, recoilMassGeV: k.recoilMassGeV, inverseRecoilMass: k.inverseRecoilMass,
                              leptonEnergyGeV: k.leptonEnergyGeV, leptonMomentumGeV: k.leptonMomentumGeV,
                              neutrinoEnergyGeV: k.neutrinoEnergyGeV, cosLeptonPhoton: a.cosLeptonPhoton,
                              sinLeptonPhoton: a.sinLeptonPhoton, cosLeptonNeutrino: a.cosLeptonNeutrino,
                              sinLeptonNeutrino: a.sinLeptonNeutrino, neutrinoAzimuthCos: d.azimuthCos, sin: d.azimuthSin)
        let weight = weightNormalisation * squaredAmplitude(q) * k.photonEnergyGeV * k.jacobian * a.inverseDirectionDensity
        let m2 = 2 * q.photon.t * (q.neutrino.t - q.neutrino.z)
        return (RadiativePoint(missingMassSquaredGeV2: m2, photonEnergyGeV: k.photonEnergyGeV, weight: weight), q)
    }

    /// The weighted event of `draws` with its configuration; nil outside phase space.
    @inline(__always)
    func event(_ d: Draws) -> (point: RadiativePoint, configuration: Configuration)? {
        let k = dalitzPoint(d, photonPoint(d))
        guard k.isPhysical else { return nil }
        return weighted(k, angles(k, d), d)
    }

    public func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent {
        guard let (point, q) = event(Self.draw(&rng)) else { return .empty }
        // Lepton–photon angle in the kaon frame from invariants:
        // E_l* = p_K·p_l/m_K and p_l·k = E_l* E_γ* (1 − β* cos θ*).
        let mL = leptonMassGeV
        let leptonEnergyK = q.kaon.dot(q.lepton) * inverseKaonMass
        let leptonMomentumK = ((leptonEnergyK - mL) * (leptonEnergyK + mL)).squareRoot()
        let cosine = (leptonEnergyK - q.lepton.dot(q.photon) / point.photonEnergyGeV) / leptonMomentumK
        return RadiativeEvent(missingMassSquaredGeV2: point.missingMassSquaredGeV2, photonEnergyGeV: point.photonEnergyGeV,
                              cosLeptonPhoton: max(-1, min(1, cosine)), weight: point.weight)
    }

    /// The next `points.count` events as `next(using:)` gives them, without the lepton angle:
    /// stage by stage over blocks of 64 events.
    public func fill(_ points: UnsafeMutableBufferPointer<RadiativePoint>, using rng: inout Xoshiro256StarStar) {
        let block = 64
        withUnsafeTemporaryAllocation(of: Draws.self, capacity: block) { draws in
            withUnsafeTemporaryAllocation(of: PhotonPoint.self, capacity: block) { photons in
                withUnsafeTemporaryAllocation(of: DalitzPoint.self, capacity: block) { dalitz in
                    withUnsafeTemporaryAllocation(of: Angles.self, capacity: block) { angles in
                        var start = 0
                        while start < points.count {
                            let count = min(block, points.count - start)
                            for i in 0..<count { draws.initializeElement(at: i, to: Self.draw(&rng)) }
                            for i in 0..<count { photons.initializeElement(at: i, to: photonPoint(draws[i])) }
                            for i in 0..<count { dalitz.initializeElement(at: i, to: dalitzPoint(draws[i], photons[i])) }
                            for i in 0..<count { angles.initializeElement(at: i, to: self.angles(dalitz[i], draws[i])) }
                            for i in 0..<count {
                                points[start + i] = dalitz[i].isPhysical ? weighted(dalitz[i], angles[i], draws[i]).point : .empty
                            }
                            start += count
                        }
                    }
                }
            }
        }
    }
}
