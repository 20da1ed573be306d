import XCTest
@testable import Scenario

/// Text drawn on figures or used in names is one line without control characters; the message
/// names the character by its code point. YAML's double-quoted escapes (`\0`, `\t`, `\x07`) are
/// how such characters get into a scenario.
final class ControlCharacterTests: XCTestCase {
    private func onlyError(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let lines = errorLines(yaml, file: file, line: line)
        XCTAssertEqual(lines.count, 1, "\(lines)", file: file, line: line)
        return lines.first ?? ""
    }

    func testTitleWithNUL() {
        let yaml = replacingLine(containing: "title:", with: #"title: "NA62\0 reach""#)
        XCTAssertEqual(onlyError(yaml), #"t.yaml:1:8: title: 'NA62\u{0} reach' contains the control character U+0000 (NUL); expected a title for the figure, on one line without control characters"#)
    }

    func testVariantLabelWithTab() {
        let yaml = minimalScenario + "variants:\n  - { label: \"Run\\t1\" }\n"
        XCTAssertEqual(onlyError(yaml), "t.yaml:\(location(of: "\"Run", in: yaml)): " + #"variants[0].label: 'Run\t1' contains the control character U+0009 (tab); expected a unique label for the variant, like 'Run 1 data', on one line without control characters"#)
    }

    func testReferenceAndFigureLabelsAndDocumentName() {
        let reference = minimalScenario + "figure: { references: [ {file: c.csv, label: \"My\\x07limit\"} ], label: \"NA62\\nprojection\" }\n"
        XCTAssertEqual(errorLines(reference), [
            "t.yaml:\(location(of: "\"My", in: reference)): " + #"figure.references[0].label: 'My\u{7}limit' contains the control character U+0007; expected the curve's legend text, on one line without control characters"#,
            "t.yaml:\(location(of: "\"NA62", in: reference)): " + #"figure.label: 'NA62\nprojection' contains the control character U+000A (line feed); expected an experiment label like 'NA62 projection', on one line without control characters"#,
        ])
        let name = "name: \"k\\u0085n\"\n" + minimalScenario
        XCTAssertEqual(onlyError(name), #"t.yaml:1:7: name: 'k\u{85}n' contains the control character U+0085; expected a short name of lower-case letters, digits and '-' (at most 40 characters), like 'kpi0en' or 'hike-ken', on one line without control characters"#)
    }

    /// A raw control character (not an escape) stops libyaml's reader; the message still names it.
    func testRawControlCharacterIsNamed() {
        let bell = replacingLine(containing: "title:", with: "title: NA62\u{07} reach")
        XCTAssertEqual(onlyError(bell), "t.yaml:1:12: unreadable text: the control character U+0007 is not allowed; expected UTF-8 text without control characters")
        let escape = replacingLine(containing: "title:", with: "title: NA62 reach\u{1B}")
        XCTAssertEqual(onlyError(escape), "t.yaml:1:18: unreadable text: the control character U+001B is not allowed; expected UTF-8 text without control characters")
    }
}
