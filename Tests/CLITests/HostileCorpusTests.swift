import Foundation
import XCTest

/// Runs every case of `HostileCorpus.cases` against the built executable, each command line in
/// a fresh folder, and holds it to the tool's promises: the expected exit status (never a
/// signal, never 70, never a hang), the exact first error line, nothing written by a refused
/// command, and no non-finite number in what an accepted one wrote.
final class HostileCorpusTests: XCTestCase {
    /// The corpus files (beside this file, found through #filePath like the package root).
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// A fresh folder with the corpus files and the fixtures git cannot hold; its path with
    /// every link resolved, as the tool prints it. The caller removes it.
    private func freshFolder() throws -> URL {
        let manager = FileManager.default
        let created = manager.temporaryDirectory.appendingPathComponent("reach-corpus-\(UUID().uuidString)")
        try manager.createDirectory(at: created, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: created.resolvingSymlinksInPath().path)
        for name in try manager.contentsOfDirectory(atPath: Self.corpus.path) {
            try manager.copyItem(at: Self.corpus.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(mkfifo(folder.appendingPathComponent(HostileCorpus.fifo).path, 0o644), 0)
        try manager.createDirectory(at: folder.appendingPathComponent(HostileCorpus.folderTable), withIntermediateDirectories: false)
        try manager.createDirectory(at: folder.appendingPathComponent(HostileCorpus.figures), withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent(HostileCorpus.loop.0).path, withDestinationPath: HostileCorpus.loop.1)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent(HostileCorpus.loop.1).path, withDestinationPath: HostileCorpus.loop.0)
        return folder
    }

    func testEveryCaseGivesItsAnswer() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent("small.yaml").path), "corpus at \(Self.corpus.path)")
        for corpusCase in HostileCorpus.cases {
            for arguments in corpusCase.commandLines {
                try check(corpusCase, arguments)
            }
        }
    }

    private func check(_ corpusCase: CorpusCase, _ arguments: [String]) throws {
        let folder = try freshFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FolderSnapshot(folder)
        let what = "\(corpusCase.name): reach \(arguments.map { $0.isEmpty ? "''" : $0 }.joined(separator: " "))"
        let run: ReachExecutable.Run
        do {
            run = try ReachExecutable.run(arguments, in: folder, timeout: 60)
        } catch is ReachExecutable.Hang {
            return  // already reported as a failure
        }
        XCTAssertEqual(run.terminationReason, .exit, "\(what): ended by signal \(run.status)\n\(run.stderr)")
        let after = try FolderSnapshot(folder)
        let firstLine = run.errorLines.first ?? ""
        switch corpusCase.answer {
        case .refused(let status, let expected, let then):
            XCTAssertEqual(run.status, status, "\(what)\n\(run.stderr)")
            let place = folder.path
            XCTAssertEqual(firstLine, expected.replacingOccurrences(of: "{folder}", with: place), what)
            if !then.isEmpty {
                XCTAssertEqual(Array(run.errorLines.dropFirst().prefix(then.count)), then.map { $0.replacingOccurrences(of: "{folder}", with: place) }, what)
            }
            XCTAssertEqual(run.stdout, "", "\(what): nothing on stdout when refused")
            assertUnchanged(after, before, what)
        case .refusedStartingWith(let status, let prefix):
            XCTAssertEqual(run.status, status, "\(what)\n\(run.stderr)")
            XCTAssertTrue(firstLine.hasPrefix(prefix), "\(what): first error line \(firstLine)")
            assertUnchanged(after, before, what)
        case .accepted(let writes, let shows):
            XCTAssertEqual(run.status, 0, "\(what)\n\(run.stderr)")
            XCTAssertEqual(run.errorLines, [], what)
            XCTAssertEqual(after.added(since: before), writes.sorted(), "\(what): files written")
            XCTAssertEqual(after.changed(since: before), [], "\(what): inputs left as they were")
            XCTAssertEqual(NonFiniteFields.inText(run.stdout), [], "\(what): stdout")
            for name in writes {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                XCTAssertEqual(NonFiniteFields.inCSV(text), [], "\(what): \(name)")
            }
            for shown in shows {
                let text = try shown.file.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) } ?? run.stdout
                XCTAssertTrue(text.split(separator: "\n").contains(Substring(shown.line)), "\(what): no line '\(shown.line)' in \(shown.file ?? "stdout"):\n\(text)")
            }
        case .acceptedJSON(let keyPath, let value, let tolerance):
            XCTAssertEqual(run.status, 0, "\(what)\n\(run.stderr)")
            XCTAssertEqual(NonFiniteFields.inJSON(run.stdout), [], what)
            var node: Any? = try JSONSerialization.jsonObject(with: run.stdoutData)
            for key in keyPath { node = (node as? [String: Any])?[key] }
            guard let number = (node as? NSNumber)?.doubleValue else {
                return XCTFail("\(what): no number at \(keyPath.joined(separator: ".")) in \(run.stdout)")
            }
            XCTAssertEqual(number / value, 1, accuracy: tolerance, "\(what): \(number)")
            XCTAssertEqual(after.added(since: before), [], what)
        }
    }

    private func assertUnchanged(_ after: FolderSnapshot, _ before: FolderSnapshot, _ what: String) {
        XCTAssertEqual(after.added(since: before), [], "\(what): a refused command wrote files")
        XCTAssertEqual(after.changed(since: before), [], "\(what): a refused command changed files")
    }
}
