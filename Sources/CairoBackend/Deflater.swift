import CZlib

/// zlib's deflate at one level, reused for every buffer it compresses: takes bytes, gives them in
/// the zlib format that PDF's /FlateDecode reads. Owns the z_stream.
final class Deflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init(level: Int32) throws {
        stream.initialize(to: z_stream())
        // deflateInit2_, not deflateInit_: the program's own deflateInit_ (CFontDeflate) may code
        // by frequency alone on this thread; these streams always search for repeats.
        let memoryLevel: Int32 = 8  // zlib's default (DEF_MEM_LEVEL)
        let status = deflateInit2_(stream, level, Z_DEFLATED, MAX_WBITS, memoryLevel, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw PackingError.system("zlib cannot start deflating (status \(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// `input` deflated whole (one call: the output is sized by zlib's bound, so it never runs short).
    func deflate(_ input: [UInt8]) throws -> [UInt8] {
        guard deflateReset(stream) == Z_OK else { throw PackingError.system("zlib cannot reset its stream") }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                return CZlib.deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw PackingError.system("zlib cannot deflate (status \(status))") }
        output.removeLast(Int(stream.pointee.avail_out))
        return output
    }
}
