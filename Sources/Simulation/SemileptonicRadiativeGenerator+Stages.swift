import Foundation

/// The event loop of `SemileptonicRadiativeGenerator`, in stages.
///
/// One event is a long chain of dependent square roots, divisions and an exp; run event after
/// event, the CPU waits on that chain. So `fill` runs each stage over a block of events before
/// the next stage: the iterations of a stage are independent and short, and the CPU overlaps
/// many of them. The stages after the random numbers are generic over `Lanes`: `fill` runs them
/// on two events at once (`SIMD2<Double>`), `next(using:)` on one (`Double`), with the same
/// operations lane by lane, so both give bit-identical events.
extension SemileptonicRadiativeGenerator {
    /// The six uniforms of one event (or of several side by side), in the order they are drawn
    /// from the stream: photon energy, lepton energy, neutrino energy, lepton direction (value
    /// and which density), and the neutrino azimuth ψ = 2πu.
    struct Draws<L: Lanes> {
        var energy: L
        var leptonEnergy: L
        var neutrinoEnergy: L
        var direction: L
        var directionChoice: L
        var azimuth: L
    }

    /// Stage 0: one event's random numbers, always six (no rejection step), so no stage
    /// branches on random values.
    @inline(__always)
    static func draw(_ rng: inout Xoshiro256StarStar) -> Draws<Double> {
        let energy = rng.uniform(), leptonEnergy = rng.uniform(), neutrinoEnergy = rng.uniform()
        let direction = rng.uniform(), directionChoice = rng.uniform(), azimuth = rng.uniform()
        return Draws(energy: energy, leptonEnergy: leptonEnergy, neutrinoEnergy: neutrinoEnergy, direction: direction,
                     directionChoice: directionChoice, azimuth: azimuth)
    }

    /// Stage 1 result: the photon energy, its inverse density and the mass of Q = P − k.
    struct PhotonPoint<L: Lanes> {
        var photonEnergyGeV: L
        var inverseEnergyDensity: L
        var recoilMassSquared: L
        var recoilMassGeV: L
        var inverseRecoilMass: L
    }

    /// Stage 1: E*_γ (an exp), m_Q = √(m_K² − 2m_K E*_γ) and 1/m_Q — a stage of its own, so that
    /// the CPU overlaps this chain of several events instead of waiting on it.
    @inline(__always)
    func photonPoint<L: Lanes>(_ d: Draws<L>) -> PhotonPoint<L> {
        let mK = kaonMassGeV
        let (eGamma, inverseEnergyDensity) = energySampler.sample(lanes: d.energy)
        let recoil2 = mK * mK - 2 * mK * eGamma
        let recoil = recoil2.squareRoot()
        return PhotonPoint(photonEnergyGeV: eGamma, inverseEnergyDensity: inverseEnergyDensity, recoilMassSquared: recoil2,
                           recoilMassGeV: recoil, inverseRecoilMass: 1 / recoil)
    }

    /// Stage 2 result: the photon energy and the Dalitz point of Q = P − k → π0 l+ ν.
    struct DalitzPoint<L: Lanes> {
        var photonEnergyGeV: L
        /// 1/pdf(E*_γ) × ΔE_l × ΔE_ν: the Jacobian of the three energies.
        var jacobian: L
        var recoilMassGeV: L
        var inverseRecoilMass: L
        var leptonEnergyGeV: L
        var leptonMomentumGeV: L
        var neutrinoEnergyGeV: L
        /// False on the rare draws that round outside phase space.
        var isPhysical: L.Condition
    }

