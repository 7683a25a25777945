/// PDF's lexical conventions (ISO 32000 §7.2) over a file's bytes: takes a position, gives the
/// next token (white space and comments skipped) and moves past it. Knows nothing of objects.
struct PDFLexer {
    enum Kind: Equatable {
        case dictionaryStart, dictionaryEnd, arrayStart, arrayEnd, brace
        /// `/Name`.
        case name
        /// `(…)` or `<…>`.
        case string
        /// A number or a keyword (`obj`, `R`, `true`…).
        case regular
    }

    struct Token {
        let kind: Kind
        let range: Range<Int>
    }

    let bytes: UnsafeRawBufferPointer
    /// The lexer reads no further than this.
    let end: Int
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, at position: Int, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = end ?? bytes.count
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    static func isRegular(_ byte: UInt8) -> Bool { !isWhitespace(byte) && !isDelimiter(byte) }

    mutating func skipWhitespaceAndComments() {
        while position < end {
            let byte = bytes[position]
            if Self.isWhitespace(byte) {
                position += 1
            } else if byte == UInt8(ascii: "%") {
                while position < end, bytes[position] != 0x0A, bytes[position] != 0x0D { position += 1 }
            } else {
                return
            }
        }
    }

    /// The next token, or nil at the end.
    mutating func next() throws -> Token? {
        skipWhitespaceAndComments()
        guard position < end else { return nil }
        let start = position
        let kind: Kind
        switch bytes[position] {
        case UInt8(ascii: "("):
            try skipLiteralString()
            kind = .string
        case UInt8(ascii: "<") where position + 1 < end && bytes[position + 1] == UInt8(ascii: "<"):
            position += 2
            kind = .dictionaryStart
        case UInt8(ascii: "<"):
            while position < end, bytes[position] != UInt8(ascii: ">") { position += 1 }
            guard position < end else { throw problem(at: start, "a hexadecimal string has no end") }
            position += 1
            kind = .string
        case UInt8(ascii: ">"):
            guard position + 1 < end, bytes[position + 1] == UInt8(ascii: ">") else {
                throw problem(at: start, "a lone >")
            }
            position += 2
            kind = .dictionaryEnd
        case UInt8(ascii: "["):
            position += 1
            kind = .arrayStart
        case UInt8(ascii: "]"):
            position += 1
            kind = .arrayEnd
        case UInt8(ascii: "{"), UInt8(ascii: "}"):
            position += 1
            kind = .brace
        case UInt8(ascii: ")"):
            throw problem(at: start, "a ) closes no string")
        case UInt8(ascii: "/"):
            position += 1
            skipRegular()
            kind = .name
        default:
            skipRegular()
            kind = .regular
        }
        return Token(kind: kind, range: start..<position)
    }

    /// The next token, which must be there. (`what` is for the error: made only then.)
    mutating func expectToken(_ what: @autoclosure () -> String) throws -> Token {
        guard let token = try next() else { throw problem(at: position, "the file ends where \(what()) should be") }
        return token
    }

    /// Reads the keyword `word` or throws.
    mutating func expect(_ word: String, _ what: @autoclosure () -> String) throws {
        let token = try expectToken(what())
        guard token.kind == .regular, matches(token, word) else {
            throw problem(at: token.range.lowerBound, "expected \(what()) (\(word))")
        }
    }

    /// Reads a non-negative integer or throws.
    mutating func expectInteger(_ what: @autoclosure () -> String) throws -> Int {
        let token = try expectToken(what())
        guard let value = integer(token) else { throw problem(at: token.range.lowerBound, "expected \(what())") }
        return value
    }

    /// Past the value that starts with `first`: a reference (`12 0 R`), a whole array or
    /// dictionary, or one token. Gives the value's bytes.
    mutating func skipValue(from first: Token) throws -> Range<Int> {
        switch first.kind {
        case .arrayStart, .dictionaryStart:
            var depth = 1
            while depth > 0 {
                let token = try expectToken("the end of an array or dictionary")
                switch token.kind {
                case .arrayStart, .dictionaryStart: depth += 1
                case .arrayEnd, .dictionaryEnd: depth -= 1
                default: break
                }
            }
            return first.range.lowerBound..<position
        case .regular where integer(first) != nil:
            var ahead = self
            if let generation = try ahead.next(), integer(generation) != nil,
               let keyword = try ahead.next(), matches(keyword, "R") {
                self = ahead
            }
            return first.range.lowerBound..<position
        default:
            return first.range
        }
    }

    /// Whether the bytes at `offset` start with `word`.
    func hasPrefix(_ word: String, at offset: Int) -> Bool {
        offset + word.utf8.count <= end && zip(offset..., word.utf8).allSatisfy { bytes[$0] == $1 }
    }

    /// Whether the token's bytes are exactly `word`.
    func matches(_ token: Token, _ word: String) -> Bool {
        token.range.count == word.utf8.count && zip(token.range, word.utf8).allSatisfy { bytes[$0] == $1 }
    }

    /// The value of a token of decimal digits (no sign: object numbers, offsets and lengths).
    func integer(_ token: Token) -> Int? {
        guard token.kind == .regular, !token.range.isEmpty, token.range.count <= 18 else { return nil }
        var value = 0
        for index in token.range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    func problem(at offset: Int, _ text: String) -> PackingError { .shape(offset: offset, problem: text) }

    private mutating func skipRegular() {
        while position < end, Self.isRegular(bytes[position]) { position += 1 }
    }

    /// Past a `(…)` string: parentheses nest, a backslash escapes the byte after it.
    private mutating func skipLiteralString() throws {
        let start = position
        var depth = 0
        while position < end {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\\") {
                position += 1
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return }
            }
        }
        throw problem(at: start, "a string has no end")
    }
}
