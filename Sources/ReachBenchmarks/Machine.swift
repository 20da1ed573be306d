import Foundation

/// What the numbers were measured on: the date, the core count and the CPU model, and the
/// process's peak resident memory.
enum Machine {
    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// "model name" of the first processor in /proc/cpuinfo (Linux), else "unknown CPU".
    static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }

    /// Today's date and time in UTC, ISO 8601.
    static var date: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// Peak resident set size so far [bytes]: VmHWM from /proc/self/status, nil where absent.
    static var peakResidentBytes: Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 3, let value = Double(fields[1]), fields[2] == "kB" { return value * 1024 }
        }
        return nil
    }
}
