import Foundation

/// Everything below a folder, by relative path: what each entry is and, for a regular file, its
/// bytes. Taken before and after a run, it shows what the run wrote, replaced or left behind
/// (a temporary file too). It never opens a FIFO or device and never follows a link, so a
/// hostile folder cannot block or loop it.
struct FolderSnapshot: Equatable {
    enum Entry: Equatable {
        case file(Data)
        case folder
        case link(String)
        case other(mode_t)
    }

    private(set) var entries: [String: Entry] = [:]

    init(_ folder: URL) throws {
        try add(folder.path, prefix: "")
    }

    private mutating func add(_ path: String, prefix: String) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() {
            let full = path + "/" + name, relative = prefix + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG: entries[relative] = .file(try Data(contentsOf: URL(fileURLWithPath: full)))
            case S_IFDIR:
                entries[relative] = .folder
                try add(full, prefix: relative + "/")
            case S_IFLNK: entries[relative] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "")
            default: entries[relative] = .other(info.st_mode & S_IFMT)
            }
        }
    }

    /// Paths present now and not in `before`.
    func added(since before: FolderSnapshot) -> [String] {
        entries.keys.filter { before.entries[$0] == nil }.sorted()
    }

    /// Paths of `before` that are gone or differ now.
    func changed(since before: FolderSnapshot) -> [String] {
        before.entries.keys.filter { entries[$0] != before.entries[$0] }.sorted()
    }
}
