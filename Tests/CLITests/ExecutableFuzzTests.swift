import Foundation
import XCTest
import TestSupport

/// Hundreds of mutated scenarios, tables and curves (seeded, so every run sees the same ones),
/// derived from the shipped scenarios and the corpus's small files, run through the built
/// executable: `validate` for every one, `project` and `plot` for a share, with stdout on a
/// pipe. Whatever the input, the tool ends by itself with 0, 1, 64 or 65, a refusal writes
/// nothing and starts with a well-formed error line, a success holds no non-finite number, and
/// `validate` refuses exactly what `project` and `plot` refuse.
final class ExecutableFuzzTests: XCTestCase {
    /// The number of mutated inputs; each case is reproducible alone from its index.
    private static let caseCount = 300
    private static let seed: UInt64 = 0x5EED_2021_0001

    /// A scenario and the files it names, by name.
    private struct Seed {
        var name: String
        var scenario: String
        var companions: [String: String] = [:]
    }

    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    private static func seeds() throws -> [Seed] {
        let folder = ReachExecutable.packageRoot.appendingPathComponent("scenarios")
        var seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
            Seed(name: $0, scenario: try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
        func corpusFile(_ name: String) throws -> String { try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) }
        seeds.append(Seed(name: "table.yaml", scenario: try corpusFile("table.yaml"), companions: ["flat.csv": try corpusFile("flat.csv")]))
        seeds.append(Seed(name: "curve.yaml", scenario: try corpusFile("curve.yaml"), companions: ["my-limit.csv": try corpusFile("my-limit.csv")]))
        seeds.append(Seed(name: "limit-table.yaml", scenario: try corpusFile("limit-table.yaml"),
                          companions: ["limit-table.csv": try corpusFile("limit-table.csv")]))
        return seeds
    }

    // MARK: - Mutations

