/// A four-component complex column spinor in the Dirac representation, with the products the
/// K+ → μ+ ν ν ν̄ amplitude needs (docs/physics.md §10.4): γ^μ, γ5 and p̸ acting from the left,
/// and the bilinear ū w = u†γ⁰w. Conventions: γ⁰ = diag(1, 1, −1, −1),
/// γⁱ = [[0, σⁱ], [−σⁱ, 0]], γ5 = [[0, 1], [1, 0]], metric (+, −, −, −).
public struct DiracSpinor: Sendable, Equatable {
    /// Real and imaginary parts of the four components.
    public var re: (Double, Double, Double, Double)
    public var im: (Double, Double, Double, Double)

    public init(re: (Double, Double, Double, Double), im: (Double, Double, Double, Double) = (0, 0, 0, 0)) {
        self.re = re
        self.im = im
    }

    public static func == (a: DiracSpinor, b: DiracSpinor) -> Bool {
        a.re == b.re && a.im == b.im
    }

    /// The unit spinor e_i (i = 0…3).
    public static func unit(_ i: Int) -> DiracSpinor {
        DiracSpinor(re: (i == 0 ? 1 : 0, i == 1 ? 1 : 0, i == 2 ? 1 : 0, i == 3 ? 1 : 0))
    }

    public static func + (a: DiracSpinor, b: DiracSpinor) -> DiracSpinor {
        DiracSpinor(re: (a.re.0 + b.re.0, a.re.1 + b.re.1, a.re.2 + b.re.2, a.re.3 + b.re.3),
                    im: (a.im.0 + b.im.0, a.im.1 + b.im.1, a.im.2 + b.im.2, a.im.3 + b.im.3))
    }

    public static func * (s: Double, a: DiracSpinor) -> DiracSpinor {
        DiracSpinor(re: (s * a.re.0, s * a.re.1, s * a.re.2, s * a.re.3), im: (s * a.im.0, s * a.im.1, s * a.im.2, s * a.im.3))
    }

    /// γ^μ ψ for μ = 0…3 (upper index).
    public func gamma(_ mu: Int) -> DiracSpinor {
        let (r0, r1, r2, r3) = re, (i0, i1, i2, i3) = im
        switch mu {
        case 0: return DiracSpinor(re: (r0, r1, -r2, -r3), im: (i0, i1, -i2, -i3))
        // σ¹ = [[0, 1], [1, 0]]: upper = σ¹ lower, lower = −σ¹ upper.
        case 1: return DiracSpinor(re: (r3, r2, -r1, -r0), im: (i3, i2, -i1, -i0))
        // σ² = [[0, −i], [i, 0]]: σ²(a, b) = (−i b, i a).
        case 2: return DiracSpinor(re: (i3, -i2, -i1, i0), im: (-r3, r2, r1, -r0))
        // σ³ = diag(1, −1).
        default: return DiracSpinor(re: (r2, -r3, -r0, r1), im: (i2, -i3, -i0, i1))
        }
    }

    /// γ5 ψ.
    public var gamma5: DiracSpinor { DiracSpinor(re: (re.2, re.3, re.0, re.1), im: (im.2, im.3, im.0, im.1)) }

    /// (1 − γ5) ψ (`sign` = −1) or (1 + γ5) ψ (`sign` = +1).
    public func chiral(_ sign: Double) -> DiracSpinor { self + sign * gamma5 }

    /// p̸ ψ = p⁰γ⁰ψ − p⃗·γ⃗ψ, p given with upper indices (E, p_x, p_y, p_z).
    public func slashed(_ p: (Double, Double, Double, Double)) -> DiracSpinor {
        p.0 * gamma(0) + (-p.1) * gamma(1) + (-p.2) * gamma(2) + (-p.3) * gamma(3)
    }

    /// ū w = u†γ⁰ w, u = `self`, as (re, im).
    public func barTimes(_ w: DiracSpinor) -> (Double, Double) {
        let g = w.gamma(0)
        let r = re.0 * g.re.0 + im.0 * g.im.0 + re.1 * g.re.1 + im.1 * g.im.1 + re.2 * g.re.2 + im.2 * g.im.2 + re.3 * g.re.3 + im.3 * g.im.3
        let i = re.0 * g.im.0 - im.0 * g.re.0 + re.1 * g.im.1 - im.1 * g.re.1 + re.2 * g.im.2 - im.2 * g.re.2 + re.3 * g.im.3 - im.3 * g.re.3
        return (r, i)
    }
}
