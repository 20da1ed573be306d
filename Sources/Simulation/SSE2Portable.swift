#if !arch(x86_64)
/// The SSE2 intrinsics `LanePair` uses, spelled out lane by lane for other architectures: the
/// same IEEE operations, so the same bits, only without the two-lane instructions.
@inline(__always) func _mm_add_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a + b }
@inline(__always) func _mm_sub_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a - b }
@inline(__always) func _mm_mul_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a * b }
@inline(__always) func _mm_div_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { a / b }
@inline(__always) func _mm_sqrt_pd(_ a: SIMD2<Double>) -> SIMD2<Double> { a.squareRoot() }

@inline(__always) private func bits(_ a: SIMD2<Double>) -> SIMD2<UInt64> { unsafeBitCast(a, to: SIMD2<UInt64>.self) }
@inline(__always) private func double(_ a: SIMD2<UInt64>) -> SIMD2<Double> { unsafeBitCast(a, to: SIMD2<Double>.self) }
@inline(__always) private func mask(_ m: SIMDMask<SIMD2<Int64>>) -> SIMD2<Double> {
    double(SIMD2<UInt64>(repeating: 0).replacing(with: ~0, where: m))
}

@inline(__always) func _mm_cmplt_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { mask(a .< b) }
@inline(__always) func _mm_cmpgt_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { mask(a .> b) }
@inline(__always) func _mm_cmpge_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { mask(a .>= b) }
@inline(__always) func _mm_cmpeq_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { mask(a .== b) }
@inline(__always) func _mm_and_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { double(bits(a) & bits(b)) }
@inline(__always) func _mm_andnot_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { double(~bits(a) & bits(b)) }
@inline(__always) func _mm_or_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { double(bits(a) | bits(b)) }
@inline(__always) func _mm_xor_pd(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> SIMD2<Double> { double(bits(a) ^ bits(b)) }
@inline(__always) func _mm_movemask_pd(_ a: SIMD2<Double>) -> Int32 {
    Int32(truncatingIfNeeded: (bits(a)[0] >> 63) | ((bits(a)[1] >> 63) << 1))
}

@inline(__always) func _mm_castpd_si128(_ a: SIMD2<Double>) -> SIMD2<UInt64> { bits(a) }
@inline(__always) func _mm_castsi128_pd(_ a: SIMD2<UInt64>) -> SIMD2<Double> { double(a) }
@inline(__always) func _mm_srli_epi64(_ a: SIMD2<UInt64>, _ count: Int32) -> SIMD2<UInt64> { a &>> UInt64(count) }
@inline(__always) func _mm_slli_epi64(_ a: SIMD2<UInt64>, _ count: Int32) -> SIMD2<UInt64> { a &<< UInt64(count) }
@inline(__always) func _mm_and_si128(_ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>) -> SIMD2<UInt64> { a & b }
@inline(__always) func _mm_or_si128(_ a: SIMD2<UInt64>, _ b: SIMD2<UInt64>) -> SIMD2<UInt64> { a | b }
#endif
