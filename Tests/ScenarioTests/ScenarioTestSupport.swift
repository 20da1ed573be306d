import XCTest
import Physics
@testable import Scenario

/// A small valid scenario in block style; tests replace lines of it to make one thing wrong.
let minimalScenario = """
title: Minimal
channel: K+ -> pi0 e+ N
masses: { from: 100 MeV, to: 300 MeV, step: 1 MeV }
base:
  exposure:
    streams:
      - { name: Run 1, kaon_decays: 4.5e12, prescale: 150 }
  detector:
    resolution: 1.7e-3 GeV^2
    veto: { hermetic_angle: 50 mrad, inefficiency: 1e-3 }
    signal_acceptance: 0.1

"""

/// Decodes `yaml` as if read from `t.yaml` in `/scenarios`.
func decode(_ yaml: String, fileExists: @escaping (String) -> Bool = { _ in true }) -> Result<ScenarioFile, ScenarioErrors> {
    ScenarioDecoder.decode(text: yaml, path: "t.yaml", baseDirectory: "/scenarios",
                           files: NamedFiles { path, _ in fileExists(path) ? nil : NamedFiles.Problem("not found") })
}

/// The error lines for `yaml`, or a test failure if it decodes.
func errorLines(_ yaml: String, fileExists: @escaping (String) -> Bool = { _ in true }, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    switch decode(yaml, fileExists: fileExists) {
    case .success:
        XCTFail("decoded without errors", file: file, line: line)
        return []
    case .failure(let errors):
        return errors.lines
    }
}

/// The decoded file, or a test failure listing the errors.
func decoded(_ yaml: String, fileExists: @escaping (String) -> Bool = { _ in true }, file: StaticString = #filePath, line: UInt = #line) -> ScenarioFile? {
    switch decode(yaml, fileExists: fileExists) {
    case .success(let scenarioFile):
        return scenarioFile
    case .failure(let errors):
        XCTFail("unexpected errors:\n\(errors)", file: file, line: line)
        return nil
    }
}

/// `yaml` with the line holding `old` replaced by `new` (which may span several lines or be empty).
func replacingLine(containing old: String, with new: String, in yaml: String = minimalScenario) -> String {
    yaml.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.contains(old) ? new : String($0) }
        .joined(separator: "\n")
}

/// "LINE:COL" of the `occurrence`-th `needle` in `text`, counted independently of the decoder:
/// 1-based, columns in Unicode scalars (as libyaml counts them).
func location(of needle: String, in text: String, occurrence: Int = 1) -> String {
    var seen = 0
    for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var searchStart = lineText.startIndex
        while let range = lineText[searchStart...].range(of: needle) {
            seen += 1
            if seen == occurrence {
                let column = lineText[..<range.lowerBound].unicodeScalars.count + 1
                return "\(index + 1):\(column)"
            }
            searchStart = range.upperBound
        }
    }
    return "not found"
}
