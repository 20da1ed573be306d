import Foundation

/// Numbers as messages and summaries print them; fixed formats so output is byte-identical
/// from run to run.
enum NumberText {
    /// Up to six significant digits, no trailing zeros: 0.1, 150, 358.189.
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.6g", value)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Three significant digits in e-notation: 1.40e+11.
    static func scientific(_ value: Double) -> String { String(format: "%.2e", value) }
}
