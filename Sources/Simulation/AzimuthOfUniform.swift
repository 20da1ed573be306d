/// cos ψ and sin ψ of an azimuth ψ = 2πu uniform in [0, 2π), from one uniform u, over `Lanes`:
/// the K_l3γ neutrino azimuth about the lepton (docs/physics.md §5.4).
///
/// Why not the rejection method (`uniformAzimuth`): it draws 2.5 uniforms per azimuth and
/// branches on them, and the CPU mispredicts that branch on one event in five, each time
/// stalling the random stream; here one uniform, no branch, and both lanes of a `LanePair` at once.
///
/// Reduction by quarter turns, exact: s = 4u, q = the nearest integer to s, ψ = (π/2) q + α with
/// α = (π/2)(s − q) ∈ [−π/4, π/4]; then fdlibm's kernels on α (Sun Microsystems, k_sin.c and
/// k_cos.c, 1993; the same in musl), within 2 ulp of the exact values there, and the quadrant's
/// swap and signs.
enum AzimuthOfUniform {
    /// fdlibm's S1…S6: sin α = α + α z (S1 + z(S2 + … + z S6)), z = α².
    static let sineTerms: (Double, Double, Double, Double, Double, Double) =
        (-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
         2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10)
    /// fdlibm's C1…C6: cos α = 1 − (z/2 − z² (C1 + z(C2 + … + z C6))).
    static let cosineTerms: (Double, Double, Double, Double, Double, Double) =
        (4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
         -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11)

    /// (cos 2πu, sin 2πu) for 0 < u < 1 in each lane.
    @inline(__always)
    static func cosSin<L: Lanes>(turns u: L) -> (cos: L, sin: L) {
        let s: L = 4 * u
        let q: L = (s + 0x1p52) - 0x1p52  // nearest integer, 0…4 (2⁵² leaves no fraction)
        let alpha: L = (s - q) * (0.5 * Double.pi)
        let z: L = alpha * alpha
        let sinAlpha: L = alpha + alpha * z * polynomial(z, sineTerms)
        let cosAlpha: L = 1 - (0.5 * z - z * z * polynomial(z, cosineTerms))
        // Quarter q: (cos, sin) = (cos α, sin α), (−sin α, cos α), (−cos α, −sin α), (sin α, −cos α).
        let one = q .== L(broadcast: 1), two = q .== L(broadcast: 2), three = q .== L(broadcast: 3)
        let swapped = one .| three
        let cosine = L.select(swapped, sinAlpha, cosAlpha), sine = L.select(swapped, cosAlpha, sinAlpha)
        let negativeCosine: L = -cosine, negativeSine: L = -sine
        return (L.select(one .| two, negativeCosine, cosine), L.select(two .| three, negativeSine, sine))
    }

    /// c₀ + z(c₁ + z(c₂ + … + z c₅)), Horner's rule.
    @inline(__always)
    static func polynomial<L: Lanes>(_ z: L, _ c: (Double, Double, Double, Double, Double, Double)) -> L {
        var p: L = c.4 + z * c.5
        p = c.3 + z * p
        p = c.2 + z * p
        p = c.1 + z * p
        return c.0 + z * p
    }
}
