import CCairo
import Glibc

/// What cairo writes, as it writes it: takes cairo's bytes, gives them all back once cairo is
/// done. A small PDF (a split file, an example) stays in memory and touches the disk once, as
/// the packed file; past `limit` (a batch of thousands of forms) the bytes move to a file beside
/// the target, so memory stays flat. Owns that file and removes it.
final class SpooledOutput {
    /// 512 KB: a form's PDF is 30 to 200 KB as cairo writes it (held); a batch of a few dozen
    /// forms is more (spilled: memory stays flat and low).
    static let defaultLimit = 512 << 10

    private var memory: [UInt8] = []
    private var spill: OutputFile?
    private let spillPath: String
    private let limit: Int
    /// Why a write failed (the system's words), for the error cairo's status cannot carry.
    private(set) var failure: String?

    init(spillPath: String, limit: Int = SpooledOutput.defaultLimit) {
        self.spillPath = spillPath
        self.limit = limit
    }

    deinit { if spill != nil { unlink(spillPath) } }

    /// Adds cairo's next bytes; false if they could not be kept (cairo then fails the surface).
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        do {
            if let spill {
                try spill.write(bytes)
            } else {
                memory.append(contentsOf: bytes)
                if memory.count > limit { try moveToFile() }
            }
            return true
        } catch {
            failure = (error as? PackingError)?.reason ?? "\(error)"
            return false
        }
    }

    /// Runs `body` on everything written: the memory, or the spill file mapped; `release(offset)`
    /// says the bytes before `offset` are done with (a mapped file hands their pages back).
    func read<T>(_ body: (_ bytes: UnsafeRawBufferPointer, _ release: (Int) -> Void) throws -> T) throws -> T {
        guard let spill else { return try memory.withUnsafeBytes { try body($0) { _ in } } }
        try spill.close()
        let mapped = try MappedFile(path: spillPath)
        return try body(mapped.bytes) { mapped.release(before: $0) }
    }

    private func moveToFile() throws {
        let file = try OutputFile(path: spillPath)
        spill = file
        try memory.withUnsafeBytes { try file.write($0) }
        memory = []
    }

    /// The callback cairo writes through; `closure` is an unretained `SpooledOutput`.
    static let cairoWrite: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        let output = Unmanaged<SpooledOutput>.fromOpaque(closure).takeUnretainedValue()
        let kept = output.append(UnsafeRawBufferPointer(start: data, count: Int(length)))
        return kept ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }
}
