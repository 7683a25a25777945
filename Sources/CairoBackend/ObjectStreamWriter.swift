/// Writes the packed file front to back: takes cairo's objects in file order, copies the ones
/// that must stay as they are (streams, generations above 0), gathers every other object's value
/// into deflated object streams of up to `perStream` objects (ISO 32000 §7.5.7), and ends with a
/// deflated cross-reference stream in place of cairo's table and trailer. Object numbers stay
/// cairo's; the object streams and the cross-reference stream take the numbers after them. Holds
/// one object stream's values and the table's entries, never the file.
struct ObjectStreamWriter {
    private let output: OutputFile
    private let deflater: Deflater
    private let perStream: Int
    private var rows: CrossReferenceRows
    /// The object stream being gathered takes this number; the next one takes the number after.
    private var nextNumber: Int
    /// Its objects' values, each followed by a line feed (which also ends a trailing comment).
    private var values: [UInt8] = []
    /// Its objects' numbers and where each value starts in `values`.
    private var index: [(number: Int, offset: Int)] = []

    /// Numbers from `objectCount` on are free for the streams this writer adds.
    init(output: OutputFile, objectCount: Int, perStream: Int, level: Int32) throws {
        self.output = output
        self.perStream = perStream
        deflater = try Deflater(level: level)
        rows = CrossReferenceRows(count: objectCount)
        nextNumber = objectCount
    }

    /// Writes a whole object (`N G obj … endobj`) as it is.
    mutating func copy(_ object: UnsafeRawBufferPointer, number: Int, generation: Int) throws {
        rows[number] = .inFile(offset: output.offset, generation: generation)
        try output.write(object)
        try output.write([0x0A])
    }

    /// Adds an object's value to the object stream being gathered; writes the stream when full.
    mutating func pack(_ value: UnsafeRawBufferPointer, number: Int) throws {
        rows[number] = .inObjectStream(stream: nextNumber, index: index.count)
        index.append((number, values.count))
        values.append(contentsOf: value)
        values.append(0x0A)
        if index.count == perStream { try writeObjectStream() }
    }

    /// Writes the last object stream and the cross-reference stream, whose dictionary also
    /// carries `trailer` (cairo's /Root, /Info and /ID, as written), and ends the file.
    mutating func finish(trailer: [UInt8]) throws {
        try writeObjectStream()
        let number = nextNumber
        let offset = output.offset
        rows[number] = .inFile(offset: offset, generation: 0)
        let (widths, data) = rows.encoded()
        let size = rows.count
        let dictionary = Array("/Type /XRef /Size \(size) /Index [0 \(size)] /W [\(widths.map(String.init).joined(separator: " "))]".utf8)
            + trailer
            + Array(" /DecodeParms << /Columns \(widths.reduce(0, +)) /Predictor 12 >>".utf8)
        try writeStream(number: number, dictionary: dictionary, data: data)
        try output.write("startxref\n\(offset)\n%%EOF\n")
    }

    /// The gathered values as one object stream: a line of `number offset` pairs, then the values.
    private mutating func writeObjectStream() throws {
        guard !index.isEmpty else { return }
        var header = index.map { "\($0.number) \($0.offset)" }.joined(separator: " ")
        header += "\n"
        let first = header.utf8.count
        rows[nextNumber] = .inFile(offset: output.offset, generation: 0)
        try writeStream(number: nextNumber, dictionary: Array("/Type /ObjStm /N \(index.count) /First \(first)".utf8),
                        data: Array(header.utf8) + values)
        nextNumber += 1
        values.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
    }

    /// `N 0 obj << dictionary /Filter /FlateDecode /Length … >> stream … endstream endobj`.
    private func writeStream(number: Int, dictionary: [UInt8], data: [UInt8]) throws {
        let deflated = try deflater.deflate(data)
        try output.write("\(number) 0 obj\n<< ")
        try output.write(dictionary)
        try output.write(" /Filter /FlateDecode /Length \(deflated.count) >>\nstream\n")
        try output.write(deflated)
        try output.write("\nendstream\nendobj\n")
    }
}
