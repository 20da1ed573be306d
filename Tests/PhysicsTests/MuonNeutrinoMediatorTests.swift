import XCTest
@testable import Physics

/// K+ → μ+ ν X (docs/physics.md §10.1) against facts independent of the closed-form traces: an
/// explicit Dirac-matrix evaluation of the same amplitudes, the Ward identity of the
/// L_μ − L_τ current, the 1/m_X² growth of the muon-only vector, phase-space limits and the
/// ordering of mean missing masses that seed 000 Sec. 6 states.
final class MuonNeutrinoMediatorTests: XCTestCase {
    let mK = PDG2020.kaonChargedMassGeV, m = PDG2020.muonMassGeV

    // MARK: An independent evaluation: 4×4 Dirac matrices, traces summed over polarisations

    struct C { var re: Double, im: Double
        static func + (a: C, b: C) -> C { C(re: a.re + b.re, im: a.im + b.im) }
        static func * (a: C, b: C) -> C { C(re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re) }
    }
    struct M4 { var e: [C]
        static let zero = M4(e: Array(repeating: C(re: 0, im: 0), count: 16))
        static func identity(_ x: Double = 1) -> M4 { var r = zero; for i in 0..<4 { r.e[5 * i] = C(re: x, im: 0) }; return r }
        subscript(i: Int, j: Int) -> C { get { e[4 * i + j] } set { e[4 * i + j] = newValue } }
        static func * (a: M4, b: M4) -> M4 { var r = zero; for i in 0..<4 { for j in 0..<4 { var s = C(re: 0, im: 0); for k in 0..<4 { s = s + a[i, k] * b[k, j] }; r[i, j] = s } }; return r }
        static func + (a: M4, b: M4) -> M4 { M4(e: zip(a.e, b.e).map { $0 + $1 }) }
        static func * (x: Double, a: M4) -> M4 { M4(e: a.e.map { C(re: x * $0.re, im: x * $0.im) }) }
        var trace: Double { (0..<4).reduce(0) { $0 + self[$1, $1].re } }
        /// γ0 M† γ0.
        var bar: M4 { var r = M4.zero; for i in 0..<4 { for j in 0..<4 { let c = self[j, i]; let sign: Double = (i < 2) == (j < 2) ? 1 : -1; r[i, j] = C(re: sign * c.re, im: -sign * c.im) } }; return r }
    }
    /// Dirac representation: γ0 = diag(1, 1, −1, −1), γ^i = [[0, σ_i], [−σ_i, 0]], γ5 = iγ0γ1γ2γ3.
    static let gammas: [M4] = {
        func m(_ entries: [(Int, Int, C)]) -> M4 { var r = M4.zero; for (i, j, c) in entries { r[i, j] = c }; return r }
        let one = C(re: 1, im: 0), minus = C(re: -1, im: 0), i = C(re: 0, im: 1), mi = C(re: 0, im: -1)
        let g0 = m([(0, 0, one), (1, 1, one), (2, 2, minus), (3, 3, minus)])
        let g1 = m([(0, 3, one), (1, 2, one), (2, 1, minus), (3, 0, minus)])
        let g2 = m([(0, 3, mi), (1, 2, i), (2, 1, i), (3, 0, mi)])
        let g3 = m([(0, 2, one), (1, 3, minus), (2, 0, minus), (3, 1, one)])
        return [g0, g1, g2, g3]
    }()
    static let gamma5: M4 = { let g = gammas; var r = g[0] * g[1] * g[2] * g[3]; r.e = r.e.map { C(re: -$0.im, im: $0.re) }; return r }()
    static func slash(_ p: [Double]) -> M4 { (p[0] * gammas[0]) + ((-p[1]) * gammas[1]) + ((-p[2]) * gammas[2]) + ((-p[3]) * gammas[3]) }
    static func dot(_ p: [Double], _ q: [Double]) -> Double { p[0] * q[0] - p[1] * q[1] - p[2] * q[2] - p[3] * q[3] }

    /// A phase-space point (p_μ, p_ν, k) in the kaon frame with s = (p_ν + k)², from two
    /// two-body decays at fixed angles.
    func momenta(mX: Double, s: Double, cosine: Double) -> ([Double], [Double], [Double]) {
        let rootS = s.squareRoot()
        let p = Kinematics.twoBodyMomentumGeV(parentGeV: mK, firstGeV: m, secondGeV: rootS)
        let pMu = [(m * m + p * p).squareRoot(), 0, 0.3 * p, -(1 - 0.09).squareRoot() * p]
        let q = [mK - pMu[0], -pMu[1], -pMu[2], -pMu[3]]          // ν X system
        let pStar = (s - mX * mX) / (2 * rootS)                      // |p| in the ν X frame
        let sine = (1 - cosine * cosine).squareRoot()
        let nuStar = [pStar, pStar * sine, 0, pStar * cosine]
        // Boost ν* from the ν X frame (velocity q/q0) to the kaon frame.
        let beta = [q[1] / q[0], q[2] / q[0], q[3] / q[0]]
        let b2 = beta.reduce(0) { $0 + $1 * $1 }, gamma = 1 / (1 - b2).squareRoot()
        let bp = beta[0] * nuStar[1] + beta[1] * nuStar[2] + beta[2] * nuStar[3]
        let factor = (gamma - 1) * bp / b2 + gamma * nuStar[0]
        let nu = [gamma * (nuStar[0] + bp), nuStar[1] + factor * beta[0], nuStar[2] + factor * beta[1], nuStar[3] + factor * beta[2]]
        let k = (0..<4).map { q[$0] - nu[$0] }
        return (pMu, nu, k)
    }

