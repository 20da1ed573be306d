// Writes the shipped K+ -> pi+ pi+ pi- background table for the K+ -> mu+ N search
// (scenarios/tables/na62-k3pi-2016-2018.csv; docs/physics.md §5.16):
//
//     swift scripts/k3pi-table.swift > scenarios/tables/na62-k3pi-2016-2018.csv
//
// The shape is the m2_miss = (P_K - P_mu)^2 of the muon from pi+ -> mu+ nu of one of the two
// pi+, the other two pions lost, computed with the muon mass:
//   - K+ -> pi+ pi+ pi- on its Dalitz plot with |M|^2 = 1 + g u + h u^2 + k v^2 (PDG 2020:
//     g = -0.21134, h = 0.0185, k = -0.00463; u = (s3 - s0)/m_pi^2, v = (s1 - s2)/m_pi^2);
//   - pi+ -> mu+ nu isotropic in the pion frame; the pion decays before the spectrometer with a
//     probability proportional to 1/p_pi (flight path much shorter than gamma beta c tau);
//   - the K+ at 75 GeV/c along the beam; the muon momentum in 5-70 GeV/c (seed 000 Sec. 2);
//   - a Gaussian resolution of 1.0e-3 GeV^2 (the NA62 sigma near m_miss = 330 MeV).
// The normalisation is not computed (it needs the pion-loss probabilities of the real
// detector): the table is scaled to seed 000 Table 1's 309 events above 0.1 GeV^2 for
// N_K = 1.14e10, and a scenario states `normalisation: {kaon_decays: 1.14e10}` so that the
// tool scales it with N_K.
import Foundation

let mK = 0.493677, mPi = 0.13957039, mMu = 0.1056583745   // GeV, PDG 2020
let beamMomentum = 75.0
let (g, h, k) = (-0.21134, 0.0185, -0.00463)
let sigma = 1.0e-3
let eventsAbove = 309.0, thresholdGeV2 = 0.1
let (lowEdge, binWidth, bins) = (0.060, 0.002, 50)        // 0.06 ... 0.16 GeV^2