    /// Stage 2: E_l and E_ν flat on the Dalitz plot of Q.
    @inline(__always)
    func dalitzPoint<L: Lanes>(_ d: Draws<L>, _ g: PhotonPoint<L>) -> DalitzPoint<L> {
        let mL = leptonMassGeV, mPi = pionMassGeV
        let recoil = g.recoilMassGeV, inverseRecoil = g.inverseRecoilMass
        let eMax = (g.recoilMassSquared + leptonMassSquared - mPi * mPi) * 0.5 * inverseRecoil  // maximumLeptonEnergy
        let e = mL + (eMax - mL) * d.leptonEnergy
        let p = ((e - mL) * (e + mL)).squareRoot()
        let (lo, hi) = neutrinoEnergyRange(parentGeV: recoil, leptonEnergyGeV: e, leptonMomentumGeV: p)
        let eNu = lo + (hi - lo) * d.neutrinoEnergy
        let zero = L(broadcast: 0)
        return DalitzPoint(photonEnergyGeV: g.photonEnergyGeV, jacobian: (eMax - mL) * (hi - lo) * g.inverseEnergyDensity,
                           recoilMassGeV: recoil, inverseRecoilMass: inverseRecoil, leptonEnergyGeV: e, leptonMomentumGeV: p,
                           neutrinoEnergyGeV: eNu, isPhysical: (p .> zero) .& (eNu .> zero) .& (recoil - e - eNu .> L(broadcast: mPi)))
    }

    /// Stage 3 result: the lepton direction about the photon axis and its inverse density, and
    /// the lepton–neutrino opening angle.
    struct Angles<L: Lanes> {
        var cosLeptonPhoton: L
        var sinLeptonPhoton: L
        var inverseDirectionDensity: L
        var cosLeptonNeutrino: L
        var sinLeptonNeutrino: L
    }

