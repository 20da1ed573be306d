/// `FourMomentum` over `Lanes`: one event's four-vector, or several events' side by side, with
/// the same operations in the same order (so `Double` lanes give `FourMomentum`'s bits).
struct LaneFourMomentum<L: Lanes> {
    var t: L, x: L, y: L, z: L

    @inline(__always)
    init(_ t: L, _ x: L, _ y: L, _ z: L) {
        self.t = t; self.x = x; self.y = y; self.z = z
    }

    /// Minkowski product a·b = a⁰b⁰ − a⃗·b⃗.
    @inline(__always)
    func dot(_ other: LaneFourMomentum) -> L { t * other.t - x * other.x - y * other.y - z * other.z }

    @inline(__always)
    var massSquared: L { dot(self) }

    @inline(__always)
    static func + (a: LaneFourMomentum, b: LaneFourMomentum) -> LaneFourMomentum {
        LaneFourMomentum(a.t + b.t, a.x + b.x, a.y + b.y, a.z + b.z)
    }

    @inline(__always)
    static func - (a: LaneFourMomentum, b: LaneFourMomentum) -> LaneFourMomentum {
        LaneFourMomentum(a.t - b.t, a.x - b.x, a.y - b.y, a.z - b.z)
    }

    @inline(__always)
    static func * (s: L, a: LaneFourMomentum) -> LaneFourMomentum {
        LaneFourMomentum(s * a.t, s * a.x, s * a.y, s * a.z)
    }
}

extension LaneFourMomentum where L == Double {
    @inline(__always)
    init(_ p: FourMomentum) { self.init(p.t, p.x, p.y, p.z) }

    @inline(__always)
    var fourMomentum: FourMomentum { FourMomentum(t, x, y, z) }
}
