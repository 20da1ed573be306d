import Physics

/// The tree-level inner-bremsstrahlung amplitude of a radiative K+ semileptonic decay
/// K+(p) → [hadrons] l+(p_l) ν(p_ν) γ(k), photon polarisation ε, in two-component form.
///
/// Fearing, Fischbach & Smith, Phys. Rev. D2 (1970) 542; Gasser, Kubis, Paver & Verbeni,
/// Eur. Phys. J. C40 (2005) 205, Sec. 2 (IB part, structure-dependent terms omitted).
/// Stripping e G_F V_us C_K/√2, the amplitude is ε*_μ M^μ with
///
///     M^μ = H_ν(p, p′; t) ū(p_ν) γ^ν(1−γ5) (2p_l^μ + k̸γ^μ)/(2p_l·k) v(p_l)     (e+ emits)
///         + V^{μν} ū(p_ν) γ_ν(1−γ5) v(p_l)                                         (K+ emits + contact)
///     V^{μν} = −(2p − k)^μ H^ν(p − k, p′; t′)/(2p·k) + c g^{μν} + X^μ D^ν
///
/// H is the weak hadronic current (K_l3: f₊(p+p′) + f₋(p−p′); K_l2: f_K p), evaluated at
/// t = (p − p′)² on the lepton-emission diagram and at t′ = (p_l + p_ν)² after the kaon has
/// emitted. The contact term c g^{μν} + X^μ D^ν is fixed by the Ward identity
/// k_μ V^{μν} = −H^ν(p, p′; t), which makes k_μ M^μ = 0 (gauge invariance); for K_l3 it
/// carries [f(t) − f(t′)]/(t − t′) (see `semileptonic`).
///
/// In the chiral representation ū(p_ν)γ^ν(1−γ5)Y v(p_l) = 2 χ† σ̄^ν [Y v]_upper, with χ the
/// left-handed neutrino spinor and Y block-diagonal, so the amplitude is χ† Γ(ε) η with a 2×2
/// matrix Γ and the spin sums Σχχ† = p_ν·σ, Σηη† = p_l·σ (the upper block of (p̸_l − m)γ⁰).
/// The overall factor 4 = 2² is dropped: it cancels against the Born term computed alike.
public struct RadiativeAmplitude: Sendable {
    public var kaon: FourMomentum
    public var lepton: FourMomentum
    public var neutrino: FourMomentum
    public var photon: FourMomentum
    /// H^ν(p, p′; t): hadronic current at the weak vertex when the lepton radiates.
    public var current: FourMomentum
    /// H^ν(p − k, p′; t′): hadronic current after the kaon has radiated.
    public var currentAfterEmission: FourMomentum
    /// c in the contact term c g^{μν} + X^μ D^ν.
    public var contactMetric: Double
    /// X^μ (photon index) of the contact term.
    public var contactPhoton: FourMomentum
    /// D^ν (current index) of the contact term.
    public var contactCurrent: FourMomentum

    @inlinable
    public init(kaon: FourMomentum, lepton: FourMomentum, neutrino: FourMomentum, photon: FourMomentum,
                current: FourMomentum, currentAfterEmission: FourMomentum,
                contactMetric: Double, contactPhoton: FourMomentum, contactCurrent: FourMomentum) {
        self.kaon = kaon
        self.lepton = lepton
        self.neutrino = neutrino
        self.photon = photon
        self.current = current
        self.currentAfterEmission = currentAfterEmission
        self.contactMetric = contactMetric
        self.contactPhoton = contactPhoton
        self.contactCurrent = contactCurrent
    }

    /// K+(p) → π(p′) l+ ν γ with form factors `formFactors` (f₋ from f₀, docs/physics.md §3.3).
    /// Ward identity: H(p−k, p′; t′) − H(p, p′; t) = Δf₊(p+p′) + Δf₋(p−p′) − [f₊(t′) + f₋(t′)]k
    /// with Δf = f(t′) − f(t), and t − t′ = 2k·(p − p′); hence c = −[f₊(t′) + f₋(t′)],
    /// X = 2(p − p′), D = −{[f₊(t) − f₊(t′)]/(t−t′) (p+p′) + [f₋(t) − f₋(t′)]/(t−t′) (p−p′)}.
    public static func semileptonic(kaon p: FourMomentum, pion pPion: FourMomentum, lepton: FourMomentum,
                                    neutrino: FourMomentum, photon k: FourMomentum,
                                    formFactors: KaonFormFactors, pionMassGeV: Double) -> RadiativeAmplitude {
        semileptonic(kaon: p, pion: pPion, lepton: lepton, neutrino: neutrino, photon: k,
                     polynomials: FormFactorPolynomials(formFactors, pionMassGeV: pionMassGeV))
    }