    /// Σ|M|²/(C² g²) by explicit matrices: Tr[p̸_ν Γ (p̸_μ − m) Γ̄], summed over −g + kk/m_X².
    func explicitMatrixElement(_ mediator: Mediator, pMu: [Double], nu: [Double], k: [Double], mX: Double) -> Double {
        let g = Self.gammas, one = M4.identity(), g5 = Self.gamma5
        let pK = (0..<4).map { pMu[$0] + nu[$0] + k[$0] }
        let big = (0..<4).map { pMu[$0] + k[$0] }, q = (0..<4).map { nu[$0] + k[$0] }
        let dMu = Self.dot(big, big) - m * m, dNu = Self.dot(q, q)
        let left = Self.slash(pK) * (one + (-1) * g5)
        let muonProp = (-1) * Self.slash(big) + M4.identity(m)
        let outer = Self.slash(nu), inner = Self.slash(pMu) + (-1) * M4.identity(m)
        func squared(_ a: M4, _ b: M4) -> Double { (outer * a * inner * b.bar).trace }
        if mediator == .scalar { let gam = (1 / dMu) * (left * muonProp); return squared(gam, gam) }
        func chain(_ index: Int) -> M4 {
            let muon = (1 / dMu) * (left * muonProp * g[index])
            guard mediator == .vector else { return muon }
            return muon + (1 / dNu) * (g[index] * Self.slash(q) * left)
        }
        let metric = [1.0, -1, -1, -1]
        var sum = 0.0
        for i in 0..<4 { for j in 0..<4 {
            let polarisation = (i == j ? -metric[i] : 0) + metric[i] * k[i] * metric[j] * k[j] / (mX * mX)
            guard polarisation != 0 else { continue }
            sum += polarisation * squared(chain(i), chain(j))
        } }
        return sum
    }

