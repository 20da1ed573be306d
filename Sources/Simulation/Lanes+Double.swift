import Foundation

/// One event: the scalar path, with the arithmetic operations of the generators' scalar code.
extension Double: Lanes {
    @inline(__always) init(broadcast value: Double) { self = value }

    @inline(__always) static func .< (a: Double, b: Double) -> Bool { a < b }
    @inline(__always) static func .> (a: Double, b: Double) -> Bool { a > b }
    @inline(__always) static func .>= (a: Double, b: Double) -> Bool { a >= b }
    @inline(__always) static func .== (a: Double, b: Double) -> Bool { a == b }

    @inline(__always) static func select(_ condition: Bool, _ ifTrue: Double, _ ifFalse: Double) -> Double {
        condition ? ifTrue : ifFalse
    }
    @inline(__always) static func indicator(_ condition: Bool) -> Double { BranchFree.indicator(condition) }
    /// Swift's own, which compile to `minsd` and `maxsd` (a select on doubles may become a branch).
    @inline(__always) static func minimum(_ x: Double, _ y: Double) -> Double { Swift.min(x, y) }
    @inline(__always) static func maximum(_ x: Double, _ y: Double) -> Double { Swift.max(x, y) }
    @inline(__always) func exponential() -> Double { Foundation.exp(self) }
    // The exponent tricks as `LanePair` does them (same integers, so the same bits), in the
    // floating-point unit: no round trip through an integer register and its overflow check.
    @inline(__always) var binaryExponent: Double {
        Double(bitPattern: ((bitPattern >> 52) & 0x7ff) | Double.integerShift.bitPattern) - (Double.integerShift + 1023)
    }
    @inline(__always) var exactPowerOfTwo: Double {
        Double(bitPattern: ((self + (Double.integerShift + 1023)).bitPattern & 0x7ff) << 52)
    }
    @inline(__always) var integerPart: Double {
        let nearest = (self + Double.integerShift) - Double.integerShift
        return nearest - Double.indicator(nearest > self)
    }

    /// 2⁵², the shift that moves a small integer into the low mantissa bits.
    @inline(__always) static var integerShift: Double { 0x1p52 }
}

extension Bool: LaneCondition {
    @inline(__always) static func .& (a: Bool, b: Bool) -> Bool { a && b }
    @inline(__always) static func .| (a: Bool, b: Bool) -> Bool { a || b }
    @inline(__always) static prefix func .! (a: Bool) -> Bool { !a }
}
