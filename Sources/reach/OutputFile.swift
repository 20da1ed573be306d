import Foundation

/// Writing results: to stdout, or to a file that appears whole or not at all (written to a
/// temporary file in the same folder, then renamed over the destination).
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes `data` to `path` atomically; the folder must exist and be writable.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "\(path): folder \(folder.path) does not exist; expected an existing, writable folder")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(description: "\(path): is a folder; expected a file path")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw Failure(description: "\(path): cannot write in \(folder.path); expected a writable folder")
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(description: "\(path): cannot be replaced (\(String(cString: strerror(errno))))")
        }
    }

    /// Writes `text` to `path`, or to stdout when `path` is nil or `-`.
    static func emit(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try write(Data(text.utf8), to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
