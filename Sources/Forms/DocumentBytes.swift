import FoundationEssentials
import Glibc

/// The bytes of a form document: a file read piece by piece (never whole, and opened for each
/// read, so that thousands of inputs hold no open files), or bytes already in memory. Safe to
/// read from several threads at once.
enum DocumentBytes: Sendable {
    case file(path: String, size: Int)
    case memory(Data)

    /// A file's bytes, if it can be opened.
    static func file(_ path: String) throws -> DocumentBytes {
        .file(path: path, size: try OpenFile(path: path).size)
    }

    var count: Int {
        switch self {
        case let .file(_, size): return size
        case let .memory(data): return data.count
        }
    }

    /// Calls `body` with consecutive pieces of the bytes, from the first, while it returns true.
    func forEachPiece(_ body: (UnsafeRawBufferPointer) -> Bool) throws {
        switch self {
        case let .memory(data): _ = data.withUnsafeBytes(body)
        case let .file(path, size):
            let file = try OpenFile(path: path)
            let pieceSize = 1 << 20
            let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 1)
            defer { piece.deallocate() }
            var offset = 0
            while offset < size {
                let count = try file.read(into: piece, at: offset)
                guard count > 0 else { break }
                guard body(UnsafeRawBufferPointer(rebasing: piece[..<count])) else { return }
                offset += count
            }
        }
    }

    /// The bytes in `range`.
    func read(_ range: Range<Int>) throws -> Data {
        switch self {
        case let .memory(data): return data[data.startIndex + range.lowerBound ..< data.startIndex + range.upperBound]
        case let .file(path, _):
            let file = try OpenFile(path: path)
            var data = Data(count: range.count)
            var done = 0
            while done < range.count {
                let count = try data.withUnsafeMutableBytes { buffer in
                    try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]), at: range.lowerBound + done)
                }
                guard count > 0 else { throw OpenFile.Failure.shortRead }
                done += count
            }
            return data
        }
    }
}

/// A file open for reading; closed when the last reference goes.
final class OpenFile: @unchecked Sendable {
    enum Failure: Error { case cannotOpen, notAFile, shortRead, readFailed }

    private let descriptor: Int32
    let size: Int

    init(path: String) throws {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.cannotOpen }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Failure.notAFile
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes at `offset` (pread: no shared file position, so any
    /// thread may read); returns how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(offset))
            if count >= 0 { return count }
            guard errno == EINTR else { throw Failure.readFailed }
        }
    }
}
