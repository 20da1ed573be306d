/// A complex 2×2 matrix [[a, b], [c, d]] in the two-component (Weyl) spinor calculus.
///
/// In the chiral representation γ^μ = [[0, σ^μ], [σ̄^μ, 0]] with σ^μ = (1, σ⃗), σ̄^μ = (1, −σ⃗),
/// every amplitude with a left-handed current ū(p_ν) γ^ν (1 − γ5) … v(p_l) reduces to a
/// 2×2 matrix sandwiched between two-spinors (see `RadiativeAmplitude`). Stored as eight doubles:
/// no allocation, everything inlines.
public struct WeylMatrix: Sendable, Equatable {
    public var aRe: Double, aIm: Double, bRe: Double, bIm: Double
    public var cRe: Double, cIm: Double, dRe: Double, dIm: Double

    @inlinable
    public init(aRe: Double, aIm: Double, bRe: Double, bIm: Double, cRe: Double, cIm: Double, dRe: Double, dIm: Double) {
        self.aRe = aRe; self.aIm = aIm; self.bRe = bRe; self.bIm = bIm
        self.cRe = cRe; self.cIm = cIm; self.dRe = dRe; self.dIm = dIm
    }

    public static let zero = WeylMatrix(aRe: 0, aIm: 0, bRe: 0, bIm: 0, cRe: 0, cIm: 0, dRe: 0, dIm: 0)

    /// p_μ σ^μ = p⁰ − p⃗·σ⃗ (Hermitian).
    @inlinable
    public static func sigma(_ p: FourMomentum) -> WeylMatrix {
        WeylMatrix(aRe: p.t - p.z, aIm: 0, bRe: -p.x, bIm: p.y, cRe: -p.x, cIm: -p.y, dRe: p.t + p.z, dIm: 0)
    }

    /// p_μ σ̄^μ = p⁰ + p⃗·σ⃗ (Hermitian).
    @inlinable
    public static func sigmaBar(_ p: FourMomentum) -> WeylMatrix {
        WeylMatrix(aRe: p.t + p.z, aIm: 0, bRe: p.x, bIm: -p.y, cRe: p.x, cIm: p.y, dRe: p.t - p.z, dIm: 0)
    }

    @inlinable
    public static func + (m: WeylMatrix, n: WeylMatrix) -> WeylMatrix {
        WeylMatrix(aRe: m.aRe + n.aRe, aIm: m.aIm + n.aIm, bRe: m.bRe + n.bRe, bIm: m.bIm + n.bIm,
                   cRe: m.cRe + n.cRe, cIm: m.cIm + n.cIm, dRe: m.dRe + n.dRe, dIm: m.dIm + n.dIm)
    }

    @inlinable
    public static func * (s: Double, m: WeylMatrix) -> WeylMatrix {
        WeylMatrix(aRe: s * m.aRe, aIm: s * m.aIm, bRe: s * m.bRe, bIm: s * m.bIm,
                   cRe: s * m.cRe, cIm: s * m.cIm, dRe: s * m.dRe, dIm: s * m.dIm)
    }

    @inlinable
    public static func * (m: WeylMatrix, n: WeylMatrix) -> WeylMatrix {
        WeylMatrix(
            aRe: m.aRe * n.aRe - m.aIm * n.aIm + m.bRe * n.cRe - m.bIm * n.cIm,
            aIm: m.aRe * n.aIm + m.aIm * n.aRe + m.bRe * n.cIm + m.bIm * n.cRe,
            bRe: m.aRe * n.bRe - m.aIm * n.bIm + m.bRe * n.dRe - m.bIm * n.dIm,
            bIm: m.aRe * n.bIm + m.aIm * n.bRe + m.bRe * n.dIm + m.bIm * n.dRe,
            cRe: m.cRe * n.aRe - m.cIm * n.aIm + m.dRe * n.cRe - m.dIm * n.cIm,
            cIm: m.cRe * n.aIm + m.cIm * n.aRe + m.dRe * n.cIm + m.dIm * n.cRe,
            dRe: m.cRe * n.bRe - m.cIm * n.bIm + m.dRe * n.dRe - m.dIm * n.dIm,
            dIm: m.cRe * n.bIm + m.cIm * n.bRe + m.dRe * n.dIm + m.dIm * n.dRe)
    }

    /// Hermitian conjugate.
    @inlinable
    public var adjoint: WeylMatrix {
        WeylMatrix(aRe: aRe, aIm: -aIm, bRe: cRe, bIm: -cIm, cRe: bRe, cIm: -bIm, dRe: dRe, dIm: -dIm)
    }

    /// Frobenius norm √(Σ|m_ij|²), the scale for relative comparisons.
    @inlinable
    public var norm: Double {
        (aRe * aRe + aIm * aIm + bRe * bRe + bIm * bIm + cRe * cRe + cIm * cIm + dRe * dRe + dIm * dIm).squareRoot()
    }

    /// Re Tr[A Γ B Γ†] for Hermitian A, B: the spin sum of |χ† Γ η|² with Σχχ† = A, Σηη† = B.
    @inlinable
    public static func spinSum(_ a: WeylMatrix, _ gamma: WeylMatrix, _ b: WeylMatrix) -> Double {
        let left = a * gamma
        let right = b * gamma.adjoint
        // Re Tr[left · right]
        return left.aRe * right.aRe - left.aIm * right.aIm + left.bRe * right.cRe - left.bIm * right.cIm
            + left.cRe * right.bRe - left.cIm * right.bIm + left.dRe * right.dRe - left.dIm * right.dIm
    }
}
