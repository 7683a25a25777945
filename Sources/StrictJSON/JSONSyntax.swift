/// Finds the first syntax error in JSON text, with its line and column, for messages that a
/// person can act on (Foundation's parsers say only "not valid JSON"). Iterative, so deep
/// nesting cannot exhaust the stack.
public enum JSONSyntax {
    public struct Problem: Equatable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private enum Expect { case value, valueOrEndOfList, keyOrEndOfObject, key, colon, commaOrEnd, end }

    /// Deeper nesting than any form needs; refused before a recursive decoder could overflow its stack.
    public static let maximumDepth = 64

    /// The first problem in `bytes`, or nil if they are well-formed JSON nested no deeper than
    /// `maximumDepth`.
    public static func check<Bytes: Collection>(_ bytes: Bytes) -> Problem? where Bytes.Element == UInt8 {
        let text = Array(bytes)
        if let bad = firstInvalidUTF8(text) { return problem(text, at: bad, "not UTF-8 text (a binary file, or another encoding)") }
        var stack: [UInt8] = []
        var expect = Expect.value
        var i = 0
        func afterValue() { expect = stack.isEmpty ? .end : .commaOrEnd }

        while true {
            while i < text.count, text[i] == 0x20 || text[i] == 0x0A || text[i] == 0x0D || text[i] == 0x09 { i += 1 }
            guard i < text.count else {
                return expect == .end ? nil : problem(text, at: i, text.isEmpty ? "the file is empty" : "unexpected end of file")
            }
            let c = text[i]
            switch expect {
            case .value, .valueOrEndOfList:
                if expect == .valueOrEndOfList, c == UInt8(ascii: "]") { stack.removeLast(); i += 1; afterValue(); continue }
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < maximumDepth else {
                        return problem(text, at: i, "nested more than \(maximumDepth) levels deep")
                    }
                    stack.append(c)
                    i += 1
                    expect = c == UInt8(ascii: "{") ? .keyOrEndOfObject : .valueOrEndOfList
                case UInt8(ascii: "\""):
                    if let error = skipString(text, &i) { return error }
                    afterValue()
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let error = skipNumber(text, &i) { return error }
                    afterValue()
                default:
                    var matched = false
                    for literal in ["true", "false", "null"] where text[i...].starts(with: Array(literal.utf8)) {
                        i += literal.utf8.count; matched = true; break
                    }
                    guard matched else { return problem(text, at: i, "expected a value (a text in \"quotes\", a number, a list or an object)") }
                    afterValue()
                }
            case .keyOrEndOfObject, .key:
                if expect == .keyOrEndOfObject, c == UInt8(ascii: "}") { stack.removeLast(); i += 1; afterValue(); continue }
                guard c == UInt8(ascii: "\"") else { return problem(text, at: i, "expected a key in \"quotes\"") }
                if let error = skipString(text, &i) { return error }
                expect = .colon
            case .colon:
                guard c == UInt8(ascii: ":") else { return problem(text, at: i, "expected \":\" after the key") }
                i += 1; expect = .value
            case .commaOrEnd:
                let close = stack.last == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if c == UInt8(ascii: ",") { i += 1; expect = stack.last == UInt8(ascii: "{") ? .key : .value }
                else if c == close { stack.removeLast(); i += 1; afterValue() }
                else { return problem(text, at: i, "expected \",\" or \"\(Character(Unicode.Scalar(close)))\"") }
            case .end:
                return problem(text, at: i, "unexpected text after the end of the document")
            }
        }
    }

    private static func skipString(_ text: [UInt8], _ i: inout Int) -> Problem? {
        let start = i
        i += 1
        while i < text.count {
            switch text[i] {
            case UInt8(ascii: "\""): i += 1; return nil
            case UInt8(ascii: "\\"):
                guard i + 1 < text.count else { return problem(text, at: start, "text in quotes is never closed") }
                let escape = text[i + 1]
                if escape == UInt8(ascii: "u") {
                    let hex = text[min(text.count, i + 2)..<min(text.count, i + 6)]
                    guard hex.count == 4, hex.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }) else {
                        return problem(text, at: i, "\\u must be followed by four hexadecimal digits")
                    }
                    i += 6
                } else if Array("\"\\/bfnrt".utf8).contains(escape) {
                    i += 2
                } else {
                    return problem(text, at: i, "unknown escape \\\(Character(Unicode.Scalar(escape)))")
                }
            case 0x00..<0x20:
                return problem(text, at: i, text[i] == 0x0A ? "line break inside a text (write \\n)" : "control character inside a text")
            default: i += 1
            }
        }
        return problem(text, at: start, "text in quotes is never closed")
    }

    private static func skipNumber(_ text: [UInt8], _ i: inout Int) -> Problem? {
        let start = i
        func digits() -> Int { let s = i; while i < text.count, (48...57).contains(text[i]) { i += 1 }; return i - s }
        if text[i] == UInt8(ascii: "-") { i += 1 }
        guard digits() > 0 else { return problem(text, at: start, "malformed number") }
        if i < text.count, text[i] == UInt8(ascii: ".") { i += 1; guard digits() > 0 else { return problem(text, at: start, "malformed number") } }
        if i < text.count, text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return problem(text, at: start, "malformed number") }
        }
        return nil
    }

    /// Line and column (counted in characters, from 1) of byte `offset`.
    private static func problem(_ text: [UInt8], at offset: Int, _ message: String) -> Problem {
        var line = 1, column = 1
        for byte in text[..<min(offset, text.count)] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return Problem(line: line, column: column, message: message)
    }

    private static func firstInvalidUTF8(_ text: [UInt8]) -> Int? {
        var i = 0
        while i < text.count {
            let b = text[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= text.count,
                  text[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return i }
            if b == 0 { return i }
            i += length
        }
        return nil
    }
}
