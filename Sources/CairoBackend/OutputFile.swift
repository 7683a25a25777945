import Glibc

/// A file written front to back through a stdio buffer: takes bytes, gives the offset the next
/// byte will have (what a cross-reference records). Owns the FILE; `close()` reports a write
/// that failed late (a full disk shows when the buffer is flushed).
final class OutputFile {
    private var file: UnsafeMutablePointer<FILE>?
    private let path: String
    private(set) var offset = 0

    init(path: String) throws {
        guard let file = fopen(path, "wb") else { throw PackingError.outputErrno("cannot create \(path)") }
        setvbuf(file, nil, _IOFBF, 1 << 16)
        self.file = file
        self.path = path
    }

    deinit { if let file { fclose(file) } }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let file else { throw PackingError.system("\(path) is already closed") }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        guard fwrite(base, 1, bytes.count, file) == bytes.count else { throw PackingError.outputErrno("cannot write \(path)") }
        offset += bytes.count
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Writes `bytes` as the whole file at `path`; errors name `target`, the file the user asked for.
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, naming target: String) throws {
        do {
            let file = try OutputFile(path: path)
            try file.write(bytes)
            try file.close()
        } catch let error as PackingError {
            throw error.naming(target)
        }
    }

    /// Flushes and closes the file.
    func close() throws {
        guard let file else { return }
        self.file = nil
        guard fclose(file) == 0 else { throw PackingError.outputErrno("cannot write \(path)") }
    }
}
