import FoundationEssentials
import Glibc

/// A file written beside its final path and moved into place only when complete, so a
/// failure never leaves a half-written file under the real name.
final class PendingFile {
    let target: String
    let temporary: String
    private var settled = false

    /// Checks that the target is a file or nothing yet (a link to a file, or a dangling one, is
    /// replaced, not followed; a device or a stream is refused), and
    /// that its folder exists and is writable, and names the temporary file after this process
    /// and thread, which no other writer shares.
    init(target: String) throws {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        // A stream (/dev/stdout, a link into /proc/self/fd) may lead to a file, but moving the
        // finished file into place would replace the link, and the stream would get nothing.
        var status = stat()
        if lstat(target, &status) == 0, Self.leadsIntoTheSystem(target) { throw RenderError.outputIsSpecial(path: target) }
        // What a link points to counts (a link to a file is replaced by the new file).
        if lstat(target, &status) == 0, status.st_mode & S_IFMT != S_IFLNK || stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw RenderError.outputIsAFolder(path: target)
            default: throw RenderError.outputIsSpecial(path: target)
            }
        }
        var isFolder = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder,
              FileManager.default.isWritableFile(atPath: folder)
        else { throw RenderError.outputNotWritable(path: folder) }
        self.target = target
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())-\(pthread_self())").path
    }

    /// Whether `path` (which exists), or a link on the way from it, lies in /dev or /proc.
    private static func leadsIntoTheSystem(_ path: String) -> Bool {
        var current = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<40 {  // as many links as the kernel follows
            if ["/dev", "/proc"].contains(where: { current.path == $0 || current.path.hasPrefix($0 + "/") }) { return true }
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return false }
            current = URL(fileURLWithPath: link, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        return true
    }

    /// Moves the finished file into place.
    func commit() throws {
        settled = true
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw RenderError.cannotMove(from: temporary, to: target, reason: reason)
        }
    }

    /// Removes what was written.
    func abort() {
        settled = true
        unlink(temporary)
    }

    deinit { if !settled { unlink(temporary) } }

    /// Runs `write` on the temporary path, then moves the file into place; removes it on failure.
    static func write(to target: String, _ write: (String) throws -> Void) throws {
        let file = try PendingFile(target: target)
        do {
            try write(file.temporary)
            try file.commit()
        } catch {
            file.abort()
            throw error
        }
    }
}
