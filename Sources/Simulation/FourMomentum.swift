/// A Minkowski four-vector (E, p_x, p_y, p_z) in GeV, metric (+, −, −, −).
/// A plain value of four doubles: the generators build millions of them per second.
public struct FourMomentum: Sendable, Equatable {
    public var t: Double
    public var x: Double
    public var y: Double
    public var z: Double

    @inlinable @inline(__always)
    public init(_ t: Double, _ x: Double, _ y: Double, _ z: Double) {
        self.t = t
        self.x = x
        self.y = y
        self.z = z
    }

    public static let zero = FourMomentum(0, 0, 0, 0)

    /// Minkowski product a·b = a⁰b⁰ − a⃗·b⃗.
    @inlinable @inline(__always)
    public func dot(_ other: FourMomentum) -> Double {
        t * other.t - x * other.x - y * other.y - z * other.z
    }

    /// Invariant mass squared p² [GeV²].
    @inlinable @inline(__always)
    public var massSquared: Double { dot(self) }

    /// Length of the three-momentum |p⃗| [GeV].
    @inlinable @inline(__always)
    public var momentum: Double { (x * x + y * y + z * z).squareRoot() }

    @inlinable @inline(__always)
    public static func + (a: FourMomentum, b: FourMomentum) -> FourMomentum {
        FourMomentum(a.t + b.t, a.x + b.x, a.y + b.y, a.z + b.z)
    }

    @inlinable @inline(__always)
    public static func - (a: FourMomentum, b: FourMomentum) -> FourMomentum {
        FourMomentum(a.t - b.t, a.x - b.x, a.y - b.y, a.z - b.z)
    }

    @inlinable @inline(__always)
    public static func * (s: Double, a: FourMomentum) -> FourMomentum {
        FourMomentum(s * a.t, s * a.x, s * a.y, s * a.z)
    }

    /// Lorentz boost along z with velocity `beta`: the same vector seen from a frame that moves
    /// with velocity +β ẑ relative to the present one.
    @inlinable @inline(__always)
    public func boostedAlongZ(beta: Double) -> FourMomentum {
        let gamma = 1 / ((1 - beta) * (1 + beta)).squareRoot()
        return FourMomentum(gamma * (t - beta * z), x, y, gamma * (z - beta * t))
    }
}
