import XCTest
import Physics
@testable import Simulation
import DetectorModel

/// σ(m²_miss) that depends on the missing mass: linear interpolation in m_miss between the
/// table's points, constant beyond its ends, and a table of equal points that is the constant
/// resolution for every background (the kernel's width follows the true m² of each bin).
final class MassDependentResolutionTests: XCTestCase {
    static let table = MissingMassResolution.table(massesGeV: [0.1, 0.2, 0.3], sigmasGeV2: [2e-3, 1e-3, 4e-4])

    /// Halfway between 100 and 200 MeV: (2 + 1)/2 × 10⁻³; a quarter of the way from 200 to
    /// 300 MeV: 1e-3 − 0.25 × 6e-4; the end values below 100 MeV, at m² < 0 and beyond 300 MeV.
    func testInterpolationInMassAndConstantBeyondTheEnds() {
        let t = Self.table
        XCTAssertEqual(t.sigmaGeV2(atMissingMassGeV: 0.15), 1.5e-3, accuracy: 1e-15)
        XCTAssertEqual(t.sigmaGeV2(atMissingMassSquaredGeV2: 0.225 * 0.225), 8.5e-4, accuracy: 1e-15)
        XCTAssertEqual(t.sigmaGeV2(atMissingMassSquaredGeV2: 0.2 * 0.2), 1e-3, accuracy: 1e-15)
        XCTAssertEqual(t.sigmaGeV2(atMissingMassGeV: 0.05), 2e-3)
        XCTAssertEqual(t.sigmaGeV2(atMissingMassSquaredGeV2: 0), 2e-3)
        XCTAssertEqual(t.sigmaGeV2(atMissingMassSquaredGeV2: -0.01), 2e-3, "m² < 0 takes σ at m_miss = 0")
        XCTAssertEqual(t.sigmaGeV2(atMissingMassGeV: 0.35), 4e-4)
        XCTAssertEqual(t.largestGeV2, 2e-3)
        XCTAssertNil(t.constantGeV2)
        XCTAssertEqual(MissingMassResolution.constant(1.7e-3).sigmaGeV2(atMissingMassSquaredGeV2: 0.1), 1.7e-3)
    }

    /// The same numbers to 10⁻¹², windows and spectrum bins, for a table whose points are all
    /// 1.7e-3 GeV² and the constant 1.7e-3 GeV² (radiative K_e3γ sample).
    func testEqualPointsAreTheConstantResolutionForTheRadiativeModel() {
        let sample = RadiativeSampleCache.shared.sample(process: .ke3Gamma, events: 1 << 16, seed: 7)
        let constant = BackgroundModel(sample: sample, veto: .seed001, resolutionGeV2: 1.7e-3, kaonDecays: 3e10)
        let flat = BackgroundModel(sample: sample, veto: .seed001,
                                   resolution: .table(massesGeV: [0, 0.15, 0.3], sigmasGeV2: [1.7e-3, 1.7e-3, 1.7e-3]), kaonDecays: 3e10)
        for massMeV in stride(from: 0, through: 360, by: 40) {
            let m = Double(massMeV) / 1000
            let region = SignalRegion.window(centreGeV2: m * m, k: 1.5, resolutionGeV2: 1.7e-3)
            let a = constant.events(in: region), b = flat.events(in: region)
            assertClose(a.events, b.events)
            assertClose(a.mcUncertainty, b.mcUncertainty)
            assertClose(a.eventsBeforeVeto ?? .nan, b.eventsBeforeVeto ?? .nan)
        }
        for (a, b) in zip(constant.spectrum(binWidthGeV2: 0.01, rangeGeV2: -0.02...0.3), flat.spectrum(binWidthGeV2: 0.01, rangeGeV2: -0.02...0.3)) {
            assertClose(a.afterVeto, b.afterVeto)
            assertClose(a.beforeVeto, b.beforeVeto)
        }
    }

    /// The same for the K_μ3 photon-pair source (`TrueMassHistogram`), windows and the cut region.
    func testEqualPointsAreTheConstantResolutionForThePhotonPairSource() {
        let sample = PhotonPairSample.generate(flavour: .muon, events: 1 << 14, seed: 11, workers: .threads(1))
        let constant = UndetectedPionBackground(sample: sample, veto: .seed001, resolutionGeV2: 1.5e-3, kaonDecays: 1e10, acceptance: 1, workers: .threads(1))
        let flat = UndetectedPionBackground(sample: sample, veto: .seed001, resolution: .table(massesGeV: [0.1, 0.3], sigmasGeV2: [1.5e-3, 1.5e-3]),
                                            kaonDecays: 1e10, acceptance: 1, workers: .threads(1))
        var regions = stride(from: 140, through: 380, by: 20).map { massMeV -> SignalRegion in
            let m = Double(massMeV) / 1000
            return .window(centreGeV2: m * m, k: 1.5, resolutionGeV2: 1.5e-3)
        }
        regions.append(.above(thresholdGeV2: 0.1))
        for region in regions {
            let a = constant.events(in: region), b = flat.events(in: region)
            XCTAssertGreaterThan(a.eventsBeforeVeto ?? 0, 0)
            assertClose(a.events, b.events)
            assertClose(a.mcUncertainty, b.mcUncertainty)
            assertClose(a.eventsBeforeVeto ?? .nan, b.eventsBeforeVeto ?? .nan)
        }
    }

    /// A resolution that grows with the mass smears each bin with its own σ: for events at one
    /// true m², the fraction inside ±1σ of that point is Φ(1) − Φ(−1) with σ at that m², whatever
    /// σ is elsewhere. Checked with the histogram directly: all events in one bin.
    func testEachBinIsSmearedWithTheSigmaAtItsTrueMass() {
        var histogram = TrueMassHistogram(lowerGeV2: 0, binWidthGeV2: 1e-4, count: 1000)
        let bin = 600
        histogram.beforeVeto[bin] = 1
        histogram.afterVeto[bin] = 1
        let centre = histogram.centreGeV2(bin)
        let resolution = MissingMassResolution.table(massesGeV: [0.1, 0.3], sigmasGeV2: [4e-3, 1e-3])
        let sigma = resolution.sigmaGeV2(atMissingMassSquaredGeV2: centre)
        // σ at m_miss = √0.06005 GeV: 4e-3 − 3e-3 × (m − 0.1)/0.2.
        XCTAssertEqual(sigma, 4e-3 - 3e-3 * (centre.squareRoot() - 0.1) / 0.2, accuracy: 1e-15)
        let sums = histogram.integrate(lo: centre - sigma, hi: centre + sigma, sigmasGeV2: histogram.binSigmasGeV2(resolution),
                                       reachGeV2: resolution.largestGeV2)
        XCTAssertEqual(sums.after, 0.682689492137086, accuracy: 1e-12)
    }

    private func assertClose(_ a: Double, _ b: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a, b, accuracy: 1e-12 * max(abs(a), abs(b), 1e-300), file: file, line: line)
    }
}
