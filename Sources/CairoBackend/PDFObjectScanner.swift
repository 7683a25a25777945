/// One indirect object of cairo's file, where it was found.
struct ScannedObject {
    let number: Int
    let generation: Int
    /// From `N G obj` to the end of `endobj`: what a stream object is copied as.
    let whole: Range<Int>
    /// The value between `obj` and `endobj`, without the white space around it (for a stream,
    /// its dictionary): what an object stream holds.
    let value: Range<Int>
    let isStream: Bool
}

/// Reads cairo's objects front to back: takes the file's bytes and its trailer, gives the header
/// and then each indirect object in file order, up to the cross-reference table. A stream's data
/// ends where its /Length says; cairo writes `/Length N 0 R`, and object N is read where cairo's
/// table puts it, so data that happens to contain the bytes `endstream` is never cut there.
struct PDFObjectScanner {
    /// `%PDF-1.x` and cairo's comment of binary bytes: copied as they are.
    let header: Range<Int>
    private var lexer: PDFLexer
    private let offsets: [Int]

    init(_ bytes: UnsafeRawBufferPointer, trailer: CairoTrailer) throws {
        lexer = PDFLexer(bytes, at: 0, end: trailer.tableOffset)
        offsets = trailer.offsets
        guard lexer.hasPrefix("%PDF-", at: 0) else { throw lexer.problem(at: 0, "no %PDF- header") }
        // `%PDF-1.5`: a digit, a point, a digit.
        let byte = { (offset: Int) -> UInt8 in offset < bytes.count ? bytes[offset] : 0 }
        let (major, minor) = (byte(5) &- UInt8(ascii: "0"), byte(7) &- UInt8(ascii: "0"))
        guard major < 10, byte(6) == UInt8(ascii: "."), minor < 10 else {
            throw lexer.problem(at: 5, "the header has no version")
        }
        // Object streams came with PDF 1.5; cairo is asked for 1.5 (PDFStream).
        guard (major, minor) >= (1, 5) else {
            throw lexer.problem(at: 5, "PDF \(major).\(minor) has no object streams (1.5 is needed)")
        }
        lexer.skipWhitespaceAndComments()
        header = 0..<lexer.position
    }

    /// The next object, or nil where the cross-reference table starts.
    mutating func next() throws -> ScannedObject? {
        lexer.skipWhitespaceAndComments()
        guard lexer.position < lexer.end else { return nil }
        let start = lexer.position
        let number = try lexer.expectInteger("an object number")
        let generation = try lexer.expectInteger("a generation number")
        try lexer.expect("obj", "an object")
        var depth = 0
        var valueStart: Int?
        var isDictionary = false
        var valueEnd = lexer.position
        var length: (value: Int, isReference: Bool)?
        while true {
            let token = try lexer.expectToken("endobj of object \(number)")
            switch token.kind {
            case .regular where depth == 0 && (lexer.matches(token, "endobj") || lexer.matches(token, "stream")):
                guard let valueStart else { throw lexer.problem(at: start, "object \(number) is empty") }
                let isStream = lexer.matches(token, "stream")
                let end = isStream ? try skipData(after: token, length: length, of: number) : token.range.upperBound
                return ScannedObject(number: number, generation: generation, whole: start..<end,
                                     value: valueStart..<valueEnd, isStream: isStream)
            case .dictionaryStart, .arrayStart:
                depth += 1
            case .dictionaryEnd, .arrayEnd:
                depth -= 1
                guard depth >= 0 else { throw lexer.problem(at: token.range.lowerBound, "object \(number) closes more than it opens") }
            case .name where depth == 1 && isDictionary && lexer.matches(token, "/Length"):
                let first = try lexer.expectToken("the value of /Length")
                guard let value = lexer.integer(first) else {
                    throw lexer.problem(at: first.range.lowerBound, "/Length of object \(number) is not a number or a reference")
                }
                length = (value, try lexer.skipValue(from: first) != first.range)
            default:
                break
            }
            if valueStart == nil {
                valueStart = token.range.lowerBound
                isDictionary = token.kind == .dictionaryStart
            }
            valueEnd = lexer.position
        }
    }

    /// Past the stream's data, `endstream` and `endobj`; gives where `endobj` ends.
    private mutating func skipData(after keyword: PDFLexer.Token, length: (value: Int, isReference: Bool)?,
                                   of number: Int) throws -> Int {
        // `stream` ends its line with CR LF or LF (ISO 32000 §7.3.8.1).
        var dataStart = keyword.range.upperBound
        if lexer.hasPrefix("\r\n", at: dataStart) {
            dataStart += 2
        } else if lexer.hasPrefix("\n", at: dataStart) {
            dataStart += 1
        } else {
            throw lexer.problem(at: dataStart, "stream of object \(number) is not followed by an end of line")
        }
        guard let length else { throw lexer.problem(at: keyword.range.lowerBound, "stream of object \(number) has no /Length") }
        let count = length.isReference ? try integerObject(length.value, lengthOf: number) : length.value
        guard count <= lexer.end - dataStart else {
            throw lexer.problem(at: dataStart, "the data of object \(number) runs past the last object (/Length \(count))")
        }
        lexer.position = dataStart + count
        try lexer.expect("endstream", "endstream where /Length says the data of object \(number) ends")
        try lexer.expect("endobj", "endobj after the stream of object \(number)")
        return lexer.position
    }

    /// The integer that object `reference` holds (`N 0 obj 1835 endobj`), read where cairo's table says.
    private func integerObject(_ reference: Int, lengthOf number: Int) throws -> Int {
        guard reference < offsets.count, offsets[reference] > 0 else {
            throw lexer.problem(at: lexer.position, "/Length of object \(number) refers to object \(reference), which is not in the table")
        }
        var reader = PDFLexer(lexer.bytes, at: offsets[reference], end: lexer.end)
        guard try reader.expectInteger("an object number") == reference, try reader.expectInteger("a generation number") == 0 else {
            throw reader.problem(at: offsets[reference], "the table's entry for object \(reference) points elsewhere")
        }
        try reader.expect("obj", "an object")
        let value = try reader.expectInteger("the length of the data of object \(number)")
        try reader.expect("endobj", "endobj of object \(reference)")
        return value
    }
}