    func testClosedFormTracesAgreeWithExplicitDiracMatrices() {
        for mediator in Mediator.allCases {
            for (mX, s, cosine) in [(0.01, 0.06, 0.3), (0.1, 0.11, -0.7), (0.3, 0.13, 0.9), (0.2, 0.08, 0.0)] {
                let (pMu, nu, k) = momenta(mX: mX, s: s, cosine: cosine)
                let t = Self.dot((0..<4).map { pMu[$0] + k[$0] }, (0..<4).map { pMu[$0] + k[$0] })
                let rate = MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: mX)
                XCTAssertEqual(rate.matrixElementSquared(sGeV2: Self.dot((0..<4).map { nu[$0] + k[$0] }, (0..<4).map { nu[$0] + k[$0] }), tGeV2: t),
                               explicitMatrixElement(mediator, pMu: pMu, nu: nu, k: k, mX: mX), accuracy: 1e-9 * abs(explicitMatrixElement(mediator, pMu: pMu, nu: nu, k: k, mX: mX)),
                               "\(mediator) m_X = \(mX)")
            }
        }
    }

    /// The L_μ − L_τ current is conserved: k_α (M_μ^α + M_ν^α) = 0, while the muon line alone
    /// gives k_α M_μ^α = −ū p̸_K (1 − γ5) v ≠ 0 (docs/physics.md §10.1).
    func testWardIdentityOfTheLmuLtauCurrent() {
        let (pMu, nu, k) = momenta(mX: 0.05, s: 0.09, cosine: 0.4)
        // Σ over polarisations with only the k k/m² term isolates |k·M|²/m².
        let full = explicitMatrixElement(.vector, pMu: pMu, nu: nu, k: k, mX: 0.05)
        let transverse = MuonNeutrinoMediatorRate(mediator: .vector, mediatorMassGeV: 0.05)
            .matrixElementSquared(sGeV2: 0.09, tGeV2: Self.dot((0..<4).map { pMu[$0] + k[$0] }, (0..<4).map { pMu[$0] + k[$0] }))
        XCTAssertEqual(full, transverse, accuracy: 1e-9 * full)   // the kk/m² term adds nothing
    }

    /// Goldstone equivalence: the muon-only vector's longitudinal mode makes B/g² grow as 1/m_X²
    /// at small m_X; the scalar and the conserved L_μ − L_τ current grow at most logarithmically.
    func testMuonOnlyVectorGrowsAsInverseMassSquared() {
        let ratio = MuonNeutrinoMediatorRate(mediator: .muonVector, mediatorMassGeV: 0.002).branchingFractionPerCouplingSquared
            / MuonNeutrinoMediatorRate(mediator: .muonVector, mediatorMassGeV: 0.004).branchingFractionPerCouplingSquared
        XCTAssertEqual(ratio, 4, accuracy: 0.1)
        for mediator in [Mediator.scalar, .vector] {
            let r = MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: 0.002).branchingFractionPerCouplingSquared
                / MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: 0.004).branchingFractionPerCouplingSquared
            XCTAssertLessThan(r, 1.6, "\(mediator)")
        }
    }

    /// Phase space: nothing outside m_X² ≤ m²_miss ≤ (m_K − m_μ)², a density vanishing at both
    /// ends, and B → 0 at the endpoint m_X → m_K − m_μ.
    func testSpectrumVanishesOutsideAndAtTheEdgesOfPhaseSpace() {
        let upper = (mK - m) * (mK - m)
        for mediator in Mediator.allCases {
            for mX in [0.01, 0.1, 0.3] {
                let rate = MuonNeutrinoMediatorRate(mediator: mediator, mediatorMassGeV: mX)
                XCTAssertEqual(rate.unnormalisedDensity(sGeV2: mX * mX * 0.99), 0)
                XCTAssertEqual(rate.unnormalisedDensity(sGeV2: upper * 1.0001), 0)
                let interior = rate.unnormalisedDensity(sGeV2: 0.5 * (mX * mX + upper))
                let width = upper - mX * mX
                XCTAssertLessThan(rate.unnormalisedDensity(sGeV2: upper - 1e-9 * width), 1e-3 * interior, "\(mediator) \(mX) upper end")
                XCTAssertLessThan(rate.unnormalisedDensity(sGeV2: mX * mX + 1e-14 * width), 1e-2 * interior, "\(mediator) \(mX) lower end")
                let spectrum = rate.spectrum()!
                XCTAssertEqual(spectrum.probabilities.reduce(0, +), 1, accuracy: 1e-12)
                XCTAssertEqual(spectrum.rangeGeV2.lowerBound, mX * mX, accuracy: 1e-15)
                XCTAssertEqual(spectrum.fraction(aboveGeV2: upper), 0, accuracy: 1e-12)
                XCTAssertEqual(spectrum.fraction(aboveGeV2: mX * mX), 1, accuracy: 1e-12)
            }
        }
        let near = MuonNeutrinoMediatorRate(mediator: .scalar, mediatorMassGeV: (mK - m) * 0.999).branchingFractionPerCouplingSquared
        let far = MuonNeutrinoMediatorRate(mediator: .scalar, mediatorMassGeV: 0.2).branchingFractionPerCouplingSquared
        XCTAssertLessThan(near, 1e-6 * far)
        XCTAssertNil(MuonNeutrinoMediatorRate(mediator: .scalar, mediatorMassGeV: mK - m).spectrum())
    }

    /// Seed 000 Sec. 6: "the limits obtained in the scalar model are stronger than those in the
    /// vector model due to the larger mean m_miss value" — at every m_X of its grid.
    func testScalarHasTheLargerMeanMissingMassAtEveryMass() {
        for step in 1...37 {
            let mX = 0.010 * Double(step)
            let scalar = MuonNeutrinoMediatorRate(mediator: .scalar, mediatorMassGeV: mX).spectrum(binCount: 100)!.meanMissingMassGeV
            let vector = MuonNeutrinoMediatorRate(mediator: .vector, mediatorMassGeV: mX).spectrum(binCount: 100)!.meanMissingMassGeV
            XCTAssertGreaterThan(scalar, vector, "m_X = \(mX)")
            XCTAssertGreaterThanOrEqual(vector, mX)
        }
    }

    /// The s integral of the rate does not depend on the bins: 256 sin²-mapped bins against an
    /// independent Gauss–Legendre rule in √(s − m_X²) on 2000 panels.
    func testTotalRateIsIndependentOfTheQuadrature() {
        let rate = MuonNeutrinoMediatorRate(mediator: .vector, mediatorMassGeV: 0.05)
        let lower = 0.0025, upper = (mK - m) * (mK - m)
        var independent = 0.0
        let n = 2000
        let width = (upper - lower).squareRoot() / Double(n)
        for i in 0..<n {   // s = lower + u², ds = 2u du, midpoint in u
            let u = (Double(i) + 0.5) * width
            independent += 2 * u * rate.unnormalisedDensity(sGeV2: lower + u * u) * width
        }
        let binned = MissingMassSpectrum.integrate(from: lower, to: upper) { rate.unnormalisedDensity(sGeV2: $0) }
        XCTAssertEqual(binned, independent, accuracy: 1e-4 * independent)
    }
}
