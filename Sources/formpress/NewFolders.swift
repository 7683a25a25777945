import FoundationEssentials
import Glibc

/// The folders a run made for its output (`-o out/new/pages` makes `out/new` too), so that a
/// failed run can take them away again: a failure leaves nothing behind.
struct NewFolders {
    /// Made by this run, outermost first.
    private(set) var made: [String] = []

    /// None made.
    init() {}

    /// Makes `path` and the folders above it that are missing.
    init(making path: String) throws {
        try Self.checkNotAFile(path)
        var missing: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while url.path != "/", !FileManager.default.fileExists(atPath: url.path) {
            missing.append(url.path)
            url = url.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o777) == 0 {
                made.append(folder)
            } else if errno != EEXIST {  // made meanwhile by another run (a shard): not ours to remove
                let reason = String(cString: strerror(errno))
                removeEmpty()
                throw InputError(file: folder, problem: "cannot create the folder (\(reason))")
            }
        }
    }

    /// Refuses `path` for a folder of output if a file is there.
    static func checkNotAFile(_ path: String) throws {
        var isFolder = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder {
            throw InputError(file: path, problem: "is a file; name a folder for the output")
        }
    }

    /// Removes the folders this run made, innermost first, as long as they are empty.
    func removeEmpty() {
        for folder in made.reversed() where rmdir(folder) != 0 { return }
    }
}