    /// The same with the form factors as precomputed polynomials in t (the generators' hot path).
    @inlinable @inline(__always)
    public static func semileptonic(kaon p: FourMomentum, pion pPion: FourMomentum, lepton: FourMomentum,
                                    neutrino: FourMomentum, photon k: FourMomentum,
                                    polynomials f: FormFactorPolynomials) -> RadiativeAmplitude {
        let sum = p + pPion
        let transfer = p - pPion
        let t = transfer.massSquared
        let tPrime = (lepton + neutrino).massSquared
        let fPlusPrime = f.plus(t: tPrime), fMinusPrime = f.minus(t: tPrime)
        let current = f.plus(t: t) * sum + f.minus(t: t) * transfer
        let after = fPlusPrime * (sum - k) + fMinusPrime * (transfer - k)
        return RadiativeAmplitude(
            kaon: p, lepton: lepton, neutrino: neutrino, photon: k,
            current: current, currentAfterEmission: after,
            contactMetric: -(fPlusPrime + fMinusPrime),
            contactPhoton: 2 * transfer,
            contactCurrent: -1 * (f.plusDividedDifference(t, tPrime) * sum + f.minusSlope * transfer))
    }

    /// K+(p) → l+ ν γ with a point-like kaon current f_K p^ν (f_K = 1): H = p, H′ = p − k,
    /// contact −g^{μν} (scalar QED). Its spin-summed square is the closed-form IB density of
    /// Bijnens, Ecker & Gasser (see `LeptonicRadiativeDensity`), which tests this amplitude.
    @inlinable
    public static func leptonic(kaon p: FourMomentum, lepton: FourMomentum, neutrino: FourMomentum,
                                photon k: FourMomentum) -> RadiativeAmplitude {
        RadiativeAmplitude(kaon: p, lepton: lepton, neutrino: neutrino, photon: k,
                           current: p, currentAfterEmission: p - k,
                           contactMetric: -1, contactPhoton: .zero, contactCurrent: .zero)
    }

    /// Γ(ε) = ε_μ Γ^μ, the 2×2 matrix of the amplitude for (real or complex-free) polarisation
    /// four-vector ε. Γ(k) = 0 is gauge invariance.
    @inlinable
    public func matrix(polarisation eps: FourMomentum) -> WeylMatrix {
        let sH = WeylMatrix.sigmaBar(current)
        let sEps = WeylMatrix.sigmaBar(eps)
        let leptonK = lepton.dot(photon)
        let leptonic = (2 * lepton.dot(eps) / (2 * leptonK)) * sH
            + (1 / (2 * leptonK)) * (sH * (WeylMatrix.sigma(photon) * sEps))
        let kaonic = (-(2 * kaon - photon).dot(eps) / (2 * kaon.dot(photon))) * WeylMatrix.sigmaBar(currentAfterEmission)
        let contact = contactMetric * sEps + contactPhoton.dot(eps) * WeylMatrix.sigmaBar(contactCurrent)
        return leptonic + kaonic + contact
    }

    /// Σ over lepton spins of |χ† Γ(ε) η|² for one real polarisation vector ε.
    @inlinable
    public func squared(polarisation eps: FourMomentum) -> Double {
        WeylMatrix.spinSum(WeylMatrix.sigma(neutrino), matrix(polarisation: eps), WeylMatrix.sigma(lepton))
    }

    /// Two unit vectors transverse to the photon's three-momentum (the physical polarisations).
    @inlinable @inline(__always)
    func transversePolarisations() -> (FourMomentum, FourMomentum) {
        if photon.x == 0 && photon.y == 0 {  // the generators' frame: photon along z
            return (FourMomentum(0, 1, 0, 0), FourMomentum(0, 0, 1, 0))
        }
        let kNorm = photon.momentum
        let nx = photon.x / kNorm, ny = photon.y / kNorm, nz = photon.z / kNorm
        // e1 = n × (axis least parallel to n), normalised; e2 = n × e1.
        var e1x: Double, e1y: Double, e1z: Double
        if abs(nz) < 0.9 {  // n × ẑ
            e1x = ny; e1y = -nx; e1z = 0
        } else {  // n × x̂
            e1x = 0; e1y = nz; e1z = -ny
        }
        let e1Norm = (e1x * e1x + e1y * e1y + e1z * e1z).squareRoot()
        e1x /= e1Norm; e1y /= e1Norm; e1z /= e1Norm
        return (FourMomentum(0, e1x, e1y, e1z),
                FourMomentum(0, ny * e1z - nz * e1y, nz * e1x - nx * e1z, nx * e1y - ny * e1x))
    }

