import Glibc

/// A file mapped read-only: takes a path, gives its bytes without copying them into the heap.
/// A file read front to back hands its pages back as it goes (`release(before:)`), so a 12 MB
/// PDF does not stay in the process's memory. Owns the mapping.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private var released = 0

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw PackingError.errno("cannot open \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw PackingError.errno("cannot stat \(path)") }
        let size = Int(status.st_size)
        // mmap refuses an empty file; for cairo's output it means the file was cut short.
        guard size > 0 else { throw PackingError.shape(offset: 0, problem: "the file is empty") }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
              base != UnsafeMutableRawPointer(bitPattern: -1)  // MAP_FAILED
        else { throw PackingError.errno("cannot map \(path)") }
        madvise(base, size, MADV_SEQUENTIAL)
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Drops the pages wholly before `offset` from memory, 256 KB or more at a time (they would
    /// be read from the file again if touched).
    func release(before offset: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = offset / page * page
        guard end - released >= 1 << 18, let base = bytes.baseAddress else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }
}
