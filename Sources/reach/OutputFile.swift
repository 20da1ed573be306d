import Foundation

/// Writing results: to stdout, or to files that appear whole or not at all.
///
/// - A regular file (or a new one) is written to a temporary file in the same folder, then
///   renamed over the destination, so no reader ever sees a part of it.
/// - A symbolic link is followed: its target is replaced that way and the link stays.
/// - A FIFO, a character device (`/dev/stdout`, `/dev/null`) or another file that is not a
///   regular file is written through, never replaced.
/// - `-` is standard output.
///
/// Several files of one command (the formats of a figure, the figures of a multi-document
/// file) are first all written to temporary files, then all renamed: a failure before the
/// renames leaves every earlier file as it was.
enum OutputFile {
    /// Why an output cannot be written.
    enum Failure: Error, CustomStringConvertible {
        case notAFolder(option: String, path: String, what: String)
        case ancestorIsAFile(option: String, path: String, ancestor: String, what: String)
        case cannotCreateFolder(path: String, reason: String)
        case namesAFolder(path: String)
        case isAFolder(path: String)
        case folderMissing(path: String, folder: String)
        case folderIsAFile(path: String, folder: String)
        case symbolicLinkLoop(path: String)
        case cannotWrite(path: String, folder: String)
        case cannotReplace(path: String, reason: String)
        case cannotOpen(path: String, reason: String)
        case writeFailed(path: String, reason: String)

        var description: String {
            switch self {
            case .notAFolder(let option, let path, let what): return "\(option) \(path): is a file, not a folder; expected a folder for \(what) (created if missing)"
            case .ancestorIsAFile(let option, let path, let ancestor, let what): return "\(option) \(path): \(ancestor) is a file, not a folder; expected a folder for \(what) (created if missing)"
            case .cannotCreateFolder(let path, let reason): return "\(path): the folder cannot be created (\(reason))"
            case .namesAFolder(let path): return "\(path): names a folder; expected a file path such as \(path)table.csv"
            case .isAFolder(let path): return "\(path): is a folder; expected a file path"
            case .folderMissing(let path, let folder): return "\(path): folder \(folder) does not exist; expected an existing, writable folder"
            case .folderIsAFile(let path, let folder): return "\(path): \(folder) is a file, not a folder; expected an existing, writable folder"
            case .symbolicLinkLoop(let path): return "\(path): a loop of symbolic links; expected a file path"
            case .cannotWrite(let path, let folder): return "\(path): cannot write in \(folder); expected a writable folder"
            case .cannotReplace(let path, let reason): return "\(path): cannot be replaced (\(reason))"
            case .cannotOpen(let path, let reason): return "\(path): cannot be opened for writing (\(reason))"
            case .writeFailed(let path, let reason): return "\(path): write failed (\(reason))"
            }
        }
    }

    /// One file to write: its bytes and the path the command was given.
    struct Item {
        var data: Data
        var path: String
    }

    /// Why `path` cannot receive an output file, checked before any work is done. Nil or `-`
    /// is stdout. `option` names the flag in messages.
    static func checkDestination(_ path: String?, option: String = "-o") throws {
        guard let path, path != "-" else { return }
        _ = try destination(path, option: option)
    }

    /// Why `path` cannot receive figures, checked before any work is done. A missing folder is
    /// fine (it is created, as `mkdir -p` would, when the files are written: `write(_:creatingFolders:)`);
    /// the path, or the nearest part of it that exists, must be a folder.
    static func checkFolder(_ path: String, option: String = "-o", what: String = "the figures") throws {
        guard !path.isEmpty else {
            throw UsageFailure("\(option) '': an empty path; expected a folder for \(what)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.notAFolder(option: option, path: path, what: what) }
            return
        }
        var ancestor = (path as NSString).deletingLastPathComponent
        while !ancestor.isEmpty, ancestor != "/", !FileManager.default.fileExists(atPath: ancestor) {
            ancestor = (ancestor as NSString).deletingLastPathComponent
        }
        if !ancestor.isEmpty, FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure.ancestorIsAFile(option: option, path: path, ancestor: ancestor, what: what)
        }
    }

