import XCTest
import RealModule
@testable import Physics
import Quadrature

/// Accuracy of the q² integration behind K+ → π0 l+ N (`EndpointQuadrature`).
final class SemileptonicIntegrationTests: XCTestCase {
    /// The substituted rule integrates constants and polynomials in u = (s − a)/(b − a):
    /// Σ Wᵢ uᵢᵏ = 1/(k + 1).
    func testWeightsIntegratePolynomials() {
        let rule = EndpointQuadrature.standard
        for k in 0...6 {
            let sum = zip(rule.weights, rule.fractions).reduce(0.0) { $0 + $1.0 * Double.pow($1.1, k) }
            XCTAssertEqual(sum, 1 / Double(k + 1), accuracy: 1e-14, "k = \(k)")
        }
    }

    /// A square-root end is integrated to machine precision: ∫₀¹ √(s(1 − s)) ds = π/8.
    func testSquareRootEndsAreExact() {
        let value = EndpointQuadrature.standard.integrate(from: 0, to: 1) { ($0 * (1 - $0)).squareRoot() }
        XCTAssertEqual(value, Double.pi / 8, accuracy: 1e-14)
    }

    /// Closed form: for massless leptons and flat form factors, ∫ λ_h^{3/2} dq² over
    /// [0, (m_K − m_π)²] = m_K⁸/4 · (1 − 8x + 8x³ − x⁴ − 12x² ln x), x = m_π²/m_K² (the textbook
    /// K_l3 phase-space function). The reduced rate is 2 λ_h^{3/2} in that limit.
    func testMasslessLeptonsMatchClosedForm() {
        let flat = KaonFormFactors(vectorSlope: 0, vectorCurvature: 0, scalarSlope: 0)
        let mK = PDG2020.kaonChargedMassGeV
        let x = (PDG2020.pionNeutralMassGeV / mK) * (PDG2020.pionNeutralMassGeV / mK)
        let upper = (mK - PDG2020.pionNeutralMassGeV) * (mK - PDG2020.pionNeutralMassGeV)
        let numeric = EndpointQuadrature.standard.integrate(from: 0, to: upper) { q2 in
            SemileptonicProduction.reducedRateGeV6(leptonMassGeV: 0, neutralMassGeV: 0, q2GeV2: q2, formFactors: flat)
        }
        let closedForm = 2 * Double.pow(mK, 8) / 4 * (1 - 8 * x + 8 * x * x * x - x * x * x * x - 12 * x * x * Double.log(x))
        XCTAssertEqual(numeric / closedForm, 1, accuracy: 1e-12)
    }

    /// Convergence: the 32-node rule in ln q² agrees with a 1024-node rule applied directly in q²
    /// (a different substitution and node set) to 1e-9 relative, for both flavours at every mass
    /// on a 1 MeV grid up to the endpoint.
    func testStandardRuleAgreesWithMuchFinerIntegration() {
        let fine = EndpointQuadrature(nodeCount: 1024)
        for flavour in LeptonFlavour.allCases {
            let endpoint = PDG2020.kaonChargedMassGeV - PDG2020.pionNeutralMassGeV - flavour.massGeV
            var m = 0.0
            while m < endpoint {
                guard let range = SemileptonicProduction.q2RangeGeV2(flavour: flavour, massGeV: m) else { break }
                let reference = fine.integrate(from: range.lowerBound, to: range.upperBound) { q2 in
                    SemileptonicProduction.differentialWidthPerGeV2(flavour: flavour, massGeV: m, q2GeV2: q2)
                }
                let standard = SemileptonicProduction.widthGeV(flavour: flavour, massGeV: m)
                XCTAssertEqual(standard / reference, 1, accuracy: 1e-9, "\(flavour) at \(m * 1000) MeV")
                m += 0.001
            }
        }
    }

    /// The plain rule in q² converges only slowly for the e channel at small m_N (the 1/q⁴ pole sits
    /// m_e² below the lower end); the logarithmic rule is what makes 32 nodes enough. This pins the
    /// reason for the design: 32 plain nodes miss by > 1e-7 where the logarithmic ones do not.
    func testLogarithmicRuleIsNeededForTheElectronChannel() {
        let rule = EndpointQuadrature.standard
        let fine = EndpointQuadrature(nodeCount: 1024)
        guard let range = SemileptonicProduction.q2RangeGeV2(flavour: .electron, massGeV: 0) else { return XCTFail() }
        let f = { (q2: Double) in SemileptonicProduction.differentialWidthPerGeV2(flavour: .electron, massGeV: 0, q2GeV2: q2) }
        let reference = fine.integrate(from: range.lowerBound, to: range.upperBound, f)
        let plain = rule.integrate(from: range.lowerBound, to: range.upperBound, f)
        let logarithmic = rule.integrateInLogarithm(from: range.lowerBound, to: range.upperBound, f)
        XCTAssertGreaterThan(abs(plain / reference - 1), 1e-7)
        XCTAssertLessThan(abs(logarithmic / reference - 1), 1e-9)
    }
}
