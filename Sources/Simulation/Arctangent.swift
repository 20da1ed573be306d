import Foundation

/// atan for the photons' lab angles, two at a time: the polynomial kernel of fdlibm's atan
/// (Sun Microsystems, s_atan.c, 1993; the same in musl and Java's StrictMath) for arguments in
/// [0, 7/16), where it is within 1 ulp of the exact value, and libm beyond.
///
/// Why not libm alone: glibc's correctly rounded atan costs as much as the rest of a K_l3
/// photon-pair event, and nearly every photon of a 75 GeV beam has a lab angle far below
/// atan(7/16) ≈ 0.41 rad, so the kernel, on both photons at once, is all that runs. The angles
/// are stored in single precision, so the ≤ 1 ulp (10⁻¹⁶) difference to libm does not reach them.
enum Arctangent {
    /// Arguments below this go through the kernel (fdlibm's first interval).
    static let kernelLimit = 0.4375

    /// fdlibm's aT[0…10]: atan(x) = x − x (z (aT₀ + w(aT₂ + …)) + w(aT₁ + w(aT₃ + …))),
    /// z = x², w = z², the odd and even terms in two chains.
    @usableFromInline static let oddTerms: (Double, Double, Double, Double, Double, Double) =
        (3.33333333333329318027e-01, 1.42857142725034663711e-01, 9.09088713343650656196e-02,
         6.66107313738753120669e-02, 4.97687799461593236017e-02, 1.62858201153657823623e-02)
    @usableFromInline static let evenTerms: (Double, Double, Double, Double, Double) =
        (-1.99999999998764832476e-01, -1.11111104054623557880e-01, -7.69187620504482999495e-02,
         -5.83357013379057348645e-02, -3.65315727442169155270e-02)

    /// atan(x) for 0 ≤ x < `kernelLimit` (each lane), within 1 ulp.
    @inline(__always)
    static func kernel(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let a = oddTerms, b = evenTerms
        let z: SIMD2<Double> = x * x, w: SIMD2<Double> = z * z
        var odd: SIMD2<Double> = a.4 + w * a.5
        odd = a.3 + w * odd
        odd = a.2 + w * odd
        odd = a.1 + w * odd
        odd = z * (a.0 + w * odd)
        var even: SIMD2<Double> = b.3 + w * b.4
        even = b.2 + w * even
        even = b.1 + w * even
        even = w * (b.0 + w * even)
        return x - x * (odd + even)
    }

    /// The polar angles ∈ [0, π] of two momenta given as (p_T ≥ 0, p_∥): the kernel on
    /// p_T/p_∥ when both are forward and below the limit, else libm's atan or atan2 per lane.
    @inline(__always)
    static func polarAngles(transverse: SIMD2<Double>, longitudinal: SIMD2<Double>) -> SIMD2<Double> {
        let ratio = transverse / longitudinal
        if all((longitudinal .> 0) .& (ratio .< kernelLimit)) { return kernel(ratio) }
        return SIMD2(polarAngle(transverse: transverse[0], longitudinal: longitudinal[0]),
                     polarAngle(transverse: transverse[1], longitudinal: longitudinal[1]))
    }

    /// One polar angle through libm: atan of the quotient forward, atan2 otherwise.
    static func polarAngle(transverse: Double, longitudinal x: Double) -> Double {
        x > 0 ? Foundation.atan(transverse / x) : Foundation.atan2(transverse, x)
    }
}
