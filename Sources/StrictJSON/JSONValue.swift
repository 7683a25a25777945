/// A JSON value read from text that `JSONScanner` has checked: what `TreeDecoder` decodes.
/// Numbers keep their text, converted when a type asks for one, so that no digit is lost before
/// the type is known.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in the order written.
    case object([(key: String, value: JSONValue)])

    /// What the text holds. Text that is not JSON (it should have been checked) is refused with
    /// the offset where reading stopped.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        var reader = JSONTextReader(bytes: bytes)
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw reader.failure("text after the value") }
        return value
    }
}

/// Why text could not be read as JSON, and where.
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let problem: String
    public var description: String { "byte \(offset): \(problem)" }
}

/// Recursive descent over bytes, strings decoded as UTF-8 with their escapes.
struct JSONTextReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    func failure(_ problem: String) -> JSONParseError { JSONParseError(offset: offset, problem: problem) }

    mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= JSONSyntax.maximumDepth else { throw failure("nested too deep") }
        skipSpace()
        guard offset < bytes.count else { throw failure("expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            members.append((key, try value(depth: depth + 1)))
            skipSpace()
            guard offset < bytes.count else { throw failure("unfinished object") }
            offset += 1
            if bytes[offset - 1] == UInt8(ascii: "}") { return .object(members) }
            guard bytes[offset - 1] == UInt8(ascii: ",") else { offset -= 1; throw failure("expected , or }") }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard offset < bytes.count else { throw failure("unfinished list") }
            offset += 1
            if bytes[offset - 1] == UInt8(ascii: "]") { return .array(items) }
            guard bytes[offset - 1] == UInt8(ascii: ",") else { offset -= 1; throw failure("expected , or ]") }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { throw failure("expected \(Character(Unicode.Scalar(byte)))") }
        offset += 1
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let end = offset + word.utf8CodeUnitCount
        guard end <= bytes.count, UnsafeRawBufferPointer(rebasing: bytes[offset..<end]).elementsEqual(
            UnsafeRawBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)) else {
            throw failure("expected \(word)")
        }
        offset = end
    }

    private mutating func number() throws(JSONParseError) -> String {
        let start = offset
        while offset < bytes.count, Self.isNumberByte(bytes[offset]) { offset += 1 }
        guard offset > start else { throw failure("expected a value") }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// A string at `offset` (its opening quote): plain runs are taken whole, escapes decoded.
    mutating func string() throws(JSONParseError) -> String {
        offset += 1
        var start = offset
        var escaped: [UInt8]? = nil
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                guard var text = escaped else { return String(decoding: run, as: UTF8.self) }
                text.append(contentsOf: run)
                return String(decoding: text, as: UTF8.self)
            }
            guard byte == UInt8(ascii: "\\") else { offset += 1; continue }
            var text = escaped ?? []
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
            try escape(into: &text)
            escaped = text
            start = offset
        }
        throw failure("unfinished text")
    }

    /// The escape at `offset` (its backslash), appended as UTF-8.
    private mutating func escape(into text: inout [UInt8]) throws(JSONParseError) {
        guard offset + 1 < bytes.count else { throw failure("unfinished escape") }
        let letter = bytes[offset + 1]
        offset += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter); return
        case UInt8(ascii: "b"): text.append(0x08); return
        case UInt8(ascii: "f"): text.append(0x0C); return
        case UInt8(ascii: "n"): text.append(0x0A); return
        case UInt8(ascii: "r"): text.append(0x0D); return
        case UInt8(ascii: "t"): text.append(0x09); return
        case UInt8(ascii: "u"): break
        default: throw failure("unknown escape")
        }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
            // A high surrogate must be followed by \u and a low one: together, one character.
            guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw failure(JSONSyntax.loneSurrogate)
            }
            offset += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure(JSONSyntax.loneSurrogate) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(code) {
            throw failure(JSONSyntax.loneSurrogate)
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("a \\u escape that is no character") }
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("unfinished \\u escape") }
        var code: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { throw failure("expected 4 hex digits after \\u") }
            code = code << 4 | UInt32(digit)
        }
        offset += 4
        return code
    }
}
