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
        var missing: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while url.path != "/", !FileManager.default.fileExists(atPath: url.path) {
            missing.append(url.path)
            url = url.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            guard mkdir(folder, 0o777) == 0 || errno == EEXIST else {
                let reason = String(cString: strerror(errno))
                removeEmpty()
                throw InputError(file: folder, problem: "cannot create the folder (\(reason))")
            }
            made.append(folder)
        }
    }

    /// Removes the folders this run made, innermost first, as long as they are empty.
    func removeEmpty() {
        for folder in made.reversed() where rmdir(folder) != 0 { return }
    }
}
