/// A complex two-component spinor (as a row or column vector) for the explicit-spinor form
/// of the amplitude: contracting spinors first costs a few complex products where the
/// trace Tr[(p_ν·σ) Γ (p_l·σ) Γ†] needs several 2×2 matrix products.
public struct WeylSpinor: Sendable, Equatable {
    public var re0: Double, im0: Double, re1: Double, im1: Double

    @inlinable @inline(__always)
    public init(re0: Double, im0: Double, re1: Double, im1: Double) {
        self.re0 = re0; self.im0 = im0; self.re1 = re1; self.im1 = im1
    }

    /// χ with χχ† = p·σ for a massless momentum p (the left-handed neutrino spinor, up to a
    /// phase): (−(p_x − i p_y), E + p_z)/√(E + p_z), or (E − p_z, −(p_x + i p_y))/√(E − p_z)
    /// when p points backwards.
    @inlinable @inline(__always)
    public static func masslessLeftHanded(_ p: FourMomentum) -> WeylSpinor {
        if p.z >= 0 {
            let norm = 1 / (p.t + p.z).squareRoot()
            return WeylSpinor(re0: -p.x * norm, im0: p.y * norm, re1: (p.t + p.z) * norm, im1: 0)
        } else {
            let norm = 1 / (p.t - p.z).squareRoot()
            return WeylSpinor(re0: (p.t - p.z) * norm, im0: 0, re1: -p.x * norm, im1: -p.y * norm)
        }
    }

    /// Two spinors η₁, η₂ with η₁η₁† + η₂η₂† = p·σ for a massive momentum p of mass m
    /// (Cholesky factor of the Hermitian matrix p·σ, det = m², pivoting on its larger diagonal).
    @inlinable @inline(__always)
    public static func massivePair(_ p: FourMomentum, massGeV m: Double) -> (WeylSpinor, WeylSpinor) {
        let b00 = p.t - p.z, b11 = p.t + p.z
        // Off-diagonal element b01 = −(p_x − i p_y).
        if b00 >= b11 {
            let root = b00.squareRoot(), inverse = 1 / root
            return (WeylSpinor(re0: root, im0: 0, re1: -p.x * inverse, im1: -p.y * inverse),
                    WeylSpinor(re0: 0, im0: 0, re1: m * inverse, im1: 0))
        } else {
            let root = b11.squareRoot(), inverse = 1 / root
            return (WeylSpinor(re0: -p.x * inverse, im0: p.y * inverse, re1: root, im1: 0),
                    WeylSpinor(re0: m * inverse, im0: 0, re1: 0, im1: 0))
        }
    }

    /// The conjugate transpose read as a row: χ† as (χ₀*, χ₁*).
    @inlinable @inline(__always)
    public var conjugated: WeylSpinor { WeylSpinor(re0: re0, im0: -im0, re1: re1, im1: -im1) }

    /// Row vector times `sigmaBar(a)` = a⁰ + a⃗·σ⃗ = [[a⁰+a_z, a_x − i a_y], [a_x + i a_y, a⁰ − a_z]].
    @inlinable @inline(__always)
    public func timesSigmaBar(_ a: FourMomentum) -> WeylSpinor {
        let d0 = a.t + a.z, d1 = a.t - a.z
        // r0' = r0 d0 + r1 (a_x + i a_y); r1' = r0 (a_x − i a_y) + r1 d1
        return WeylSpinor(re0: re0 * d0 + re1 * a.x - im1 * a.y, im0: im0 * d0 + re1 * a.y + im1 * a.x,
                          re1: re0 * a.x + im0 * a.y + re1 * d1, im1: im0 * a.x - re0 * a.y + im1 * d1)
    }

    /// Row vector times `sigma(a)` = a⁰ − a⃗·σ⃗.
    @inlinable @inline(__always)
    public func timesSigma(_ a: FourMomentum) -> WeylSpinor {
        timesSigmaBar(FourMomentum(a.t, -a.x, -a.y, -a.z))
    }

    /// Row times column, r·η (no conjugation): (re, im).
    @inlinable @inline(__always)
    public func dot(_ column: WeylSpinor) -> (Double, Double) {
        (re0 * column.re0 - im0 * column.im0 + re1 * column.re1 - im1 * column.im1,
         re0 * column.im0 + im0 * column.re0 + re1 * column.im1 + im1 * column.re1)
    }

    @inlinable @inline(__always)
    public static func + (a: WeylSpinor, b: WeylSpinor) -> WeylSpinor {
        WeylSpinor(re0: a.re0 + b.re0, im0: a.im0 + b.im0, re1: a.re1 + b.re1, im1: a.im1 + b.im1)
    }

    @inlinable @inline(__always)
    public static func * (s: Double, a: WeylSpinor) -> WeylSpinor {
        WeylSpinor(re0: s * a.re0, im0: s * a.im0, re1: s * a.re1, im1: s * a.im1)
    }
}
