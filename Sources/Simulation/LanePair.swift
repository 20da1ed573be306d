import Foundation
#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Two events side by side in one SSE2 register, through the SSE2 intrinsics (Swift's own
/// `SIMD2<Double>` arithmetic compiles to one scalar instruction per lane). Every operation is
/// the IEEE operation of the scalar path in each lane (`mulpd` is two `mulsd`, `sqrtpd` two
/// `sqrtsd`), so a pair gives the bits of two single events. The exponent tricks stay in the
/// vector unit: for an integer 0 ≤ k < 2⁵², the double 2⁵² + k holds k in its low mantissa bits.
struct LanePair: Lanes {
    var value: SIMD2<Double>

    @inline(__always) init(_ value: SIMD2<Double>) { self.value = value }
    @inline(__always) init(_ first: Double, _ second: Double) { value = SIMD2(first, second) }
    @inline(__always) init(broadcast value: Double) { self.value = SIMD2(repeating: value) }
    @inline(__always) subscript(lane lane: Int) -> Double { value[lane] }

    @inline(__always) static func + (a: LanePair, b: LanePair) -> LanePair { LanePair(_mm_add_pd(a.value, b.value)) }
    @inline(__always) static func - (a: LanePair, b: LanePair) -> LanePair { LanePair(_mm_sub_pd(a.value, b.value)) }
    @inline(__always) static func * (a: LanePair, b: LanePair) -> LanePair { LanePair(_mm_mul_pd(a.value, b.value)) }
    @inline(__always) static func / (a: LanePair, b: LanePair) -> LanePair { LanePair(_mm_div_pd(a.value, b.value)) }
    @inline(__always) static func + (a: Double, b: LanePair) -> LanePair { LanePair(broadcast: a) + b }
    @inline(__always) static func - (a: Double, b: LanePair) -> LanePair { LanePair(broadcast: a) - b }
    @inline(__always) static func * (a: Double, b: LanePair) -> LanePair { LanePair(broadcast: a) * b }
    @inline(__always) static func / (a: Double, b: LanePair) -> LanePair { LanePair(broadcast: a) / b }
    @inline(__always) static func + (a: LanePair, b: Double) -> LanePair { a + LanePair(broadcast: b) }
    @inline(__always) static func - (a: LanePair, b: Double) -> LanePair { a - LanePair(broadcast: b) }
    @inline(__always) static func * (a: LanePair, b: Double) -> LanePair { a * LanePair(broadcast: b) }
    /// The sign bit flipped, as scalar negation does.
    @inline(__always) static prefix func - (a: LanePair) -> LanePair { LanePair(_mm_xor_pd(a.value, SIMD2(repeating: -0.0))) }
    @inline(__always) func squareRoot() -> LanePair { LanePair(_mm_sqrt_pd(value)) }

    @inline(__always) static func .< (a: LanePair, b: LanePair) -> Mask { Mask(_mm_cmplt_pd(a.value, b.value)) }
    @inline(__always) static func .> (a: LanePair, b: LanePair) -> Mask { Mask(_mm_cmpgt_pd(a.value, b.value)) }
    @inline(__always) static func .>= (a: LanePair, b: LanePair) -> Mask { Mask(_mm_cmpge_pd(a.value, b.value)) }
    @inline(__always) static func .== (a: LanePair, b: LanePair) -> Mask { Mask(_mm_cmpeq_pd(a.value, b.value)) }

    @inline(__always) static func select(_ condition: Mask, _ ifTrue: LanePair, _ ifFalse: LanePair) -> LanePair {
        LanePair(_mm_or_pd(_mm_and_pd(condition.bits, ifTrue.value), _mm_andnot_pd(condition.bits, ifFalse.value)))
    }
    @inline(__always) static func indicator(_ condition: Mask) -> LanePair {
        LanePair(_mm_and_pd(condition.bits, SIMD2(repeating: 1)))
    }
    @inline(__always) func exponential() -> LanePair {
        LanePair(Foundation.exp(value[0]), Foundation.exp(value[1]))
    }
    @inline(__always) var magnitude: LanePair { LanePair(_mm_andnot_pd(SIMD2(repeating: -0.0), value)) }

    /// 2⁵², the shift that moves a small integer into the low mantissa bits.
    @inline(__always) static var integerShift: Double { 0x1p52 }

    /// The biased exponent e moved into 2⁵² + e, minus 2⁵² + 1023: e − 1023, exact.
    @inline(__always) var binaryExponent: LanePair {
        let biased = _mm_srli_epi64(_mm_castpd_si128(value), 52)
        let shifted = _mm_or_si128(biased, _mm_castpd_si128(SIMD2(repeating: Self.integerShift)))
        return LanePair(_mm_castsi128_pd(shifted)) - (Self.integerShift + 1023)
    }

    /// n + 1023, read from the low bits of 2⁵² + (n + 1023), shifted into the exponent field.
    @inline(__always) var exactPowerOfTwo: LanePair {
        let biased = _mm_castpd_si128((self + (Self.integerShift + 1023)).value)
        let field = _mm_and_si128(biased, _mm_castpd_si128(SIMD2(repeating: Double(bitPattern: 0x7ff))))
        return LanePair(_mm_castsi128_pd(_mm_slli_epi64(field, 52)))
    }

    /// Rounded to the nearest integer by 2⁵² (exact below 2⁵¹), then one less where that rounded up.
    @inline(__always) var integerPart: LanePair {
        let nearest = (self + Self.integerShift) - Self.integerShift
        return nearest - Self.indicator(nearest .> self)
    }

    /// A lane-wise comparison result: all bits set in the lanes where it holds.
    struct Mask: LaneCondition {
        var bits: SIMD2<Double>

        @inline(__always) init(_ bits: SIMD2<Double>) { self.bits = bits }
        /// Whether the condition holds in `lane` (0 or 1).
        @inline(__always) subscript(lane lane: Int) -> Bool { (_mm_movemask_pd(bits) >> lane) & 1 == 1 }

        @inline(__always) static func .& (a: Mask, b: Mask) -> Mask { Mask(_mm_and_pd(a.bits, b.bits)) }
        @inline(__always) static func .| (a: Mask, b: Mask) -> Mask { Mask(_mm_or_pd(a.bits, b.bits)) }
        @inline(__always) static prefix func .! (a: Mask) -> Mask {
            Mask(_mm_xor_pd(a.bits, SIMD2(repeating: Double(bitPattern: ~0))))
        }
    }
}
