import Foundation

/// Random damage to a small CSV table with a header line, for fuzzing a table reader: lines
/// deleted, duplicated or swapped, the columns of a line swapped, odd bytes, characters and
/// numbers, a very long line, a unit changed, a whole odd text, or a truncation. What is odd for
/// one format (its numbers, texts and units) is given; the mutations are the same for every table.
public struct TableMutations: Sendable {
    /// Numbers at the edges of Double and of the format, written into one cell.
    public var oddNumbers: [String]
    /// Whole texts that replace the table.
    public var oddTexts: [String]
    /// Replacements (`from` → `to` on every line) that change a unit of the header.
    public var unitSwaps: [(from: String, to: String)]

    public init(oddNumbers: [String], oddTexts: [String], unitSwaps: [(from: String, to: String)]) {
        self.oddNumbers = oddNumbers
        self.oddTexts = oddTexts
        self.unitSwaps = unitSwaps
    }

    /// One random mutation of `text`.
    public func mutate<R: RandomNumberGenerator>(_ text: String, rng: inout R) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let i = Int.random(in: 0..<lines.count, using: &rng)
        switch Int.random(in: 0..<11, using: &rng) {
        case 0: lines.removeSubrange(i..<min(lines.count, i + Int.random(in: 1...3, using: &rng)))
        case 1: lines.insert(lines[i], at: i)
        case 2: // swap the columns of a line
            lines[i] = lines[i].split(separator: ",", omittingEmptySubsequences: false).reversed().joined(separator: ",")
        case 3: lines.swapAt(i, Int.random(in: 0..<lines.count, using: &rng))
        case 4: // random bytes, decoded leniently (invalid UTF-8 becomes U+FFFD)
            let bytes = (0..<Int.random(in: 1...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            lines[i] += String(decoding: bytes, as: UTF8.self)
        case 5: // random unicode scalars
            let scalars = (0..<Int.random(in: 1...6, using: &rng)).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &rng)) }
            lines.insert(String(String.UnicodeScalarView(scalars)), at: i)
        case 6: // an odd number in one cell
            var cells = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[Int.random(in: 0..<cells.count, using: &rng)] = oddNumbers.randomElement(using: &rng)!
            lines[i] = cells.joined(separator: ",")
        case 7: // a very long line
            lines[i] += String(repeating: Bool.random(using: &rng) ? "9" : ",1", count: Int.random(in: 500...5_000, using: &rng))
        case 8: return oddTexts.randomElement(using: &rng)!
        case 9: // change a unit
            let swap = unitSwaps.randomElement(using: &rng)!
            lines = lines.map { $0.replacingOccurrences(of: swap.from, with: swap.to) }
        default: // truncation
            let joined = lines.joined(separator: "\n")
            return String(joined.prefix(Int.random(in: 0...joined.count, using: &rng)))
        }
        return lines.joined(separator: "\n")
    }
}
