import XCTest
@testable import Simulation

/// `LanePair` must give, in each lane, the bits of the scalar (`Double`) operation it stands
/// for: the generator's pairs of events are only identical to single events if it does.
final class LanePairTests: XCTestCase {
    /// Values that probe rounding, signed zeros, subnormal-free extremes and ties.
    static let probes: [Double] = [0, -0.0, 1, -1, 0.5, 1.5, 2.5, 3 - 0x1p-51, 0x1p-30, 7.999999999999999, 37.2, 1e-300,
                                   4.0e5, 0x1p51 - 0.5, 0.1, -0.1, 1e300, .pi, 2.0.squareRoot()]

    func testArithmeticIsTheScalarArithmeticLaneByLane() {
        let probes = Self.probes
        for a in probes {
            for b in probes {
                let x = LanePair(a, b), y = LanePair(b, a)
                let results: [(LanePair, (Double, Double) -> Double)] = [
                    (x + y, { $0 + $1 }), (x - y, { $0 - $1 }), (x * y, { $0 * $1 }), (x / y, { $0 / $1 }),
                    (LanePair.minimum(x, y), { Swift.min($0, $1) }), (LanePair.maximum(x, y), { Swift.max($0, $1) }),
                    (LanePair.blend(LanePair.indicator(x .< y), x, y), { BranchFree.blend(BranchFree.indicator($0 < $1), $0, $1) }),
                ]
                for (pair, scalar) in results {
                    XCTAssertEqual(pair[lane: 0].bitPattern, scalar(a, b).bitPattern, "\(a), \(b)")
                    XCTAssertEqual(pair[lane: 1].bitPattern, scalar(b, a).bitPattern, "\(b), \(a)")
                }
                let conditions: [(LanePair.Mask, (Double, Double) -> Bool)] = [
                    (x .< y, { $0 < $1 }), (x .> y, { $0 > $1 }), (x .>= y, { $0 >= $1 }), (x .== y, { $0 == $1 }),
                    ((x .< y) .| (x .== y), { $0 <= $1 }), ((x .>= y) .& .!(x .== y), { $0 > $1 }),
                ]
                for (mask, scalar) in conditions {
                    XCTAssertEqual(mask[lane: 0], scalar(a, b), "\(a), \(b)")
                    XCTAssertEqual(mask[lane: 1], scalar(b, a), "\(b), \(a)")
                }
            }
            let x = LanePair(a, -a)
            XCTAssertEqual((-x)[lane: 0].bitPattern, (-a).bitPattern)
            XCTAssertEqual(x.magnitude[lane: 1].bitPattern, abs(-a).bitPattern)
            XCTAssertEqual(x.squareRoot()[lane: 0].bitPattern, a.squareRoot().bitPattern)
            XCTAssertEqual((2.5 - x)[lane: 1].bitPattern, (2.5 - -a).bitPattern)
        }
    }

    /// The exponent tricks against their integer definitions: ⌊log₂ x⌋, 2ⁿ and the integer part.
    func testExponentTricksAreExact() {
        var rng = Xoshiro256StarStar(seed: 3)
        for _ in 0..<20_000 {
            let x = Foundation.exp(1400 * (rng.uniform() - 0.5)), y = Foundation.exp(1400 * (rng.uniform() - 0.5))
            let pair = LanePair(x, y)
            XCTAssertEqual(pair.binaryExponent[lane: 0], Double(Int(Foundation.log2(x).rounded(.down))), accuracy: 1, "\(x)")
            XCTAssertEqual(pair.binaryExponent[lane: 0], x.binaryExponent, "\(x)")
            XCTAssertEqual(pair.binaryExponent[lane: 1], Double(y.exponent), "\(y)")
            let s = 64 * rng.uniform(), t = 0x1p50 * rng.uniform()
            let parts = LanePair(s, t).integerPart
            XCTAssertEqual(parts[lane: 0], s.rounded(.towardZero), "\(s)")
            XCTAssertEqual(parts[lane: 1], t.rounded(.towardZero), "\(t)")
        }
        for n in -1022...1023 {
            let pair = LanePair(Double(n), Double(-n / 2)).exactPowerOfTwo
            XCTAssertEqual(pair[lane: 0], Foundation.pow(2, Double(n)), "2^\(n)")
            XCTAssertEqual(pair[lane: 1], Foundation.pow(2, Double(-n / 2)), "2^\(-n / 2)")
            XCTAssertEqual(Double(n).exactPowerOfTwo, Foundation.pow(2, Double(n)), "2^\(n)")
        }
        for integer in [0.0, 1, 2, 3, 63, 64, 1e15] {
            for nearby in [integer, integer.nextUp, integer.nextDown] where nearby >= 0 {
                XCTAssertEqual(LanePair(nearby, nearby).integerPart[lane: 1], nearby.rounded(.towardZero), "\(nearby)")
                XCTAssertEqual(nearby.integerPart, nearby.rounded(.towardZero), "\(nearby)")
            }
        }
    }

    /// The octave density of one value (integer registers, the K_l2γ generator's) and of a
    /// `LanePair` (the exponent tricks) give the same bits.
    func testOctaveDensityOfOneValueMatchesLanes() {
        var rng = Xoshiro256StarStar(seed: 12)
        for _ in 0..<20_000 {
            let range = Foundation.exp(30 * rng.uniform()), other = 1 + 4e5 * rng.uniform()
            let single = OctaveDensity(range: range), pair = OctaveDensity(range: LanePair(range, other))
            XCTAssertEqual(pair.octaves[lane: 0].bitPattern, single.octaves.bitPattern, "R = \(range)")
            XCTAssertEqual(pair.octaves[lane: 1].bitPattern, OctaveDensity(range: other).octaves.bitPattern, "R = \(other)")
            let u = rng.uniform()
            let (value, inverse) = single.sample(u), lanes = pair.sample(LanePair(u, u))
            XCTAssertEqual(lanes.value[lane: 0].bitPattern, value.bitPattern, "R = \(range), u = \(u)")
            XCTAssertEqual(lanes.inverseDensity[lane: 0].bitPattern, inverse.bitPattern, "R = \(range), u = \(u)")
            let rho = 1 + (range - 1) * rng.uniform()
            XCTAssertEqual(pair.inverseDensity(LanePair(rho, rho))[lane: 0].bitPattern, single.inverseDensity(rho).bitPattern, "ρ = \(rho)")
        }
    }

    /// libm's exp, lane by lane.
    func testExponentialIsLibmInEachLane() {
        for (a, b) in [(0.0, 1.0), (-3.25, 0.693), (1e-17, 5.5)] {
            let pair = LanePair(a, b).exponential()
            XCTAssertEqual(pair[lane: 0].bitPattern, Foundation.exp(a).bitPattern)
            XCTAssertEqual(pair[lane: 1].bitPattern, Foundation.exp(b).bitPattern)
        }
    }
}
