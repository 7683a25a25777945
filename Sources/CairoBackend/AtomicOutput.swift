import Foundation

/// Writes a file beside its final path and moves it into place only when it is complete,
/// so a failure never leaves a half-written file under the real name.
enum AtomicOutput {
    /// Runs `write` on a temporary path beside `path`, then renames it to `path`.
    static func write(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.isWritableFile(atPath: folder)
        else { throw RenderError.outputNotWritable(path: folder) }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)").path
        do {
            try write(temporary)
            guard rename(temporary, path) == 0 else {
                throw RenderError.cannotMove(from: temporary, to: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