    /// Stage 3: the lepton direction, a mixture of uniform and the collinear peak
    /// ∝ 1/(1 − β cos θ), followed in x = 1 − β cos θ ∈ [1 − β, 1 + β] octave by octave
    /// (`OctaveDensity` in ρ = x/(1 − β)); both candidates are computed and one selected.
    /// 1 − β = m_l²/(E(E + p)) keeps full precision for ultra-relativistic positrons.
    @inline(__always)
    func angles<L: Lanes>(_ k: DalitzPoint<L>, _ d: Draws<L>) -> Angles<L> {
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
        let uniform = L.indicator(d.directionChoice .< L(broadcast: uniformDirectionFraction))
        let c = L.blend(uniform, 2 * u - 1, (1 - x) * inverseBeta)
        let oneMinusC = L.blend(uniform, 2 * (1 - u), (x - oneMinusBeta) * inverseBeta)
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

    /// Stage 4 result: m²_miss = 2 p_ν·k, the kaon-frame photon energy and the weight.
    struct WeightedPoint<L: Lanes> {
        var missingMassSquaredGeV2: L
        var photonEnergyGeV: L
        var weight: L
    }

    /// Stage 4: the neutrino azimuth and the four-momenta — a stage of its own, so that the
    /// amplitude's loop holds fewer values at once (SSE2 has 16 registers).
    @inline(__always)
    func eventKinematics<L: Lanes>(_ k: DalitzPoint<L>, _ a: Angles<L>, _ d: Draws<L>) -> Kinematics<L> {
        let psi = AzimuthOfUniform.cosSin(turns: d.azimuth)
        return kinematics(photonEnergyGeV: k.photonEnergyGeV, recoilMassGeV: k.recoilMassGeV, inverseRecoilMass: k.inverseRecoilMass,
                          leptonEnergyGeV: k.leptonEnergyGeV, leptonMomentumGeV: k.leptonMomentumGeV,
                          neutrinoEnergyGeV: k.neutrinoEnergyGeV, cosLeptonPhoton: a.cosLeptonPhoton,
                          sinLeptonPhoton: a.sinLeptonPhoton, cosLeptonNeutrino: a.cosLeptonNeutrino,
                          sinLeptonNeutrino: a.sinLeptonNeutrino, neutrinoAzimuthCos: psi.cos, sin: psi.sin)
    }

    /// Stage 5: |M_γ|² and the weight (see the type's documentation), and m²_miss = 2 p_ν·k.
    @inline(__always)
    func weighted<L: Lanes>(_ k: DalitzPoint<L>, _ a: Angles<L>, _ q: Kinematics<L>) -> WeightedPoint<L> {
        let weight = weightNormalisation * squaredAmplitude(q) * k.photonEnergyGeV * k.jacobian * a.inverseDirectionDensity
        let m2 = 2 * q.photonEnergyGeV * (q.neutrino.t - q.neutrino.z)
        return WeightedPoint(missingMassSquaredGeV2: m2, photonEnergyGeV: k.photonEnergyGeV, weight: weight)
    }

    public func next(using rng: inout Xoshiro256StarStar) -> RadiativeEvent {
        let d = Self.draw(&rng)
        let k = dalitzPoint(d, photonPoint(d))
        guard k.isPhysical else { return .empty }
        let a = angles(k, d), kinematics = eventKinematics(k, a, d)
        let point = weighted(k, a, kinematics)
        let q = Configuration(kinematics)
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
    /// stage by stage over blocks of 64 events, two events per `LanePair`.
    public func fill(_ points: UnsafeMutableBufferPointer<RadiativePoint>, using rng: inout Xoshiro256StarStar) {
        typealias Pair = LanePair
        let block = 64, pairs = block / 2
        withUnsafeTemporaryAllocation(of: Draws<Double>.self, capacity: block) { draws in
            withUnsafeTemporaryAllocation(of: Draws<Pair>.self, capacity: pairs) { drawPairs in
                withUnsafeTemporaryAllocation(of: PhotonPoint<Pair>.self, capacity: pairs) { photons in
                    withUnsafeTemporaryAllocation(of: DalitzPoint<Pair>.self, capacity: pairs) { dalitz in
                        withUnsafeTemporaryAllocation(of: Angles<Pair>.self, capacity: pairs) { angles in
                            withUnsafeTemporaryAllocation(of: Kinematics<Pair>.self, capacity: pairs) { momenta in
                                var start = 0
                                while start < points.count {
                                    let count = min(block, points.count - start)
                                    var stream = rng  // a local copy stays in registers
                                    for i in 0..<count { draws.initializeElement(at: i, to: Self.draw(&stream)) }
                                    rng = stream
                                    // An odd last event is paired with itself; only its first lane is kept.
                                    if count % 2 == 1 { draws.initializeElement(at: count, to: draws[count - 1]) }
                                    let used = (count + 1) / 2
                                    for j in 0..<used { drawPairs.initializeElement(at: j, to: Draws(draws[2 * j], draws[2 * j + 1])) }
                                    for j in 0..<used { photons.initializeElement(at: j, to: photonPoint(drawPairs[j])) }
                                    for j in 0..<used { dalitz.initializeElement(at: j, to: dalitzPoint(drawPairs[j], photons[j])) }
                                    for j in 0..<used { angles.initializeElement(at: j, to: self.angles(dalitz[j], drawPairs[j])) }
                                    for j in 0..<used { momenta.initializeElement(at: j, to: eventKinematics(dalitz[j], angles[j], drawPairs[j])) }
                                    for j in 0..<used {
                                        let w = weighted(dalitz[j], angles[j], momenta[j])
                                        // Outside phase space the lanes are `RadiativePoint.empty`, all zero.
                                        let physical = dalitz[j].isPhysical, zero = Pair(broadcast: 0)
                                        let m2 = Pair.select(physical, w.missingMassSquaredGeV2, zero)
                                        let energy = Pair.select(physical, w.photonEnergyGeV, zero)
                                        let weight = Pair.select(physical, w.weight, zero)
                                        for lane in 0..<min(2, count - 2 * j) {
                                            points[start + 2 * j + lane] = RadiativePoint(
                                                missingMassSquaredGeV2: m2[lane: lane], photonEnergyGeV: energy[lane: lane], weight: weight[lane: lane])
                                        }
                                    }
                                    start += count
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SemileptonicRadiativeGenerator.Draws where L == LanePair {
    /// Two events' draws side by side.
    @inline(__always)
    init(_ first: SemileptonicRadiativeGenerator.Draws<Double>, _ second: SemileptonicRadiativeGenerator.Draws<Double>) {
        self.init(energy: L(first.energy, second.energy), leptonEnergy: L(first.leptonEnergy, second.leptonEnergy),
                  neutrinoEnergy: L(first.neutrinoEnergy, second.neutrinoEnergy), direction: L(first.direction, second.direction),
                  directionChoice: L(first.directionChoice, second.directionChoice), azimuth: L(first.azimuth, second.azimuth))
    }
}
