import Foundation

/// The value of one event (`Double`) or of two events side by side (`SIMD2<Double>`, one SSE2
/// register). The K_l3γ stages are written once, generic over `Lanes`: `next(using:)` runs them
/// on one event and `fill` on pairs, and since every lane performs the same IEEE operations in
/// the same order as the scalar path (no fused multiply–add, no reassociation, libm's exp per
/// lane), both give the same events to the last bit. Two events per instruction halve the
/// cost of the branch-free arithmetic, above all of the divisions and square roots, which the
/// CPU issues at one lane's throughput.
protocol Lanes {
    associatedtype Condition: LaneCondition

    /// Every lane `value`.
    init(broadcast value: Double)

    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func + (a: Double, b: Self) -> Self
    static func - (a: Double, b: Self) -> Self
    static func * (a: Double, b: Self) -> Self
    static func / (a: Double, b: Self) -> Self
    static func + (a: Self, b: Double) -> Self
    static func - (a: Self, b: Double) -> Self
    static func * (a: Self, b: Double) -> Self
    static prefix func - (a: Self) -> Self
    func squareRoot() -> Self

    static func .< (a: Self, b: Self) -> Condition
    static func .> (a: Self, b: Self) -> Condition
    static func .>= (a: Self, b: Self) -> Condition
    static func .== (a: Self, b: Self) -> Condition

    /// `ifTrue` in the lanes where `condition` holds, else `ifFalse` (`condition ? ifTrue : ifFalse`).
    static func select(_ condition: Condition, _ ifTrue: Self, _ ifFalse: Self) -> Self
    /// Swift's `min(x, y)` lane by lane: y where y < x, else x (so x on ties and NaN).
    static func minimum(_ x: Self, _ y: Self) -> Self
    /// Swift's `max(x, y)` lane by lane: y where y ≥ x, else x.
    static func maximum(_ x: Self, _ y: Self) -> Self
    /// 1 where `condition` holds, else 0, without a branch (`BranchFree.indicator`).
    static func indicator(_ condition: Condition) -> Self
    /// libm's exp in each lane.
    func exponential() -> Self
    /// |x| in each lane.
    var magnitude: Self { get }
    /// ⌊log₂ x⌋ of positive normal lanes (the unbiased exponent), as an integral double.
    var binaryExponent: Self { get }
    /// 2ⁿ for integral lanes −1022 ≤ n ≤ 1023, exact (built from the exponent bits).
    var exactPowerOfTwo: Self { get }
    /// The integer part of non-negative lanes below 2⁵¹, as an integral double.
    var integerPart: Self { get }
}

/// The lanes' comparison results: `Bool` for one event, a mask for several.
protocol LaneCondition {
    static func .& (a: Self, b: Self) -> Self
    static func .| (a: Self, b: Self) -> Self
    static prefix func .! (a: Self) -> Self
}

extension Lanes {
    /// `minimum` by its definition, for lanes without an instruction of their own.
    @inline(__always)
    static func minimum(_ x: Self, _ y: Self) -> Self { select(y .< x, y, x) }

    /// `maximum` by its definition.
    @inline(__always)
    static func maximum(_ x: Self, _ y: Self) -> Self { select(y .>= x, y, x) }

    /// `BranchFree.blend` lane by lane: the same arithmetic, so the same bits.
    @inline(__always)
    static func blend(_ indicator: Self, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        indicator * ifTrue + (1 - indicator) * ifFalse
    }
}
