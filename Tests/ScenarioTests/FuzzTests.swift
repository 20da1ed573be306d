import XCTest
import TestSupport
@testable import Scenario

/// Thousands of mutated scenario files (seeded, so every run sees the same ones): the decoder
/// never crashes, and each file either decodes or gives well-formed error lines.
final class FuzzTests: XCTestCase {
    private let seedFile = """
        title: NA62 reach for K+ -> pi0 e+ N
        channel: K+ -> pi0 e+ N
        masses: { from: 100 MeV, to: 300 MeV, step: 1 MeV }
        base:
          exposure:
            streams:
              - { name: 1-track (Run 1), kaon_decays: 4.5e12, prescale: 150, trigger_efficiency: 1.0 }
          detector:
            resolution: 1.7e-3 GeV^2
            veto:
              hermetic_angle: 50 mrad
              inefficiency: [ { energy: 0.3 GeV, inefficiency: 3e-3 }, { energy: 10 GeV, inefficiency: 1e-4 } ]
              beyond: missed
            signal_acceptance:
              - { mass: 100 MeV, acceptance: 0.1 }
              - { mass: 300 MeV, acceptance: 0.05 }
            background_acceptance: 0.10
            visible_decay_fraction: 0
          background: { model: radiative }
          analysis: { window: 1.4 sigma, statistic: median-exclusion, confidence: 0.90, background_uncertainty: 0, background_prior: gaussian }
        variants:
          - { label: "Run 1 data" }
          - label: "2016-2024"
            exposure:
              streams:
                - { name: Run 1, kaon_decays: 4.5e12, prescale: 150 }
                - { name: 2021-2024, effective_kaon_decays: 6e10 }
                - { name: di-electron, effective_kaon_decays: 5e10 }
          - { label: table, background: { table: b.csv, normalisation: { kaon_decays: 3e10 } } }
        figure: { y: [1e-9, 1e-4], x: [100 MeV, 300 MeV], x_scale: linear, references: [pienu_2018, bbn, {file: my.csv, label: "Mine"}], statistics: [median-exclusion], bands: "2016-2024", ratio_to: "Run 1 data", label: "NA62 projection" }

        """

    private static let oddTexts = [
        "1e308", "1e400", "-1e400", String(repeating: "9", count: 400), "-0", "nan", ".inf", "-.inf", "0x1p-1074",
        "~", "null", "\"\"", "[]", "{}", "&a x", "*a", "!!binary aGk=", "|\n  block", "1.7e-3 GeV^2", "50 mrad", "100 MeV",
        "αβγ", "日本語", "😀", "\u{200B}", "\u{FEFF}", "K+ -> pi0 e+ N", "optimal", "yes", "- - -", "? x", "%TAG", "@x", "`x`",
    ]
    private static let oddCharacters: [Character] = [":", "{", "}", "[", "]", ",", "&", "*", "#", "?", "|", "-", "<", ">", "=",
                                                      "!", "%", "@", "`", "'", "\"", "\t", "\n", " ", "é", "π", "σ", "²", "×", "\u{2028}", "\u{7F}"]

