extension Xoshiro256StarStar {
    /// (cos φ, sin φ) of an azimuth uniform in [0, 2π), without sin or cos: a uniform point
    /// (x, y) in the unit disc by rejection, whose doubled angle is uniform — cos 2α =
    /// (x² − y²)/r², sin 2α = 2xy/r² (von Neumann's method; Devroye, Non-Uniform Random Variate
    /// Generation, 1986, Sec. V.4). Two uniforms per try, π/4 accepted.
    @inline(__always)
    mutating func uniformAzimuth() -> (cos: Double, sin: Double) {
        var x = 0.0, y = 0.0, r2 = 0.0
        repeat {
            x = 2 * uniform() - 1
            y = 2 * uniform() - 1
            r2 = x * x + y * y
        } while r2 > 1 || r2 == 0
        let inverseR2 = 1 / r2
        return ((x * x - y * y) * inverseR2, 2 * x * y * inverseR2)
    }
}