    /// |M|² summed over lepton spins and the two physical photon polarisations (transverse to k⃗
    /// in the frame of the momenta), without e² and the weak couplings [GeV²].
    ///
    /// Explicit spinors: χ (χχ† = p_ν·σ) and η₁, η₂ (Σηη† = p_l·σ), so
    /// |M|² = Σ_ε Σ_s |χ† Γ(ε) η_s|² with the row χ†Γ(ε) = a(ε) χ†S_H + b(ε) χ†S_H′ + (X·ε) χ†S_D
    /// + [χ†S_H σ(k)/(2p_l·k) + c χ†] σ̄(ε): a handful of complex products instead of matrix ones.
    /// `lepton.massSquared` supplies m_l. Equals `squaredSummedByTrace()` (tested).
    @inlinable
    public func squaredSummed() -> Double {
        let chi = WeylSpinor.masslessLeftHanded(neutrino).conjugated
        let mass = max(0, lepton.massSquared).squareRoot()
        let (eta1, eta2) = WeylSpinor.massivePair(lepton, massGeV: mass)
        let inverseLeptonK2 = 1 / (2 * lepton.dot(photon))
        let inverseKaonK2 = 1 / (2 * kaon.dot(photon))
        let h = chi.timesSigmaBar(current)
        let hAfter = chi.timesSigmaBar(currentAfterEmission)
        let hContact = chi.timesSigmaBar(contactCurrent)
        let v = inverseLeptonK2 * h.timesSigma(photon) + contactMetric * chi
        let kaonEmitter = 2 * kaon - photon
        let (e1, e2) = transversePolarisations()
        @inline(__always) func polarised(_ eps: FourMomentum) -> Double {
            let row = (2 * lepton.dot(eps) * inverseLeptonK2) * h
                + (-kaonEmitter.dot(eps) * inverseKaonK2) * hAfter
                + contactPhoton.dot(eps) * hContact
                + v.timesSigmaBar(eps)
            let (a, b) = row.dot(eta1)
            let (c, d) = row.dot(eta2)
            return a * a + b * b + c * c + d * d
        }
        return polarised(e1) + polarised(e2)
    }

    /// The same sum as the trace Tr[(p_ν·σ) Γ(ε) (p_l·σ) Γ(ε)†] over the two transverse
    /// polarisations: slower, kept as an independent check of `squaredSummed()`.
    public func squaredSummedByTrace() -> Double {
        let (e1, e2) = transversePolarisations()
        return squared(polarisation: e1) + squared(polarisation: e2)
    }

    /// The same sum with Σ ε_μ ε*_ν → −g_μν, valid only because the amplitude is gauge invariant;
    /// tests compare it with `squaredSummed()`.
    public func squaredSummedCovariant() -> Double {
        let time = squared(polarisation: FourMomentum(1, 0, 0, 0))
        let space = squared(polarisation: FourMomentum(0, 1, 0, 0))
            + squared(polarisation: FourMomentum(0, 0, 1, 0))
            + squared(polarisation: FourMomentum(0, 0, 0, 1))
        return space - time
    }

    /// Non-radiative |M₀|² = Tr[(p_ν·σ)(H·σ̄)(p_l·σ)(H·σ̄)] = 2[2(H·p_ν)(H·p_l) − H²(p_ν·p_l)]
    /// (docs/physics.md §5.2), in the same normalisation as `squaredSummed()`.
    @inlinable
    public static func bornSquared(current h: FourMomentum, lepton: FourMomentum, neutrino: FourMomentum) -> Double {
        2 * (2 * h.dot(neutrino) * h.dot(lepton) - h.massSquared * neutrino.dot(lepton))
    }

    /// Low's eikonal factor W = −(p/(p·k) − p_l/(p_l·k))² [GeV⁻²]: the soft-photon limit is
    /// |M|² → W × |M₀|² (the e² is stripped as everywhere here).
    @inlinable
    public static func eikonalFactor(kaon p: FourMomentum, lepton: FourMomentum, photon k: FourMomentum) -> Double {
        let a = 1 / p.dot(k), b = 1 / lepton.dot(k)
        return -(a * a * p.massSquared + b * b * lepton.massSquared - 2 * a * b * p.dot(lepton))
    }
}