    private static let extremeNumbers = ["0", "-1", "1e308", "-1e308", "1e-308", "4.9e-324", "1e309", "nan", "NaN", ".nan", "inf", "-inf",
                                         ".inf", "-.inf", "1e15", "-1e15", "18446744073709551616", "9223372036854775807",
                                         String(repeating: "9", count: 60), "-0", "0x1p-1074", "1e-15", "2", "0.5"]
    private static let units = ["MeV", "GeV", "keV", "GeV^2", "MeV^2", "keV^2", "GeV2", "mrad", "urad", "rad", "deg", "sigma", "%", "",
                                "MeV^3", "GeV^-2", "eV", "m", "σ"]
    private static let controls: [String] = ["\u{0}", "\u{1}", "\u{7}", "\t", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}", "\r", "\u{FEFF}", "\u{FFFD}"]
    private static let keyNames = ["title", "channel", "masses", "from", "to", "step", "base", "exposure", "streams", "kaon_decays",
                                   "effective_kaon_decays", "prescale", "trigger_efficiency", "detector", "resolution", "veto",
                                   "hermetic_angle", "inefficiency", "beyond", "signal_acceptance", "background_acceptance",
                                   "visible_decay_fraction", "background", "table", "normalisation", "analysis", "window", "statistic",
                                   "confidence", "background_uncertainty", "variants", "label", "figure", "references", "bands", "<<"]
    private static let number = try! NSRegularExpression(pattern: #"(?:^|(?<=[\s:,\[{]))[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"#, options: .anchorsMatchLines)
    private static let unit = try! NSRegularExpression(pattern: #"\b(?:[kMG]eV(?:\^2|2|²)?|mrad|urad|rad|deg|sigma)\b"#)
    private static let key = try! NSRegularExpression(pattern: #"[A-Za-z_]+(?=:)"#)
    private static let scalar = try! NSRegularExpression(pattern: #"(?<=: )[^{}\[\],\n]+?(?=\s*(?:,|\}|\]|\n|$))"#, options: .anchorsMatchLines)

    /// The text with one match of `pattern` (chosen by `rng`, outside `#` comments, where a
    /// change would go unread) replaced by `make(match)`.
    private static func replaceOne(_ pattern: NSRegularExpression, in text: String, rng: inout SplitMix64, _ make: (String, inout SplitMix64) -> String) -> String? {
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }.filter { range in
            let lineStart = text[..<range.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            return !text[lineStart..<range.lowerBound].contains("#")
        }
        guard !matches.isEmpty else { return nil }
        let range = matches[rng.below(matches.count)]
        return text.replacingCharacters(in: range, with: make(String(text[range]), &rng))
    }

    /// One mutation of a scenario or a table: its name (for the report) and the new text.
    private static func mutate(_ text: String, rng: inout SplitMix64) -> (String, String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = rng.below(lines.count)
        // Numbers weigh most: a changed number keeps the file well-formed YAML, so it reaches
        // the range checks and the computation instead of stopping at the parser.
        switch rng.below(14) {
        case 0, 1, 11, 12, 13:
            let value = rng.pick(extremeNumbers)
            if let mutated = replaceOne(number, in: text, rng: &rng, { _, _ in value }) { return ("a number → \(value)", mutated) }
            return ("no number to replace", text)
        case 2:
            lines.remove(at: i)
            return ("line \(i + 1) deleted", lines.joined(separator: "\n"))
        case 3:
            lines.insert(lines[i], at: i)
            return ("line \(i + 1) duplicated", lines.joined(separator: "\n"))
        case 4:
            let replacement = rng.pick(units)
            if let mutated = replaceOne(unit, in: text, rng: &rng, { _, _ in replacement }) { return ("a unit → '\(replacement)'", mutated) }
            lines = lines.map { $0.replacingOccurrences(of: "GeV2", with: "MeV2") }
            return ("GeV2 → MeV2", lines.joined(separator: "\n"))
        case 5:
            let cut = rng.below(text.count + 1)
            return ("truncated after \(cut) characters", String(text.prefix(cut)))
        case 6:
            let control = rng.pick(controls)
            let offset = rng.below(text.count + 1)
            let index = text.index(text.startIndex, offsetBy: offset)
            return ("U+\(String(control.unicodeScalars.first!.value, radix: 16)) inserted at character \(offset)", String(text[..<index]) + control + String(text[index...]))
        case 7:
            let mutated = replaceOne(key, in: text, rng: &rng) { name, rng in
                switch rng.below(4) {
                case 0: return String(name.dropLast())
                case 1: return name.uppercased()
                case 2: return name + "s"
                default: return rng.pick(keyNames)
                }
            }
            return ("a key renamed", mutated ?? text)
        case 8:
            let mutated = replaceOne(scalar, in: text, rng: &rng) { value, rng in
                rng.pick(["[\(value)]", "[\(value), \(value)]", "{ value: \(value) }", "[]", "{}", "~", "\"\"", "&a \(value)", "*undefined"])
            }
            return ("a scalar → a list or mapping", mutated ?? text)
        case 9:
            let j = rng.below(lines.count)
            lines.swapAt(i, j)
            return ("lines \(i + 1) and \(j + 1) swapped", lines.joined(separator: "\n"))
        default:
            let cells = lines[i].split(separator: ",", omittingEmptySubsequences: false)
            lines[i] = cells.reversed().joined(separator: ",")
            return ("line \(i + 1): comma-separated parts reversed", lines.joined(separator: "\n"))
        }
    }

    /// Case `index`: which seed, which file of it was mutated, how, and the files to write.
    private struct Mutant {
        var index: Int
        var seed: String
        var mutatedFile: String
        var mutations: [String]
        var files: [String: String]
        var scenario: String
    }

    private static func mutant(_ index: Int, seeds: [Seed]) -> Mutant {
        var rng = SplitMix64(state: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        let seed = rng.pick(seeds)
        var files = seed.companions
        files["mutant.yaml"] = seed.scenario
        let target = !seed.companions.isEmpty && rng.chance(35) ? seed.companions.keys.sorted()[rng.below(seed.companions.count)] : "mutant.yaml"
        var mutations: [String] = []
        for _ in 0..<rng.pick([1, 1, 1, 1, 1, 1, 2, 2, 2, 3]) {
            let (what, text) = mutate(files[target]!, rng: &rng)
            mutations.append(what)
            files[target] = text
        }
        return Mutant(index: index, seed: seed.name, mutatedFile: target, mutations: mutations, files: files, scenario: "mutant.yaml")
    }

    // MARK: - Runs and checks

    private static let quick = ["--statistics", "20000"]

    /// A first error line as the tool promises: at a place in the file, about the file, or `Error:`.
    private static func isWellFormed(_ line: String) -> Bool {
        if line.hasPrefix("Error: ") { return true }
        guard line.hasPrefix("mutant.yaml:"), line.contains("; expected ") else { return false }
        let parts = line.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count == 4, Int(parts[1]) != nil, Int(parts[2]) != nil, parts[3].hasPrefix(" ") { return true }
        return line.hasPrefix("mutant.yaml: ")
    }

    /// Text with control characters made visible, for a report that can be pasted back.
    private static func visible(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar == "\n" || (scalar.value >= 0x20 && scalar.value < 0x7F) || (scalar.value > 0xA0 && scalar.value != 0x2028 && scalar.value != 0xFEFF)
                ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
    }

    /// What one run did: its status, first error line, and the problems found with it.
    private struct Outcome {
        var status: Int32?
        var firstLine = ""
        var problems: [String] = []
    }

    private func outcome(of arguments: [String], in folder: URL, writes expected: (FolderSnapshot, FolderSnapshot) -> [String]) throws -> Outcome {
        let before = try FolderSnapshot(folder)
        let command = "reach " + arguments.joined(separator: " ")
        var outcome = Outcome()
        let result: ReachExecutable.Run
        do {
            result = try ReachExecutable.run(arguments, in: folder, stdoutOnPipe: true, timeout: 60)
        } catch is ReachExecutable.Hang {
            outcome.problems.append("\(command): did not end within 60 s")
            return outcome
        }
        let after = try FolderSnapshot(folder)
        outcome.status = result.status
        outcome.firstLine = result.errorLines.first ?? ""
        if result.terminationReason != .exit {
            outcome.problems.append("\(command): killed by signal \(result.status)")
        } else if ![0, 1, 64, 65].contains(result.status) {
            outcome.problems.append("\(command): exit status \(result.status)")
        }
        if result.status != 0 || result.terminationReason != .exit {
            if !Self.isWellFormed(outcome.firstLine) { outcome.problems.append("\(command): malformed first error line '\(Self.visible(outcome.firstLine))'") }
            if after != before {
                outcome.problems.append("\(command): exit \(result.status) left \(after.added(since: before)) and changed \(after.changed(since: before))")
            }
        } else {
            outcome.problems += expected(before, after).map { "\(command): \($0)" }
            if !after.changed(since: before).isEmpty { outcome.problems.append("\(command): changed \(after.changed(since: before))") }
            let nonFinite = NonFiniteFields.inText(result.stdout)
            if !nonFinite.isEmpty { outcome.problems.append("\(command): non-finite values on stdout: \(nonFinite)") }
        }
        if result.stderr.contains("Fatal error") || result.stderr.contains("Backtrac") {
            outcome.problems.append("\(command): a crash report on stderr")
        }
        return outcome
    }

    func testMutatedInputsKeepThePromises() throws {
        let seeds = try Self.seeds()
        XCTAssertEqual(seeds.count, 12, "the shipped scenarios and the corpus's table, curve and limit-table scenarios")
        var statuses: [Int32: Int] = [:]
        for index in 0..<Self.caseCount {
            let mutant = Self.mutant(index, seeds: seeds)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reach-fuzz-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in mutant.files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("figs"), withIntermediateDirectories: false)

            var problems: [String] = []
            let validate = try outcome(of: ["validate", mutant.scenario], in: folder) { _, _ in [] }
            problems += validate.problems
            statuses[validate.status ?? -1, default: 0] += 1
            if validate.status == 0 || index % 4 == 0 {
                let table = index % 8 == 0 ? "out.json" : "out.csv"
                let project = try outcome(of: ["project", mutant.scenario] + Self.quick + ["--format", table == "out.json" ? "json" : "csv", "-o", table, "--quiet"], in: folder) { before, after in
                    guard after.added(since: before) == [table], case .file(let data)? = after.entries[table] else {
                        return ["exit 0 but wrote \(after.added(since: before))"]
                    }
                    let text = String(decoding: data, as: UTF8.self)
                    let nonFinite = table.hasSuffix("json") ? NonFiniteFields.inJSON(text) : NonFiniteFields.inCSV(text)
                    return nonFinite.isEmpty ? [] : ["non-finite values in \(table): \(nonFinite.prefix(5))"]
                }
                let plot = try outcome(of: ["plot", mutant.scenario] + Self.quick + ["--format", "svg", "-o", "figs", "--quiet"], in: folder) { before, after in
                    let added = after.added(since: before)
                    return !added.isEmpty && added.allSatisfy({ $0.hasPrefix("figs/") && $0.hasSuffix(".svg") }) ? [] : ["exit 0 but wrote \(added)"]
                }
                problems += project.problems + plot.problems
                // One reader for every command: validate refuses exactly the files the others refuse.
                for (name, other) in [("project", project), ("plot", plot)] where other.status != nil && validate.status != nil {
                    if (validate.status == 65) != (other.status == 65) || (validate.status == 65 && validate.firstLine != other.firstLine) {
                        problems.append("validate exit \(validate.status!) '\(Self.visible(validate.firstLine))' but \(name) exit \(other.status!) '\(Self.visible(other.firstLine))'")
                    }
                }
            }
            if !problems.isEmpty {
                XCTFail("""
                    case \(index) (seed \(String(Self.seed, radix: 16)), from \(mutant.seed)), \(mutant.mutatedFile) mutated: \(mutant.mutations.joined(separator: "; "))
                    \(problems.joined(separator: "\n"))
                    --- \(mutant.mutatedFile):
                    \(Self.visible(mutant.files[mutant.mutatedFile]!))
                    ---
                    """)
            }
        }
        // Both outcomes occur: mutations the tool accepts and ones it refuses.
        XCTAssertGreaterThan(statuses[0, default: 0], Self.caseCount / 10, "\(statuses)")
        XCTAssertGreaterThan(statuses[65, default: 0], Self.caseCount / 3, "\(statuses)")
    }
}
