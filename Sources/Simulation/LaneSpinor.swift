/// `WeylSpinor`'s row algebra over `Lanes` (one event, or several side by side): the products
/// the photon-axis-frame |M_γ|² needs, in `WeylSpinor`'s order of operations.
struct LaneSpinor<L: Lanes> {
    var re0: L, im0: L, re1: L, im1: L

    @inline(__always)
    init(re0: L, im0: L, re1: L, im1: L) {
        self.re0 = re0; self.im0 = im0; self.re1 = re1; self.im1 = im1
    }

    /// Row vector times `WeylMatrix.sigmaBar(a)` = [[a⁰+a_z, a_x − i a_y], [a_x + i a_y, a⁰ − a_z]].
    @inline(__always)
    func timesSigmaBar(_ a: LaneFourMomentum<L>) -> LaneSpinor {
        let d0 = a.t + a.z, d1 = a.t - a.z
        return LaneSpinor(re0: re0 * d0 + re1 * a.x - im1 * a.y, im0: im0 * d0 + re1 * a.y + im1 * a.x,
                          re1: re0 * a.x + im0 * a.y + re1 * d1, im1: im0 * a.x - re0 * a.y + im1 * d1)
    }
}
