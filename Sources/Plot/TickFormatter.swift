import Foundation

/// Tick labels as physicists write them, in Pango markup: a real minus sign (U+2212),
/// no trailing zeros ("0.5", not "0.50"), and powers of ten with a real superscript
/// ("10<sup>−6</sup>", "2×10<sup>−3</sup>").
public enum TickFormatter {
    /// U+2212 MINUS SIGN: the hyphen-minus of ASCII is too short next to digits.
    public static let minus = "\u{2212}"
    /// U+00D7 MULTIPLICATION SIGN.
    public static let times = "\u{00D7}"

    /// A label for `value` on a linear axis whose majors are `step` apart: as many decimals
    /// as the step needs, trailing zeros removed. Very large or very small numbers (|v| ≥ 10⁶,
    /// or a step below 10⁻⁴) are written as m×10ⁿ.
    public static func linear(_ value: Double, step: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == 0 { return "0" }
        let stepExponent = Int(log10(abs(step)).rounded(.down))
        if abs(value) >= 1e6 || stepExponent < -4 {
            let e = Int(log10(abs(value)).rounded(.down))
            let decimals = max(0, e - stepExponent)
            return scientific(value / pow(10, Double(e)), decimals: decimals, exponent: e)
        }
        let decimals = max(0, -stepExponent)
        return signed(trimmed(String(format: "%.\(decimals)f", value)))
    }

    /// A label for `value` on a log axis: 10ⁿ for decades, m×10ⁿ otherwise.
    /// - Parameter decimalExponents: decades whose exponent lies in this range are written
    ///   as plain numbers instead ("0.1", "1", "10"), as some prefer for a mass axis in GeV.
    public static func log(_ value: Double, decimalExponents: ClosedRange<Int>? = nil) -> String {
        guard value.isFinite, value > 0 else { return String(value) }
        var e = Int(log10(value).rounded(.down))
        var mantissa = value / pow(10, Double(e))
        if mantissa >= 9.9999999 { mantissa /= 10; e += 1 }   // 1000 read as 9.99…×10²
        if let range = decimalExponents, range.contains(e) {
            let decimals = max(0, -e + significantDecimals(mantissa))
            return signed(trimmed(String(format: "%.\(decimals)f", value)))
        }
        if abs(mantissa - 1) < 1e-9 { return "10<sup>\(signed(String(e)))</sup>" }
        return scientific(mantissa, decimals: significantDecimals(mantissa), exponent: e)
    }

    /// The mantissa m ∈ [1, 10) of a positive value m × 10ⁿ.
    static func mantissa(of value: Double) -> Double {
        var m = value / pow(10, log10(value).rounded(.down))
        if m >= 9.9999999 { m /= 10 }
        return m
    }

    /// "m×10<sup>e</sup>" with `decimals` decimals in the mantissa (trailing zeros trimmed).
    static func scientific(_ mantissa: Double, decimals: Int, exponent: Int) -> String {
        let m = signed(trimmed(String(format: "%.\(decimals)f", mantissa)))
        return "\(m)\(times)10<sup>\(signed(String(exponent)))</sup>"
    }

    /// Decimals needed to show a mantissa such as 2, 2.5 or 3.125 (at most 3).
    static func significantDecimals(_ mantissa: Double) -> Int {
        for d in 0...3 {
            let scaled = mantissa * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * scaled { return d }
        }
        return 3
    }

    /// Removes trailing zeros after a decimal point, and the point itself if nothing is left.
    static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = Substring(s)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return String(t)
    }

    /// Replaces an ASCII minus with U+2212; "-0" becomes "0".
    static func signed(_ s: String) -> String {
        guard s.hasPrefix("-") else { return s }
        let body = s.dropFirst()
        if body.allSatisfy({ $0 == "0" || $0 == "." }) { return String(body) }
        return minus + body
    }
}
