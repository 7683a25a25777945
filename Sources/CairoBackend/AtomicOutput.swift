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
        if Self.isALinkToAStream(target) { throw RenderError.outputIsSpecial(path: target) }
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

    /// Whether `path` is a link kept by the system in /dev or /proc (/dev/stdout, /dev/fd/1), or
    /// leads through links to one or into /proc (/proc/self/fd/1). Files there, and links to
    /// them from elsewhere (/dev/shm/x.pdf), are files like any other.
    private static func isALinkToAStream(_ path: String) -> Bool {
        func isIn(_ folder: String, _ url: URL) -> Bool { url.path == folder || url.path.hasPrefix(folder + "/") }
        var current = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<40 {  // as many links as the kernel follows
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { return false }
            let next = URL(fileURLWithPath: link, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
            if isIn("/dev", current) || isIn("/proc", current) || isIn("/proc", next) { return true }
            current = next
        }
        return false  // a loop of links: replaced, as a dangling link is
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