    /// Creates each missing folder with its missing parents, then writes `items`; when the
    /// writing fails, the folders it created are removed again, so a failure leaves nothing.
    static func write(_ items: [Item], creatingFolders folders: [String]) throws {
        var created: [String] = []
        do {
            for folder in folders {
                var missing: [String] = []
                var current = folder
                while !current.isEmpty, current != "/", !FileManager.default.fileExists(atPath: current) {
                    missing.append(current)
                    current = (current as NSString).deletingLastPathComponent
                }
                guard !missing.isEmpty else { continue }
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw Failure.cannotCreateFolder(path: folder, reason: (error as NSError).localizedFailureReason ?? "\(error.localizedDescription)")
                }
                created += missing
            }
            try write(items)
        } catch {
            for folder in created { rmdir(folder) }
            throw error
        }
    }

    /// Refuses an output that is one of the command's inputs (the scenario, a table, a
    /// reference curve): replacing it would destroy what the result was computed from.
    static func checkDistinct(outputs: [String], from inputs: [String], option: String = "-o") throws {
        let inputIdentities = Dictionary(inputs.compactMap { path in FileIdentity(path).map { ($0, path) } }, uniquingKeysWith: { first, _ in first })
        for output in outputs where output != "-" {
            guard let identity = FileIdentity(output), let input = inputIdentities[identity] else { continue }
            throw UsageFailure("\(option) \(output): is the input file \(input); expected an output path that is not one of the command's inputs")
        }
    }

    /// Writes `text` to `path`, or to stdout when `path` is nil or `-`.
    static func emit(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try write([Item(data: Data(text.utf8), path: path)])
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// Writes every item: all temporary files first, then all renames; pass-through
    /// destinations (FIFOs, devices) are written last, once every regular file is in place.
    static func write(_ items: [Item]) throws {
        var staged: [(temporary: String, final: String)] = []
        var passThrough: [Item] = []
        do {
            for item in items {
                let target = try destination(item.path, option: "-o")
                switch target {
                case .passThrough:
                    passThrough.append(item)
                case .replace(let final, let folder):
                    let temporary = folder + "/.\((final as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(staged.count).tmp"
                    guard FileManager.default.createFile(atPath: temporary, contents: item.data) else {
                        throw Failure.cannotWrite(path: item.path, folder: folder)
                    }
                    staged.append((temporary, final))
                }
            }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
        crashIfInjected(at: "before-rename")
        for (index, file) in staged.enumerated() {
            guard rename(file.temporary, file.final) == 0 else {
                let reason = String(cString: strerror(errno))
                for later in staged[index...] { unlink(later.temporary) }
                throw Failure.cannotReplace(path: file.final, reason: reason)
            }
            if index == 0 { crashIfInjected(at: "after-first-rename") }
        }
        for item in passThrough { try writeThrough(item) }
    }

    /// `REACH_FAULT_INJECTION=before-rename` (every temporary file written, none renamed) or
    /// `after-first-rename` (the first destination replaced, the others not yet) makes the process
    /// crash there as a fatal error would (SIGABRT: one line on stderr, exit status 70, no
    /// clean-up), so that the tests can check what a crash between the writes and the renames
    /// leaves at the destinations.
    private static func crashIfInjected(at point: String) {
        guard ProcessInfo.processInfo.environment["REACH_FAULT_INJECTION"] == point else { return }
        abort()
    }

    /// How a destination receives its bytes.
    private enum Destination {
        /// Renamed over `final` (a regular file, new or existing, reached through any links).
        case replace(final: String, folder: String)
        /// Written through an open descriptor (FIFO, character device, socket …).
        case passThrough
    }

    /// The destination of `path`, or why it cannot be written.
    private static func destination(_ path: String, option: String) throws -> Destination {
        guard !path.isEmpty else {
            throw UsageFailure("\(option) '': an empty path; expected a file path, or - for standard output")
        }
        if path.hasSuffix("/") {
            throw Failure.namesAFolder(path: path)
        }
        let final = try followLinks(path)
        var info = stat()
        if stat(final, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw Failure.isAFolder(path: path)
            case S_IFREG: break
            default: return .passThrough
            }
        }
        let folder = (final as NSString).deletingLastPathComponent.isEmpty ? "." : (final as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw Failure.folderMissing(path: path, folder: folder)
        }
        guard isDirectory.boolValue else {
            throw Failure.folderIsAFile(path: path, folder: folder)
        }
        return .replace(final: final, folder: folder)
    }

    /// `path` with every symbolic link of its last component followed (a dangling link names
    /// the file to create); a loop is an error.
    private static func followLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw Failure.symbolicLinkLoop(path: path)
    }

    /// Writes to a FIFO or a device through a descriptor opened for writing only.
    private static func writeThrough(_ item: Item) throws {
        let descriptor = open(item.path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Failure.cannotOpen(path: item.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try item.data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure.writeFailed(path: item.path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }
}

/// A file's device and inode: two paths name the same file exactly when these agree (links,
/// `./`, `..` and hard links included).
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
