import RealModule
import XCTest

/// Fails unless `actual` and `expected` agree to within `relative` of the larger magnitude or
/// `absolute`, whichever is looser (swift-numerics' `isApproximatelyEqual`). Symmetric in the two
/// numbers and defined at zero, where a ratio to the expected value is not; NaN equals nothing.
public func assertApproximatelyEqual(
    _ actual: Double, _ expected: Double, relative: Double = Double.ulpOfOne.squareRoot(), absolute: Double = 0,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    guard !actual.isApproximatelyEqual(to: expected, absoluteTolerance: absolute, relativeTolerance: relative) else { return }
    let scale = max(actual.magnitude, expected.magnitude)
    XCTFail("\(actual) vs \(expected): |difference| \((actual - expected).magnitude) > max(\(absolute), \(relative) × \(scale)) \(message())",
            file: file, line: line)
}
