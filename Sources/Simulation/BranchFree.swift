/// Selection without branches, for conditions on random numbers: a branch on them is
/// mispredicted half the time, and each misprediction throws away the work the CPU was doing
/// on the next events (LLVM turns `c ? a : b` on doubles into such a branch).
@usableFromInline
enum BranchFree {
    /// 1 when `condition` holds, else 0 (a flag moved into a register, no jump).
    @inlinable @inline(__always)
    static func indicator(_ condition: Bool) -> Double {
        Double(UInt8(truncatingIfNeeded: condition ? 1 : 0))
    }

    /// `ifTrue` when `indicator` is 1, `ifFalse` when it is 0; exact for finite operands.
    @inlinable @inline(__always)
    static func blend(_ indicator: Double, _ ifTrue: Double, _ ifFalse: Double) -> Double {
        indicator * ifTrue + (1 - indicator) * ifFalse
    }
}
