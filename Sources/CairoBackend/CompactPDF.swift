/// The pass after cairo: takes a PDF as cairo 1.16 writes it (every dictionary in plain text, a
/// cross-reference table) and gives the same objects with the same numbers, its dictionaries
/// packed into deflated object streams and its table turned into a cross-reference stream
/// (PDF 1.5; cairo 1.16 cannot write either). Streams are copied byte for byte, so pages, fonts
/// and text are untouched; the 22 project forms' file shrinks by a tenth. Reads cairo's bytes
/// front to back (from memory, or a file mapped) and holds one object stream at a time: memory
/// does not grow with the pages beyond the table's entries. The same input gives the same bytes.
public enum CompactPDF {
    /// Objects per object stream: enough for deflate to find the repeats between pages (1,000
    /// forms: 1,931,662 bytes at 100, 1,925,739 at 200), few enough that a reader inflates a
    /// few dozen kilobytes to reach one object.
    static let objectsPerStream = 200
    /// zlib's default level: level 9 saves 12 bytes on the 22 project forms and 0.08% on 1,000
    /// forms, for 70% more instructions in deflate.
    static let level: Int32 = 6

    /// Packs the cairo PDF at `source` into a new file at `target`, which appears only when
    /// complete (nothing is left there on error).
    public static func compact(_ source: String, into target: String) throws {
        try PendingFile.write(to: target) { destination in
            let input: MappedFile
            do { input = try MappedFile(path: source) } catch let error as PackingError { throw error.naming(target) }
            try rewrite(input.bytes, releasing: input.release(before:), to: destination, naming: target)
        }
    }

    /// Packs cairo's `bytes` into `destination`; `release(offset)` is told when the bytes before
    /// `offset` are done with. Errors name `target`, the file the user asked for. On error
    /// `destination` may hold part of a file: the caller removes it.
    static func rewrite(_ bytes: UnsafeRawBufferPointer, releasing release: (Int) -> Void,
                        to destination: String, naming target: String) throws {
        do {
            let trailer = try CairoTrailer(bytes)
            var scanner = try PDFObjectScanner(bytes, trailer: trailer)
            let output = try OutputFile(path: destination)
            try output.write(UnsafeRawBufferPointer(rebasing: bytes[scanner.header]))
            var writer = try ObjectStreamWriter(output: output, objectCount: trailer.offsets.count,
                                                perStream: objectsPerStream, level: level)
            var objects = 0
            while let object = try scanner.next() {
                // cairo's table must agree with what was found: that is what its readers trust.
                guard object.number < trailer.offsets.count, trailer.offsets[object.number] == object.whole.lowerBound else {
                    throw PackingError.shape(offset: object.whole.lowerBound,
                                             problem: "object \(object.number) is not where cairo's table puts it")
                }
                // §7.5.7: a stream, or an object of another generation, cannot go into an object stream.
                if object.isStream || object.generation != 0 {
                    try writer.copy(UnsafeRawBufferPointer(rebasing: bytes[object.whole]),
                                    number: object.number, generation: object.generation)
                } else if object.number == trailer.infoObject {
                    try InfoDates.prefixed(UnsafeRawBufferPointer(rebasing: bytes[object.value])).withUnsafeBytes {
                        try writer.pack($0, number: object.number)
                    }
                } else {
                    try writer.pack(UnsafeRawBufferPointer(rebasing: bytes[object.value]), number: object.number)
                }
                objects += 1
                release(object.whole.upperBound)
            }
            let listed = trailer.offsets.filter { $0 > 0 }.count
            guard objects == listed else {
                throw PackingError.shape(offset: trailer.tableOffset,
                                         problem: "cairo's table lists \(listed) objects, the file holds \(objects)")
            }
            var entries = Array(" /Root ".utf8) + bytes[trailer.root]
            if let info = trailer.info { entries += Array(" /Info ".utf8) + bytes[info] }
            if let id = trailer.id { entries += Array(" /ID ".utf8) + bytes[id] }
            try writer.finish(trailer: entries)
            try output.close()
        } catch let error as PackingError {
            throw error.naming(target)
        }
    }
}
