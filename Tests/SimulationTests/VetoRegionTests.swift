import XCTest
import Physics
@testable import Simulation
import DetectorModel

/// A photon veto split into angular regions (NA62's small-angle calorimeters, LKr and LAV):
/// one region from the beam axis is seed 001's model; regions with one inefficiency are that
/// model; a gap is uncovered; the direction average is the brute-force average.
final class VetoRegionTests: XCTestCase {
    static let table = VetoInefficiency.table(energiesGeV: [0.05, 0.3, 3], inefficiencies: [0.05, 3e-3, 1e-4])

    static func regions(_ inefficiencies: [VetoInefficiency], edgesRad: [Double], beyond: PhotonVeto.Beyond) -> PhotonVeto {
        PhotonVeto(regions: zip(inefficiencies, zip(edgesRad.dropLast(), edgesRad.dropFirst())).map {
            VetoRegion(name: nil, fromAngleRad: $1.0, toAngleRad: $1.1, inefficiency: $0)
        }, beyond: beyond)
    }

    /// Three adjacent regions [0, 1), [1, 8.5), [8.5, 50) mrad with one inefficiency are one
    /// region to 50 mrad: the same P(miss | θ, E) and the same direction average.
    func testAdjacentRegionsWithOneInefficiencyAreOneRegion() {
        for beyond in PhotonVeto.Beyond.allCases {
            let single = PhotonVeto(hermeticAngleRad: 0.05, inefficiency: Self.table, beyond: beyond)
            let split = Self.regions([Self.table, Self.table, Self.table], edgesRad: [0, 0.001, 0.0085, 0.05], beyond: beyond)
            for angle in [0.0, 0.0005, 0.002, 0.01, 0.049, 0.06, 0.5] {
                for energy in [0.1, 1, 20] {
                    XCTAssertEqual(split.missProbability(labAngleRad: angle, labEnergyGeV: energy),
                                   single.missProbability(labAngleRad: angle, labEnergyGeV: energy), "\(beyond) \(angle) \(energy)")
                }
            }
            for energy in [0.002, 0.03, 0.2] {
                XCTAssertEqual(split.meanMissProbability(photonEnergyGeV: energy) / single.meanMissProbability(photonEnergyGeV: energy), 1,
                               accuracy: 1e-12, "\(beyond) \(energy)")
            }
        }
    }

    /// A photon in a gap between regions, or below the first, is missed; inside a region it has
    /// that region's inefficiency.
    func testGapsAreUncoveredAndEachRegionHasItsInefficiency() {
        let veto = Self.regions([.constant(1e-4), .constant(1e-5), .constant(3e-3)], edgesRad: [0.0002, 0.001, 0.0085, 0.05], beyond: .missed)
        XCTAssertEqual(veto.missProbability(labAngleRad: 0.0001, labEnergyGeV: 10), 1, "below the first region")
        XCTAssertEqual(veto.missProbability(labAngleRad: 0.0005, labEnergyGeV: 10), 1e-4)
        XCTAssertEqual(veto.missProbability(labAngleRad: 0.004, labEnergyGeV: 10), 1e-5)
        XCTAssertEqual(veto.missProbability(labAngleRad: 0.02, labEnergyGeV: 1), 3e-3)
        XCTAssertEqual(veto.missProbability(labAngleRad: 0.05, labEnergyGeV: 1), 1, "beyond θ_max")
        var gapped = veto
        gapped.regions[2].fromAngleRad = 0.01
        XCTAssertEqual(gapped.missProbability(labAngleRad: 0.009, labEnergyGeV: 1), 1, "between LKr and LAV")
        XCTAssertEqual(veto.hermeticAngleRad, 0.05)
    }

    /// ½∫ P(miss | θ(c), E(c)) dc by brute force over isotropic kaon-frame directions, for
    /// regions with gaps and energy tables, both treatments beyond θ_max.
    func testDirectionAveragedMissProbabilityOfRegionsMatchesBruteForce() {
        for beyond in PhotonVeto.Beyond.allCases {
            let veto = Self.regions([.constant(1e-4), Self.table, .constant(3e-3)], edgesRad: [0.0002, 0.001, 0.0085, 0.04], beyond: beyond)
            var gapped = veto
            gapped.regions[2].fromAngleRad = 0.012
            for v in [veto, gapped] {
                for energy in [0.002, 0.03, 0.2] {
                    XCTAssertEqual(v.meanMissProbability(photonEnergyGeV: energy) / bruteForceMeanMiss(v, photonEnergyGeV: energy), 1,
                                   accuracy: 2e-3, "\(beyond) \(energy)")
                }
            }
        }
    }

    /// Better inefficiency in one region never raises the K_μ3 both-photons-lost background,
    /// and a perfect veto in every region leaves only the photons beyond θ_max.
    func testRegionInefficienciesOrderTheBackground() {
        let sample = PhotonPairSample.cached(flavour: .muon, events: 1 << 15, seed: 3)
        let nominal = Self.regions([.constant(1e-4), .constant(1e-3), .constant(3e-3)], edgesRad: [0, 0.001, 0.0085, 0.05], beyond: .missed)
        var betterLKr = nominal
        betterLKr.regions[1].inefficiency = .constant(1e-5)
        var perfect = nominal
        perfect.inefficiency = .constant(0)
        let region = SignalRegion.above(thresholdGeV2: 0.1)
        func events(_ veto: PhotonVeto) -> Double {
            UndetectedPionBackground(sample: sample, veto: veto, resolutionGeV2: 1.5e-3, kaonDecays: 1e10, acceptance: 0.3).events(in: region).events
        }
        XCTAssertLessThan(events(betterLKr), events(nominal))
        XCTAssertLessThan(events(perfect), events(betterLKr))
        XCTAssertGreaterThanOrEqual(events(perfect), 0)
    }
}

/// ½∫ P(miss | θ(c), E(c)) dc over isotropic kaon-frame directions by the midpoint rule in
/// c = cos θ* (400 000 points): the direction average computed the slow, obvious way.
func bruteForceMeanMiss(_ veto: PhotonVeto, photonEnergyGeV energy: Double, beam: KaonBeam = .na62) -> Double {
    let n = 400_000
    var sum = 0.0
    for i in 0..<n {
        let c = -1 + 2 * (Double(i) + 0.5) / Double(n)
        sum += veto.missProbability(labAngleRad: beam.labPolarAngleRad(cosThetaStar: c),
                                    labEnergyGeV: beam.labEnergyGeV(photonEnergyGeV: energy, cosThetaStar: c))
    }
    return sum / Double(n)
}
