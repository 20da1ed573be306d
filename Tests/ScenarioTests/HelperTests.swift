import XCTest
@testable import Scenario

/// The small pieces: edit distance, path resolution, number text.
final class HelperTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(DidYouMean.editDistance("prescal", "prescale"), 1)
        XCTAssertEqual(DidYouMean.editDistance("resoltuion", "resolution"), 1)  // a transposition is one edit
        XCTAssertEqual(DidYouMean.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(DidYouMean.editDistance("", "abc"), 3)
        XCTAssertEqual(DidYouMean.editDistance("same", "same"), 0)
    }

    func testSuggestionsOnlyForPlausibleTypos() {
        XCTAssertEqual(DidYouMean.suggestion(for: "Prescale", among: ["name", "prescale"]), "prescale")
        XCTAssertNil(DidYouMean.suggestion(for: "colour", among: ["title", "channel", "masses"]))
    }

    func testPathResolution() {
        XCTAssertEqual(FilePaths.directory(of: "scenarios/na62.yaml"), "scenarios")
        XCTAssertEqual(FilePaths.directory(of: "na62.yaml"), ".")
        XCTAssertEqual(FilePaths.directory(of: "/na62.yaml"), "/")
        XCTAssertEqual(FilePaths.resolve("tables/b.csv", against: "/work/scenarios"), "/work/scenarios/tables/b.csv")
        XCTAssertEqual(FilePaths.resolve("../b.csv", against: "/work/scenarios/"), "/work/b.csv")
        XCTAssertEqual(FilePaths.resolve("./b.csv", against: "."), "b.csv")
        XCTAssertEqual(FilePaths.resolve("/abs/b.csv", against: "/work"), "/abs/b.csv")
        XCTAssertEqual(FilePaths.resolve("../../../b.csv", against: "/a"), "/b.csv")
    }

    func testNumberText() {
        XCTAssertEqual(NumberText.scientific(1.4e11), "1.40e+11")
        XCTAssertEqual(NumberText.scientific(3e10), "3.00e+10")
        XCTAssertEqual(NumberText.plain(0.1), "0.1")
        XCTAssertEqual(NumberText.plain(150), "150")
        XCTAssertEqual(NumberText.plain(358.18920105), "358.189")
    }

    /// Messages stay on one line whatever the user wrote.
    func testMessagesEscapeControlCharacters() {
        XCTAssertEqual("a\nb\tc\u{7}".quotedForMessage, "a\\nb\\tc\\u{7}")
        XCTAssertEqual(String(repeating: "x", count: 100).quotedForMessage.count, 60)
    }
}
