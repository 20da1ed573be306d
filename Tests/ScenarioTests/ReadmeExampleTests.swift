import XCTest
import Physics
import DetectorModel
@testable import Scenario

/// The examples in scenarios/README.md are complete scenario files: each ```yaml block decodes,
/// the one-document ones cover every channel, and the multi-document one names its documents.
final class ReadmeExampleTests: XCTestCase {
    private func readmeExamples() throws -> [String] {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```yaml" {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.joined(separator: "\n") + "\n")
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// Six one-document examples, every channel among them, and one file with two documents.
    func testEveryExampleDecodesAndEveryChannelHasOne() throws {
        let examples = try readmeExamples()
        XCTAssertEqual(examples.count, 8)
        var channels: Set<Channel> = []
        var documentNames: [[String]] = []
        for (index, yaml) in examples.enumerated() {
            switch ScenarioDecoder.decodeAll(text: yaml, path: "README example \(index + 1)", baseDirectory: "/scenarios") {
            case .success(let files):
                if files.count == 1 { channels.insert(files[0].channel) }
                documentNames.append(files.map(\.documentName))
                XCTAssertTrue(files.allSatisfy { !$0.variants.isEmpty })
            case .failure(let errors):
                XCTFail("README example \(index + 1) does not decode:\n\(errors)")
            }
        }
        XCTAssertEqual(channels, Set(Channel.allCases))
        XCTAssertEqual(documentNames.filter { $0.count > 1 }, [["pi0e-run1", "kpi0mun"]])
    }

    /// The seed-001 example states Sec. V's numbers: 3e10 for Run 1 and 1.4e11 for 2016-2024;
    /// the dedicated trigger removes the prescale of 150 from 2021-2024 (6e10 x 150 = 9e12).
    func testSeed001ExampleHasThePublishedExposures() throws {
        let example = try XCTUnwrap(readmeExamples().first { $0.contains("channel: K+ -> pi0 e+ N") })
        let file = try ScenarioDecoder.decode(text: example, path: "seed001").get()
        let nK = Dictionary(uniqueKeysWithValues: file.variants.map { ($0.label, $0.exposure.effectiveKaonDecays) })
        XCTAssertEqual(nK["Run 1 data"] ?? 0, 3e10, accuracy: 1e10 * 1e-12)
        XCTAssertEqual(nK["2016-2024"] ?? 0, 1.4e11, accuracy: 1e11 * 1e-12)
        XCTAssertEqual(nK["dedicated trigger"] ?? 0, 3e10 + 9e12, accuracy: 1e12 * 1e-12)
    }

    /// The seed-000 example: N_K = 1.14e10, sigma(m2) = 1.5e-3 GeV^2, masses 200-384 MeV.
    func testSeed000ExampleHasThePublishedNumbers() throws {
        let example = try XCTUnwrap(readmeExamples().first { $0.contains("channel: K+ -> mu+ N") })
        let file = try ScenarioDecoder.decode(text: example, path: "seed000").get()
        XCTAssertEqual(file.variants[0].exposure.effectiveKaonDecays, 1.14e10)
        XCTAssertEqual(file.variants[0].detector.resolutionGeV2, 1.5e-3, accuracy: 1e-18)
        XCTAssertEqual(file.masses.massesGeV.first ?? 0, 0.200, accuracy: 1e-12)
        XCTAssertEqual(file.masses.massesGeV.last ?? 0, 0.384, accuracy: 1e-12)
        // 1.6e13 x 0.99 / 400 = 3.96e10 from the second stream of the second variant.
        XCTAssertEqual(file.variants[1].exposure.effectiveKaonDecays, 1.14e10 + 3.96e10, accuracy: 1e10 * 1e-12)
    }

    /// The mass-dependent resolution example: σ = 1.5e-3 GeV² at the K+ → μ+ ν peak (seed 000
    /// Sec. 2), falling monotonically towards the endpoint (seed 000 Fig. 3, left), and each point
    /// the derivation of docs/physics.md §5.8.1 recomputed here from the two-body kinematics.
    func testDerivedResolutionFallsTowardsTheEndpoint() throws {
        let example = try XCTUnwrap(readmeExamples().first { $0.contains("mass-dependent resolution") })
        let file = try ScenarioDecoder.decode(text: example, path: "resolution").get()
        guard case .table(let masses, let sigmas) = file.variants[0].detector.resolution else {
            return XCTFail("not a table")
        }
        XCTAssertEqual(masses.count, 20)
        XCTAssertEqual(masses.first ?? -1, 0)
        XCTAssertEqual(masses.last ?? 0, 0.380, accuracy: 1e-12)
        XCTAssertEqual(file.variants[0].detector.resolution.sigmaGeV2(atMissingMassSquaredGeV2: 0), 1.5e-3, accuracy: 1e-18)
        for i in 1..<sigmas.count { XCTAssertLessThanOrEqual(sigmas[i], sigmas[i - 1], "at \(masses[i]) GeV") }
        XCTAssertLessThan(sigmas[19], sigmas[0] / 5, "strong improvement towards the endpoint")
        XCTAssertEqual(file.variants[1].detector.resolution, .constant(1.5e-3))
        let peak = Self.rmsSigmaGeV2(massGeV: 0)
        for (mass, sigma) in zip(masses, sigmas) {
            let derived = 1.5e-3 * Self.rmsSigmaGeV2(massGeV: mass) / peak
            XCTAssertEqual(sigma, derived, accuracy: 0.006 * derived, "m_N = \(mass) GeV")
        }
    }

    /// ⟨σ²(m²_miss)⟩^½ over cos θ* uniform, muons with 5 < p < 70 GeV/c, for K+ → μ+ N at
    /// p_K = 75 GeV/c: STRAW σ_p/p = 0.30 % ⊕ 0.005 % p (seed 000 Sec. 1), GTK σ_p/p = 0.2 %,
    /// σ_θ = 16 µrad ⊕ 30 µrad (the assumptions of docs/physics.md §5.8.1).
    static func rmsSigmaGeV2(massGeV mN: Double) -> Double {
        let mK = 0.493677, mMu = 0.1056583745, pK = 75.0
        let eK = (pK * pK + mK * mK).squareRoot()
        let lambda = (mK * mK - (mMu + mN) * (mMu + mN)) * (mK * mK - (mMu - mN) * (mMu - mN))
        let pStar = max(lambda, 0).squareRoot() / (2 * mK), eStar = (pStar * pStar + mMu * mMu).squareRoot()
        let gamma = eK / mK, betaGamma = pK / mK
        let sigmaTheta = (16e-6 * 16e-6 + 30e-6 * 30e-6).squareRoot()
        var sum = 0.0, count = 0
        let steps = 4000
        for i in 0..<steps {
            let c = -1 + (Double(i) + 0.5) * 2 / Double(steps)
            let pz = gamma * pStar * c + betaGamma * eStar, pt = pStar * max(1 - c * c, 0).squareRoot()
            let p = (pz * pz + pt * pt).squareRoot(), e = (p * p + mMu * mMu).squareRoot()
            guard p >= 5, p <= 70 else { continue }
            let cosTheta = pz / p, sinTheta = pt / p
            let dMuon = -2 * (eK * p / e - pK * cosTheta)
            let dKaon = -2 * (pK * e / eK - p * cosTheta)
            let dAngle = 2 * pK * p * sinTheta
            let relative = (0.0030 * 0.0030 + 0.00005 * p * 0.00005 * p).squareRoot()
            let a = dMuon * relative * p, b = dKaon * 0.002 * pK, t = dAngle * sigmaTheta
            sum += a * a + b * b + t * t
            count += 1
        }
        return (sum / Double(count)).squareRoot()
    }
}
