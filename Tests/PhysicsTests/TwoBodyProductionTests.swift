import XCTest
@testable import Physics

final class TwoBodyProductionTests: XCTestCase {
    private let mK = PDG2020.kaonChargedMassGeV

    /// ρ_l(0) = 1: a massless N reproduces the Standard Model K+ → l+ ν rate (seed 000 Eq. 1).
    func testRhoIsOneForMasslessLepton() {
        XCTAssertEqual(TwoBodyProduction.rho(flavour: .muon, massGeV: 0), 1, accuracy: 1e-12)
        XCTAssertEqual(TwoBodyProduction.rho(flavour: .electron, massGeV: 0), 1, accuracy: 1e-12)
    }

    /// ρ_μ peaks at ≈ 4.13 near m_N = 263 MeV (seed 000 Introduction, below Eq. 1;
    /// docs/physics.md §3.1).
    func testMuonRhoPeaksNear263MeV() {
        let peak = maximum(of: { TwoBodyProduction.rho(flavour: .muon, massGeV: $0) }, upToGeV: mK - PDG2020.muonMassGeV)
        XCTAssertEqual(peak.value, 4.13, accuracy: 0.01)
        XCTAssertEqual(peak.massGeV * 1000, 263, accuracy: 2)
    }

    /// Above its maximum ρ_l falls monotonically to zero at the endpoint m_K − m_l, for both flavours.
    func testRhoFallsMonotonicallyAboveMaximumToEndpoint() {
        for flavour in LeptonFlavour.allCases {
            let endpoint = mK - flavour.massGeV
            let rho = { TwoBodyProduction.rho(flavour: flavour, massGeV: $0) }
            let peak = maximum(of: rho, upToGeV: endpoint)
            var previous = peak.value
            var m = peak.massGeV + 0.0005
            while m < endpoint {
                let value = rho(m)
                XCTAssertLessThan(value, previous, "\(flavour) at \(m * 1000) MeV")
                previous = value
                m += 0.0005
            }
            // ρ vanishes like a square root, so an endpoint mass rounded by one ulp leaves
            // ρ ~ √ulp ≈ 1e-8 relative: 1e-6 of the peak is zero at double precision.
            XCTAssertEqual(rho(endpoint), 0, accuracy: 1e-6 * peak.value, "\(flavour) at the endpoint")
            XCTAssertEqual(rho(endpoint + 0.001), 0, "\(flavour) beyond the endpoint")
        }
    }

    /// Helicity enhancement: for m_e ≪ m_N ≪ m_K the leading term is ρ_e ≈ y(1 − y)²/x with
    /// x = (m_e/m_K)², y = (m_N/m_K)², i.e. thousands for m_N of tens of MeV.
    func testElectronRhoIsHelicityEnhanced() {
        let x = (PDG2020.electronMassGeV / mK) * (PDG2020.electronMassGeV / mK)
        for massGeV in [0.02, 0.05, 0.1] {
            let y = (massGeV / mK) * (massGeV / mK)
            let rho = TwoBodyProduction.rho(flavour: .electron, massGeV: massGeV)
            XCTAssertGreaterThan(rho, 1000)
            XCTAssertEqual(rho / (y * (1 - y) * (1 - y) / x), 1, accuracy: 0.01, "at \(massGeV * 1000) MeV")
        }
    }

    /// At m_N → 0, B(K → e N)/B(K → μ N) is helicity-suppressed to
    /// (m_e/m_μ)² [(m_K² − m_e²)/(m_K² − m_μ²)]² = 2.57e-5 at tree level; the measured K_e2/K_μ2
    /// ratio behind the normalisation is ≈ 4 % lower through radiative corrections
    /// (Cirigliano & Rosell, PRL 99 (2007) 231801), so agreement within 5 % is expected.
    func testElectronChannelIsHelicitySuppressedAtZeroMass() {
        let ratio = TwoBodyProduction.branchingFractionPerU2(flavour: .electron, massGeV: 1e-4)
            / TwoBodyProduction.branchingFractionPerU2(flavour: .muon, massGeV: 1e-4)
        let me2 = PDG2020.electronMassGeV * PDG2020.electronMassGeV
        let mmu2 = PDG2020.muonMassGeV * PDG2020.muonMassGeV
        let mK2 = mK * mK
        let treeLevel = (me2 / mmu2) * ((mK2 - me2) / (mK2 - mmu2)) * ((mK2 - me2) / (mK2 - mmu2))
        XCTAssertLessThan(ratio, 1e-4)
        XCTAssertEqual(ratio / treeLevel, 1, accuracy: 0.05)
    }

    /// The largest value of `f` on a 0.1 MeV grid from 0 to `upToGeV`.
    private func maximum(of f: (Double) -> Double, upToGeV: Double) -> (massGeV: Double, value: Double) {
        var best = (massGeV: 0.0, value: f(0))
        var m = 0.0
        while m < upToGeV {
            let value = f(m)
            if value > best.value { best = (m, value) }
            m += 1e-4
        }
        return best
    }
}