    private func mutate(_ text: String, rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let kind = Int.random(in: 0..<10, using: &rng)
        let i = Int.random(in: 0..<lines.count, using: &rng)
        switch kind {
        case 0: // delete one or a few lines
            lines.removeSubrange(i..<min(lines.count, i + Int.random(in: 1...3, using: &rng)))
        case 1: // swap the values of two lines
            let j = Int.random(in: 0..<lines.count, using: &rng)
            if let a = lines[i].range(of: ": "), let b = lines[j].range(of: ": ") {
                let (va, vb) = (String(lines[i][a.upperBound...]), String(lines[j][b.upperBound...]))
                lines[i] = String(lines[i][..<a.upperBound]) + vb
                lines[j] = String(lines[j][..<b.upperBound]) + va
            }
        case 2: // random characters somewhere
            var chars = Array(lines[i])
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = Int.random(in: 0...chars.count, using: &rng)
                chars.insert(Self.oddCharacters.randomElement(using: &rng)!, at: position)
            }
            lines[i] = String(chars)
        case 3: // random unicode scalars
            let scalars = (0..<Int.random(in: 1...6, using: &rng)).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0x20...0x2FFFF, using: &rng)) }
            lines[i] += String(String.UnicodeScalarView(scalars))
        case 4: // an odd value in place of a value (huge numbers, specials, YAML syntax)
            if let r = lines[i].range(of: ": ") {
                lines[i] = String(lines[i][..<r.upperBound]) + Self.oddTexts.randomElement(using: &rng)!
            }
        case 5: // deep nesting as a value
            let depth = [5, 30, 200, 1200].randomElement(using: &rng)!
            let open = Bool.random(using: &rng) ? "[" : "{a: "
            let close = open == "[" ? "]" : "}"
            let nested = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            if let r = lines[i].range(of: ": ") { lines[i] = String(lines[i][..<r.upperBound]) + nested }
        case 6: // truncation
            let joined = lines.joined(separator: "\n")
            return String(joined.prefix(Int.random(in: 0...joined.count, using: &rng)))
        case 7: // duplicate a line
            lines.insert(lines[i], at: i)
        case 8: // re-indent a line
            lines[i] = String(repeating: " ", count: Int.random(in: 0...8, using: &rng)) + lines[i].drop { $0 == " " }
        default: // change a unit or a number
            let swaps = [("MeV", "GeV^2"), ("GeV^2", "MeV"), ("mrad", "MeV"), ("e12", "e400"), ("150", "0.5"), ("0.10", "-3"), ("1.4 sigma", "sigma")]
            let (from, to) = swaps.randomElement(using: &rng)!
            if let r = lines[i].range(of: from) { lines[i].replaceSubrange(r, with: to) }
        }
        return lines.joined(separator: "\n")
    }

    /// `file:LINE:COL: …; expected …` (position optional), on one line.
    private func isWellFormed(_ line: String, lineCount: Int) -> Bool {
        guard !line.contains("\n"), !line.contains("\r"), line.hasPrefix("t.yaml"), line.contains("; expected ") else { return false }
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count >= 3, let row = Int(parts[1]), let column = Int(parts[2]) {
            return row >= 1 && row <= lineCount + 1 && column >= 1
        }
        return line.hasPrefix("t.yaml: ")
    }

    func testMutatedFilesNeverCrashAndGiveWellFormedErrors() {
        var rng = SplitMix64(state: 20_210_001)
        var valid = 0, invalid = 0
        for iteration in 0..<3000 {
            var text = seedFile
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = mutate(text, rng: &rng) }
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            switch ScenarioDecoder.decode(text: text, path: "t.yaml") {
            case .success(let file):
                valid += 1
                XCTAssertFalse(file.variants.isEmpty)
                XCTAssertTrue(file.variants.allSatisfy { $0.exposure.effectiveKaonDecays > 0 && $0.exposure.effectiveKaonDecays.isFinite })
            case .failure(let errors):
                invalid += 1
                XCTAssertFalse(errors.errors.isEmpty, "iteration \(iteration)")
                for line in errors.lines where !isWellFormed(line, lineCount: lineCount) {
                    XCTFail("iteration \(iteration): malformed error line: \(line)")
                }
            }
        }
        // Both outcomes occur: mutations that keep the file valid (a duplicated comment-free line
        // elsewhere, a re-indent that YAML tolerates) and ones that break it.
        XCTAssertGreaterThan(valid, 0)
        XCTAssertGreaterThan(invalid, 1000)
    }

    /// An alias bomb ("billion laughs") expands past the node limit and is refused, quickly.
    func testAliasExpansionIsBounded() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let lines = errorLines(yaml)
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains("more than 200000 values (aliases expanded)"), lines[0])
    }
}
