/// cairo's cross-reference table and trailer, read from the end of its file (ISO 32000 §7.5.4–5):
/// takes the file's bytes, gives where each object starts and the trailer's /Root, /Info and /ID
/// as written. Anything the packed file could not carry over (a second trailer, /Encrypt, an
/// entry it cannot read) is an error.
struct CairoTrailer {
    /// Where `xref` starts: cairo's objects lie before it.
    let tableOffset: Int
    /// Where each object starts, by number; 0 for a free entry (or a number cairo never wrote).
    let offsets: [Int]
    /// The values as cairo wrote them (`128 0 R`, `[<…> <…>]`).
    let root: Range<Int>
    let info: Range<Int>?
    let id: Range<Int>?
    /// The number of the object /Info refers to.
    let infoObject: Int?

    init(_ bytes: UnsafeRawBufferPointer) throws {
        let lexer = PDFLexer(bytes, at: 0)
        // A file cut short has no startxref, or one not followed by %%EOF and nothing else.
        guard let keyword = (max(0, bytes.count - 1024)..<bytes.count).reversed()
            .first(where: { lexer.hasPrefix("startxref", at: $0) })
        else { throw lexer.problem(at: bytes.count, "no startxref at the end: the file is cut short") }
        var tail = PDFLexer(bytes, at: keyword + "startxref".utf8.count)
        let tableOffset = try tail.expectInteger("the cross-reference table's offset")
        while tail.position < bytes.count, PDFLexer.isWhitespace(bytes[tail.position]) { tail.position += 1 }
        guard tail.hasPrefix("%%EOF", at: tail.position),
              (tail.position + 5..<bytes.count).allSatisfy({ PDFLexer.isWhitespace(bytes[$0]) })
        else { throw lexer.problem(at: tail.position, "startxref is not followed by %%EOF and the end of the file") }
        guard tableOffset < keyword else { throw lexer.problem(at: keyword, "startxref points past itself") }

        var table = PDFLexer(bytes, at: tableOffset, end: keyword)
        try table.expect("xref", "the cross-reference table that startxref points to")
        offsets = try Self.readEntries(&table)
        self.tableOffset = tableOffset
        let dictionary = try Self.readDictionary(&table, size: offsets.count)
        root = dictionary.root
        info = dictionary.info
        infoObject = dictionary.infoObject
        id = dictionary.id
        if let token = try table.next() {
            throw table.problem(at: token.range.lowerBound, "more after the trailer dictionary")
        }
    }

    /// The table's subsections up to the keyword `trailer`: each entry's offset, by object number.
    private static func readEntries(_ table: inout PDFLexer) throws -> [Int] {
        var offsets: [Int] = []
        while true {
            let token = try table.expectToken("the trailer")
            if table.matches(token, "trailer") { return offsets }
            // No more numbers than bytes: garbage must not make a huge table.
            guard let first = table.integer(token), first >= offsets.count, first <= table.end else {
                throw table.problem(at: token.range.lowerBound, "expected a subsection of the cross-reference table")
            }
            let count = try table.expectInteger("a subsection's entry count")
            guard count <= table.end else { throw table.problem(at: token.range.lowerBound, "a subsection longer than the file") }
            // Numbers skipped between subsections are free.
            offsets += repeatElement(0, count: first - offsets.count)
            for _ in 0..<count {
                let offset = try table.expectInteger("an entry's offset")
                _ = try table.expectInteger("an entry's generation")
                let type = try table.expectToken("an entry's type")
                if table.matches(type, "n") {
                    offsets.append(offset)
                } else if table.matches(type, "f") {
                    offsets.append(0)
                } else {
                    throw table.problem(at: type.range.lowerBound, "a cross-reference entry is neither n nor f")
                }
            }
        }
    }

    /// The trailer dictionary's /Root, /Info and /ID; its /Size must count the table's entries.
    private static func readDictionary(_ table: inout PDFLexer, size: Int)
        throws -> (root: Range<Int>, info: Range<Int>?, infoObject: Int?, id: Range<Int>?) {
        let start = try table.expectToken("the trailer dictionary")
        guard start.kind == .dictionaryStart else { throw table.problem(at: start.range.lowerBound, "expected the trailer dictionary") }
        var root: Range<Int>?, info: Range<Int>?, infoObject: Int?, id: Range<Int>?
        while true {
            let key = try table.expectToken("the end of the trailer dictionary")
            if key.kind == .dictionaryEnd { break }
            guard key.kind == .name else { throw table.problem(at: key.range.lowerBound, "expected a key of the trailer") }
            let first = try table.expectToken("a value of the trailer")
            let value = try table.skipValue(from: first)
            if table.matches(key, "/Size") {
                guard table.integer(first) == size, value == first.range else {
                    throw table.problem(at: first.range.lowerBound, "/Size is not the number of entries (\(size))")
                }
            } else if table.matches(key, "/Root") {
                root = value
            } else if table.matches(key, "/Info") {
                info = value
                infoObject = table.integer(first)
            } else if table.matches(key, "/ID") {
                id = value
            } else {
                throw table.problem(at: key.range.lowerBound, "the trailer has a key the packed file would not carry")
            }
        }
        guard let root else { throw table.problem(at: start.range.lowerBound, "the trailer has no /Root") }
        return (root, info, infoObject, id)
    }
}
