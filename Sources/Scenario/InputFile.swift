import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file a user names as input (a scenario, a background table, a curve), refusing
/// what is not a regular file before opening it: a folder, a symbolic-link loop, a device, a
/// FIFO or a socket (opening a FIFO would wait for a writer), or a stream of the process itself
/// (`/dev/stdin`). The type is checked again on the open descriptor, so a file swapped in
/// between the check and the open is refused too.
public enum InputFile {
    /// Why a path gives no input text.
    public enum Problem: Error, Equatable, Sendable {
        case notFound
        case danglingLink
        case directory
        case linkLoop
        /// A device, FIFO, socket or process stream; the associated text says which.
        case notRegular(String)
        case unreadable(String)
        case larger(than: Int)
        case empty
        case binary
        case notUTF8

        /// The problem as a predicate of the file: "is a directory", "is not a regular file (a FIFO)".
        public var phrase: String {
            switch self {
            case .notFound: return "not found"
            case .danglingLink: return "is a symbolic link to a file that does not exist"
            case .directory: return "is a directory"
            case .linkLoop: return "is a symbolic link loop (links that lead back to themselves)"
            case .notRegular(let kind): return "is not a regular file (\(kind))"
            case .unreadable(let reason): return "cannot be read (\(reason))"
            case .larger(let limit): return "is larger than \(limit) bytes"
            case .empty: return "is empty"
            case .binary: return "contains NUL bytes (a binary file?)"
            case .notUTF8: return "is not valid UTF-8 text"
            }
        }
    }

    /// The text of the regular file at `path`, at most `maximumBytes` long.
    public static func readText(path: String, maximumBytes: Int) -> Result<String, Problem> {
        if let stream = processStream(path) { return .failure(.notRegular(stream)) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let error = errno
            switch error {
            case ELOOP: return .failure(.linkLoop)
            case ENOENT, ENOTDIR:
                var link = stat()
                return .failure(lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK ? .danglingLink : .notFound)
            default: return .failure(.unreadable(String(cString: strerror(error))))
            }
        }
        if let problem = typeProblem(status.st_mode) { return .failure(problem) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if let problem = typeProblem(status.st_mode) { return .failure(problem) }

        // Read at most one byte past the limit, so a huge file is not read whole.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while data.count <= maximumBytes {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, maximumBytes + 1 - data.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        guard data.count <= maximumBytes else { return .failure(.larger(than: maximumBytes)) }
        guard !data.isEmpty else { return .failure(.empty) }
        guard !data.contains(0) else { return .failure(.binary) }
        guard let text = String(data: data, encoding: .utf8) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// What a file mode that is not a regular file is.
    private static func typeProblem(_ mode: mode_t) -> Problem? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .directory
        case S_IFIFO: return .notRegular("a FIFO")
        case S_IFCHR: return .notRegular("a character device")
        case S_IFBLK: return .notRegular("a block device")
        case S_IFSOCK: return .notRegular("a socket")
        default: return .notRegular("an unknown kind of file")
        }
    }

    /// "a stream of the running process" when `path`, or a symbolic link on the way from it,
    /// names one of the process's own descriptors (`/dev/stdin`, `/dev/fd/0`, `/proc/self/fd/0`):
    /// what they are depends on how the command was started, never a file of the scenario.
    private static func processStream(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            if isDescriptorPath(current) { return "a stream of the running process" }
            var link = stat()
            guard lstat(current, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK else { return nil }
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &target, target.count - 1)
            guard length > 0 else { return nil }
            let destination = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : FilePaths.resolve(destination, against: FilePaths.directory(of: current))
        }
        return nil
    }

    private static func isDescriptorPath(_ path: String) -> Bool {
        let normalised = FilePaths.normalise(path)
        if ["/dev/stdin", "/dev/stdout", "/dev/stderr"].contains(normalised) || normalised.hasPrefix("/dev/fd/") { return true }
        let parts = normalised.split(separator: "/")
        return parts.count >= 3 && parts[0] == "proc" && (parts[1] == "self" || parts[1] == "thread-self" || parts[1].allSatisfy(\.isNumber))
            && parts[2] == "fd"
    }
}
