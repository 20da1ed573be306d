/// Relativistic kinematics shared by the production rates and the generators.
/// All masses in GeV, squared masses in GeV².
public enum Kinematics {
    /// Källén triangle function λ(a, b, c) = a² + b² + c² − 2(ab + bc + ca).
    /// Arguments are squared masses (or their ratios); symmetric in all three.
    @inlinable
    public static func kallen(_ a: Double, _ b: Double, _ c: Double) -> Double {
        a * a + b * b + c * c - 2 * (a * b + b * c + c * a)
    }

    /// Momentum [GeV] of either daughter in the rest frame of a parent of mass `parentGeV`
    /// decaying to two bodies of masses `firstGeV` and `secondGeV`:
    /// p* = λ^{1/2}(M², m₁², m₂²) / (2M). Zero at (and, clamped, beyond) threshold.
    @inlinable
    public static func twoBodyMomentumGeV(parentGeV: Double, firstGeV: Double, secondGeV: Double) -> Double {
        let lambda = kallen(parentGeV * parentGeV, firstGeV * firstGeV, secondGeV * secondGeV)
        return lambda > 0 ? lambda.squareRoot() / (2 * parentGeV) : 0
    }
}
