import Foundation

/// One event: the scalar path, with the operations the generators used before they had lanes.
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
    @inline(__always) func exponential() -> Double { Foundation.exp(self) }
    @inline(__always) var binaryExponent: Double { Double(OctaveDensity<Double>.floorLog2(self)) }
    @inline(__always) var exactPowerOfTwo: Double { OctaveDensity<Double>.power(Int(self)) }
    @inline(__always) var integerPart: Double { Double(Int(self)) }
}

extension Bool: LaneCondition {
    @inline(__always) static func .& (a: Bool, b: Bool) -> Bool { a && b }
    @inline(__always) static func .| (a: Bool, b: Bool) -> Bool { a || b }
    @inline(__always) static prefix func .! (a: Bool) -> Bool { !a }
}
