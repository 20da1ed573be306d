/// An importance-sampling density for a variable ρ ∈ [1, R] spread over many decades, where the
/// target is log-uniform (∝ 1/ρ, e.g. the collinear peak 1/(1 − β cos θ)): uniform inside each
/// octave [2ⁿ, 2ⁿ⁺¹) with the same probability for every full octave. It follows 1/(ρ ln R)
/// within a factor 2 (weights vary by ≤ 2, variance +4 %), and both drawing and evaluating it
/// need only the exponent bits of a double: no log, no exp.
///
/// With R = 2^N (1 + f_R), N = ⌊log₂ R⌋, the "octave length" is K = N + f_R (the last octave is
/// cut at R). A uniform u gives s = K u = n + f and ρ = 2ⁿ(1 + f); dρ/du = K 2ⁿ, so the density
/// is 1/(K 2ⁿ) on octave n.
///
/// Over `Lanes`: one value (the octave numbers held as integral doubles), or several side by
/// side with the same results.
struct OctaveDensity<L: Lanes> {
    /// K = N + f_R, the range in octaves with the last one counted by its length.
    let octaves: L
    /// N, the last (partial) octave.
    let lastOctaveNumber: L

    /// The density on [1, `range`] (`range` ≥ 1, finite).
    @inline(__always)
    init(range: L) {
        let n = range.binaryExponent
        lastOctaveNumber = n
        octaves = n + (range * (-n).exactPowerOfTwo - 1)
    }

    /// (ρ, 1/density(ρ)) from a uniform u ∈ (0, 1).
    @inline(__always)
    func sample(_ u: L) -> (value: L, inverseDensity: L) {
        let s = octaves * u
        let n = L.minimum(s.integerPart, lastOctaveNumber)
        let scale = n.exactPowerOfTwo
        return (scale * (1 + (s - n)), octaves * scale)
    }

    /// 1/density(ρ) = K 2ⁿ with n the octave of ρ (ρ rounded just outside [1, R] counts as inside).
    @inline(__always)
    func inverseDensity(_ rho: L) -> L {
        octaves * L.maximum(L(broadcast: 0), L.minimum(rho.binaryExponent, lastOctaveNumber)).exactPowerOfTwo
    }
}

/// One value at a time (the K_l2γ generator, and K_l3γ's `next(using:)` through the generic
/// code): the octave numbers in integer registers, as fast as before there were lanes. The same
/// integers as the generic methods, so the same doubles.
extension OctaveDensity where L == Double {
    /// N as an integer.
    var lastOctave: Int { Int(lastOctaveNumber) }

    /// `init(range:)` with N from the exponent bits.
    @inline(__always)
    init(range: Double) {
        let n = Self.floorLog2(range)
        self.init(octaves: Double(n) + (range * Self.power(-n) - 1), lastOctaveNumber: Double(n))
    }

    @inline(__always)
    init(octaves: Double, lastOctaveNumber: Double) {
        self.octaves = octaves
        self.lastOctaveNumber = lastOctaveNumber
    }

    /// `sample(_:)` with n = ⌊s⌋ by truncation to an integer.
    @inline(__always)
    func sample(_ u: Double) -> (value: Double, inverseDensity: Double) {
        let s = octaves * u
        let n = min(Int(s), lastOctave)
        let scale = Self.power(n)
        return (scale * (1 + (s - Double(n))), octaves * scale)
    }

    /// `inverseDensity(_:)` on the exponent bits.
    @inline(__always)
    func inverseDensity(_ rho: Double) -> Double {
        octaves * Self.power(max(0, min(Self.floorLog2(rho), lastOctave)))
    }

    /// ⌊log₂ x⌋ for a positive normal double: its unbiased exponent.
    @inline(__always)
    static func floorLog2(_ x: Double) -> Int {
        Int(truncatingIfNeeded: (x.bitPattern >> 52) & 0x7ff) - 1023
    }

    /// 2ⁿ for −1022 ≤ n ≤ 1023, exact.
    @inline(__always)
    static func power(_ n: Int) -> Double {
        Double(bitPattern: UInt64(truncatingIfNeeded: n + 1023) << 52)
    }
}
