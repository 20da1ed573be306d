import Foundation

/// Writing results: to stdout, or to a file that appears whole or not at all (written to a
/// temporary file in the same folder, then renamed over the destination).
enum OutputFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Why `path` cannot receive an output file, checked before any work is done: the folder
    /// must exist (as a folder) and `path` must not name a folder. Nil or `-` is stdout.
    static func checkDestination(_ path: String?) throws {
        guard let path, path != "-" else { return }
        _ = try destination(path)
    }

    /// The file and its folder, or why they cannot be written.
    private static func destination(_ path: String) throws -> (file: URL, folder: URL) {
        if path.hasSuffix("/") {
            throw Failure(description: "\(path): names a folder; expected a file path such as \(path)table.csv")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw Failure(description: "\(path): folder \(folder.path) does not exist; expected an existing, writable folder")
        }
        guard isDirectory.boolValue else {
            throw Failure(description: "\(path): \(folder.path) is a file, not a folder; expected an existing, writable folder")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(description: "\(path): is a folder; expected a file path")
        }
        return (url, folder)
    }

    /// Writes `data` to `path` atomically; the folder must exist and be writable.
    static func write(_ data: Data, to path: String) throws {
        let (url, folder) = try destination(path)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
            throw Failure(description: "\(path): cannot write in \(folder.path); expected a writable folder")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(description: "\(path): cannot be replaced (\(reason))")
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