struct Rng {
    var state: UInt64
    mutating func next() -> Double {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Double(state >> 11) * 0x1.0p-53
    }
    mutating func gaussian() -> Double {
        let u = max(next(), 1e-300), v = next()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// (E, px, py, pz) boosted by velocity `b` (3-vector) from the frame where it was given.
func boost(_ p: [Double], _ b: [Double]) -> [Double] {
    let b2 = b[0] * b[0] + b[1] * b[1] + b[2] * b[2]
    guard b2 > 0 else { return p }
    let gamma = 1 / (1 - b2).squareRoot()
    let bp = b[0] * p[1] + b[1] * p[2] + b[2] * p[3]
    let factor = (gamma - 1) * bp / b2 + gamma * p[0]
    return [gamma * (p[0] + bp), p[1] + factor * b[0], p[2] + factor * b[1], p[3] + factor * b[2]]
}

func isotropic(_ rng: inout Rng) -> [Double] {
    let c = 2 * rng.next() - 1, phi = 2 * Double.pi * rng.next(), s = (1 - c * c).squareRoot()
    return [s * cos(phi), s * sin(phi), c]
}

var rng = Rng(state: 0x9E3779B97F4A7C15)
let kaonEnergy = (beamMomentum * beamMomentum + mK * mK).squareRoot()
let kaonVelocity = [0, 0, beamMomentum / kaonEnergy]
let sLow = 4 * mPi * mPi, sHigh = (mK - mPi) * (mK - mPi), s0 = (mK * mK + 3 * mPi * mPi) / 3
var histogram = [Double](repeating: 0, count: bins)
var accepted = 0
while accepted < 2_000_000 {
    let s1 = sLow + (sHigh - sLow) * rng.next(), s2 = sLow + (sHigh - sLow) * rng.next()
    let s3 = 3 * s0 - s1 - s2
    guard s3 >= sLow, s3 <= sHigh else { continue }
    // Kaon-frame energies and momenta of pi+ (1), pi+ (2), pi- (3); the triangle must close.
    let energies = [s1, s2, s3].map { (mK * mK + mPi * mPi - $0) / (2 * mK) }
    let momenta = energies.map { max($0 * $0 - mPi * mPi, 0).squareRoot() }
    let cos12 = (momenta[2] * momenta[2] - momenta[0] * momenta[0] - momenta[1] * momenta[1]) / (2 * momenta[0] * momenta[1])
    guard abs(cos12) <= 1 else { continue }
    let u = (s3 - s0) / (mPi * mPi), v = (s1 - s2) / (mPi * mPi)
    let matrixElement = 1 + g * u + h * u * u + k * v * v
    accepted += 1
    // The decaying pi+ along a random direction (the K+ is spinless: isotropic).
    let direction = isotropic(&rng)
    let pion = [energies[0], momenta[0] * direction[0], momenta[0] * direction[1], momenta[0] * direction[2]]
    // pi+ -> mu+ nu in the pion frame, then to the kaon frame and the lab.
    let pStar = (mPi * mPi - mMu * mMu) / (2 * mPi)
    let muDirection = isotropic(&rng)
    let muonInPion = [(pStar * pStar + mMu * mMu).squareRoot(), pStar * muDirection[0], pStar * muDirection[1], pStar * muDirection[2]]
    let pionVelocity = [pion[1] / pion[0], pion[2] / pion[0], pion[3] / pion[0]]
    let muonLab = boost(boost(muonInPion, pionVelocity), kaonVelocity)
    let pionLab = boost(pion, kaonVelocity)
    let muonMomentum = (muonLab[1] * muonLab[1] + muonLab[2] * muonLab[2] + muonLab[3] * muonLab[3]).squareRoot()
    guard muonMomentum >= 5, muonMomentum <= 70 else { continue }
    let pionMomentum = (pionLab[1] * pionLab[1] + pionLab[2] * pionLab[2] + pionLab[3] * pionLab[3]).squareRoot()
    // m2_miss with the muon mass hypothesis, from the measured 3-momenta.
    let e = [kaonEnergy - muonLab[0], -muonLab[1], -muonLab[2], beamMomentum - muonLab[3]]
    let m2 = e[0] * e[0] - e[1] * e[1] - e[2] * e[2] - e[3] * e[3] + sigma * rng.gaussian()
    let bin = Int(((m2 - lowEdge) / binWidth).rounded(.down))
    guard bin >= 0, bin < bins else { continue }
    histogram[bin] += matrixElement / pionMomentum
}
// Events per bin above the threshold: scaled to Table 1's 309.
let above = zip(histogram.indices, histogram).filter { lowEdge + Double($0.0) * binWidth >= thresholdGeV2 - 1e-12 }.reduce(0) { $0 + $1.1 }
let scale = eventsAbove / above
print("# K+ -> pi+ pi+ pi- with pi+ -> mu+ nu and the other two pions lost, as the background to K+ -> mu+ N")
print("# for NA62 2016-2018: 309 events above m2_miss = 0.1 GeV^2 (seed 000, Table 1) for N_K = 1.14e10;")
print("# use with normalisation: {kaon_decays: 1.14e10}. Shape: scripts/k3pi-table.swift (docs/physics.md §5.16).")
print("m2_GeV2,dN_dm2_per_GeV2")
// Densities at bin centres, with zero rows at both ends so the integral is the histogram's.
print(String(format: "%.3f,0", lowEdge))
for (index, count) in histogram.enumerated() {
    print(String(format: "%.3f,%.6g", lowEdge + (Double(index) + 0.5) * binWidth, count * scale / binWidth))
}
print(String(format: "%.3f,0", lowEdge + Double(bins) * binWidth))
