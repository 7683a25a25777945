import FoundationEssentials

/// Checks JSON text as it arrives, piece by piece, and notes where the top-level object's
/// members and the items of its lists lie: a batch of thousands of forms is checked in one
/// pass holding one piece at a time, then read back one form at a time.
///
/// Takes bytes in any number of `scan` calls, then `finish()`; gives the first problem (line
/// and column counted in characters from 1, as a person's editor shows them) or the outline.
/// A UTF-8 problem anywhere wins over a syntax problem, so a binary file is called one.
public struct JSONScanner {
    /// A member of the top-level object: its key, where its value lies (byte offsets in the
    /// whole text) and, when the value is a list, where each item lies.
    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: Range<Int>
        public var items: [Range<Int>]?
    }

    public private(set) var members: [Member] = []
    /// Whether the text is an object (its members are then listed in `members`).
    public private(set) var isObject = false

    private enum Expect { case value, valueOrEndOfList, keyOrEndOfObject, key, colon, commaOrEnd, end }
    /// Where a number is: `zero` is an integer part of a lone 0, which no digit may follow.
    private enum NumberPart { case minus, zero, integer, dot, fraction, exponentMark, exponentSign, exponent }
    private enum Token {
        case none
        case string(isKey: Bool)
        case escape(isKey: Bool)
        case unicodeEscape(isKey: Bool, digits: Int)
        case number(NumberPart)
        case literal(StaticString, matched: Int)
    }
    private struct Position { var offset = 0, line = 1, column = 1 }

    private var here: Position
    private var stack: [UInt8] = []
    private var expect = Expect.value
    private var token = Token.none
    private var tokenStart = Position()
    private var escapeStart = Position()
    /// The code a \u escape spells, as its digits are read.
    private var escapeCode: UInt32 = 0
    /// Where a \u escape of a high surrogate began: a low one must follow at once.
    private var highSurrogate: Position?
    private var sawText = false
    private var syntaxProblem: JSONSyntax.Problem?
    private var utf8Problem: JSONSyntax.Problem?
    private var utf8Pending = 0
    private var utf8Lead = Position()
    /// The range the next byte must lie in, when it is the second of a sequence.
    private var utf8Second: ClosedRange<UInt8>?
    // The outline being gathered: the current top-level key, value and list items.
    private var keyBytes: [UInt8] = []
    private var memberKey = ""
    private var memberStart = 0
    private var itemStart = 0
    private var items: [Range<Int>]?

    /// A scanner whose first byte is at `offset` of the whole text (after a byte-order mark).
    public init(offset: Int = 0) {
        here = Position(offset: offset)
    }

    private var collectingKey: Bool {
        if case .string(isKey: true) = token { return true }
        return false
    }

    /// Whether the rest of the text need not be read: a UTF-8 problem has been found. (After a
    /// syntax problem the rest is still read, since a UTF-8 problem further on is named instead.)
    public var isDone: Bool { utf8Problem != nil }

    /// Reads the next piece of the text.
    public mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index < bytes.count {
            guard utf8Problem == nil else { return }
            if case .string = token, utf8Pending == 0, syntaxProblem == nil, !collectingKey, highSurrogate == nil {
                index = skipPlainText(bytes, from: index)
                guard index < bytes.count else { return }
            }
            let byte = bytes[index]
            checkUTF8(byte)
            if syntaxProblem == nil, utf8Problem == nil { step(byte) }
            here.offset += 1
            if byte == 0x0A { here.line += 1; here.column = 1 } else if byte & 0xC0 != 0x80 { here.column += 1 }
            index += 1
        }
    }

    /// Most of a document is the inside of texts: this skips characters that need no more than
    /// a UTF-8 check (no quote, backslash or control character), whole sequences at a time.
    private mutating func skipPlainText(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start, characters = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
                index += 1
            } else {
                let (length, second) = Self.sequence(startingWith: byte)
                guard length > 0, index + length <= bytes.count, second.contains(bytes[index + 1]),
                      (2..<length).allSatisfy({ bytes[index + $0] & 0xC0 == 0x80 }) else { break }
                index += length
            }
            characters += 1
        }
        here.offset += index - start
        here.column += characters
        return index
    }

    /// The end of the text: its first problem, or nil if it is well-formed JSON nested no
    /// deeper than `JSONSyntax.maximumDepth` (and then `members` is complete).
    public mutating func finish() -> JSONSyntax.Problem? {
        if utf8Problem == nil, utf8Pending > 0 { utf8Problem = problem(at: utf8Lead, JSONSyntax.cutInACharacter) }
        if let problem = utf8Problem ?? syntaxProblem { return problem }
        switch token {
        case .none: break
        case .string, .escape: return problem(at: tokenStart, "text in quotes is never closed")
        case .unicodeEscape: return problem(at: escapeStart, "\\u must be followed by four hexadecimal digits")
        case let .number(part):
            guard Self.canEnd(part) else { return problem(at: tokenStart, "malformed number") }
            valueEnded(at: here.offset)
        case .literal: return problem(at: tokenStart, JSONSyntax.expectedValue)
        }
        guard expect == .end else { return problem(at: here, sawText ? "unexpected end of file" : "the file is empty") }
        return nil
    }

    private mutating func checkUTF8(_ byte: UInt8) {
        if utf8Pending > 0 {
            let fits = utf8Second.map { $0.contains(byte) } ?? (byte & 0xC0 == 0x80)
            utf8Second = nil
            if fits { utf8Pending -= 1 } else { utf8Problem = problem(at: utf8Lead, JSONSyntax.notUTF8) }
            return
        }
        let (length, second) = byte < 0x80 ? (1, 0x80...0xBF) : Self.sequence(startingWith: byte)
        if length == 0 || byte == 0 { utf8Problem = problem(at: here, JSONSyntax.notUTF8); return }
        if length > 1 { utf8Pending = length - 1; utf8Lead = here; utf8Second = second }
    }

    /// The length of the UTF-8 sequence a byte of 0x80 or more begins (0: none begins so), and
    /// the range of its second byte: overlong forms, surrogates (U+D800 … U+DFFF) and code
    /// points past U+10FFFF are not UTF-8 (Unicode, table 3-7).
    private static func sequence(startingWith lead: UInt8) -> (length: Int, second: ClosedRange<UInt8>) {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80...0xBF)
        case 0xE0: return (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80...0xBF)
        case 0xED: return (3, 0x80...0x9F)
        case 0xF0: return (4, 0x90...0xBF)
        case 0xF1...0xF3: return (4, 0x80...0xBF)
        case 0xF4: return (4, 0x80...0x8F)
        default: return (0, 0x80...0xBF)
        }
    }

    private mutating func step(_ byte: UInt8) {
        sawText = true
        switch token {
        case .none: break
        case let .string(isKey): return stringByte(byte, isKey: isKey)
        case let .escape(isKey): return escapeByte(byte, isKey: isKey)
        case let .unicodeEscape(isKey, digits):
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                return fail(escapeStart, "\\u must be followed by four hexadecimal digits")
            }
            if isKey { keyBytes.append(byte) }
            escapeCode = escapeCode << 4 | UInt32(digit)
            token = digits == 3 ? .string(isKey: isKey) : .unicodeEscape(isKey: isKey, digits: digits + 1)
            if digits == 3 { escapeEnded() }
            return
        case let .number(part):
            if let next = Self.numberPart(after: part, byte) { token = .number(next); return }
            if part == .zero, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                return fail(tokenStart, "a number may not start with 0: leave the zeros out, or write it in quotes to keep them")
            }
            guard Self.canEnd(part) else { return fail(tokenStart, "malformed number") }
            token = .none
            valueEnded(at: here.offset)  // and the byte that ended the number is read below
        case let .literal(word, matched):
            guard byte == word.utf8Start[matched] else { return fail(tokenStart, JSONSyntax.expectedValue) }
            if matched + 1 == word.utf8CodeUnitCount { token = .none; valueEnded(at: here.offset + 1) }
            else { token = .literal(word, matched: matched + 1) }
            return
        }
        if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { return }
        structural(byte)
    }

    /// A character above U+FFFF is escaped as two halves (surrogates), high then low; either
    /// alone spells no character.
    private mutating func escapeEnded() {
        let isHigh = (0xD800..<0xDC00).contains(escapeCode), isLow = (0xDC00..<0xE000).contains(escapeCode)
        if let high = highSurrogate, !isLow { return fail(high, JSONSyntax.loneSurrogate) }
        if highSurrogate == nil, isLow { return fail(escapeStart, JSONSyntax.loneSurrogate) }
        highSurrogate = isHigh ? escapeStart : nil
    }

    private mutating func stringByte(_ byte: UInt8, isKey: Bool) {
        if let high = highSurrogate, byte != UInt8(ascii: "\\") { return fail(high, JSONSyntax.loneSurrogate) }
        switch byte {
        case UInt8(ascii: "\""):
            token = .none
            if isKey { keyEnded() } else { valueEnded(at: here.offset + 1) }
        case UInt8(ascii: "\\"):
            escapeStart = here
            token = .escape(isKey: isKey)
            if isKey { keyBytes.append(byte) }
        case 0x00..<0x20:
            fail(here, byte == 0x0A ? "line break inside a text (write \\n)" : "control character inside a text")
        default:
            if isKey { keyBytes.append(byte) }
        }
    }

    private mutating func escapeByte(_ byte: UInt8, isKey: Bool) {
        if byte == UInt8(ascii: "u") {
            token = .unicodeEscape(isKey: isKey, digits: 0)
            escapeCode = 0
        } else if let high = highSurrogate {
            return fail(high, JSONSyntax.loneSurrogate)
        } else if "\"\\/bfnrt".utf8.contains(byte) {
            token = .string(isKey: isKey)
        } else {
            return fail(escapeStart, "unknown escape \\\(Character(Unicode.Scalar(byte)))")
        }
        if isKey { keyBytes.append(byte) }
    }

    private mutating func structural(_ byte: UInt8) {
        switch expect {
        case .value, .valueOrEndOfList:
            if expect == .valueOrEndOfList, byte == UInt8(ascii: "]") { return close() }
            valueStarted()
            tokenStart = here
            if stack.isEmpty { isObject = byte == UInt8(ascii: "{") }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard stack.count < JSONSyntax.maximumDepth else {
                    return fail(here, "nested more than \(JSONSyntax.maximumDepth) levels deep")
                }
                if stack == [UInt8(ascii: "{")], byte == UInt8(ascii: "[") { items = [] }
                stack.append(byte)
                expect = byte == UInt8(ascii: "{") ? .keyOrEndOfObject : .valueOrEndOfList
            case UInt8(ascii: "\""): token = .string(isKey: false)
            case UInt8(ascii: "-"): token = .number(.minus)
            case UInt8(ascii: "0"): token = .number(.zero)
            case UInt8(ascii: "1")...UInt8(ascii: "9"): token = .number(.integer)
            case UInt8(ascii: "t"): token = .literal("true", matched: 1)
            case UInt8(ascii: "f"): token = .literal("false", matched: 1)
            case UInt8(ascii: "n"): token = .literal("null", matched: 1)
            default: fail(here, JSONSyntax.expectedValue)
            }
        case .keyOrEndOfObject, .key:
            if expect == .keyOrEndOfObject, byte == UInt8(ascii: "}") { return close() }
            guard byte == UInt8(ascii: "\"") else { return fail(here, "expected a key in \"quotes\"") }
            tokenStart = here
            token = .string(isKey: true)
            keyBytes.removeAll(keepingCapacity: true)
        case .colon:
            guard byte == UInt8(ascii: ":") else { return fail(here, "expected \":\" after the key") }
            expect = .value
        case .commaOrEnd:
            let inObject = stack.last == UInt8(ascii: "{")
            if byte == UInt8(ascii: ",") { expect = inObject ? .key : .value }
            else if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { close() }
            else { fail(here, "expected \",\" or \"\(inObject ? "}" : "]")\"") }
        case .end:
            fail(here, "unexpected text after the end of the document")
        }
    }

    private mutating func close() {
        stack.removeLast()
        valueEnded(at: here.offset + 1)
    }

    // MARK: The outline

    /// A value starts at the current byte (depth: containers open around it).
    private mutating func valueStarted() {
        if stack.count == 1, stack[0] == UInt8(ascii: "{") { memberStart = here.offset; items = nil }
        if stack.count == 2, items != nil { itemStart = here.offset }
    }

    /// The value that started last at the current depth ends before byte `end`.
    private mutating func valueEnded(at end: Int) {
        expect = stack.isEmpty ? .end : .commaOrEnd
        if stack.count == 2, stack[0] == UInt8(ascii: "{"), items != nil {
            items?.append(itemStart..<end)
        } else if stack.count == 1, stack[0] == UInt8(ascii: "{") {
            members.append(Member(key: memberKey, value: memberStart..<end, items: items))
            items = nil
        }
    }

    private mutating func keyEnded() {
        expect = .colon
        guard stack.count == 1 else { return }
        memberKey = keyBytes.contains(UInt8(ascii: "\\"))
            ? ([UInt8(ascii: "\"")] + keyBytes + [UInt8(ascii: "\"")]).withUnsafeBytes { quoted in
                var reader = JSONTextReader(bytes: quoted)
                return (try? reader.string()) ?? ""
            }
            : String(decoding: keyBytes, as: UTF8.self)
    }

    // MARK: Pieces

    private static func numberPart(after part: NumberPart, _ byte: UInt8) -> NumberPart? {
        let digit = byte >= 0x30 && byte <= 0x39
        switch part {
        case .minus: return byte == UInt8(ascii: "0") ? .zero : digit ? .integer : nil
        case .zero: return byte == UInt8(ascii: ".") ? .dot : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .integer: return digit ? .integer : byte == UInt8(ascii: ".") ? .dot : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .dot: return digit ? .fraction : nil
        case .fraction: return digit ? .fraction : byte | 0x20 == UInt8(ascii: "e") ? .exponentMark : nil
        case .exponentMark: return digit ? .exponent : byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") ? .exponentSign : nil
        case .exponentSign, .exponent: return digit ? .exponent : nil
        }
    }

    private static func canEnd(_ part: NumberPart) -> Bool { part == .zero || part == .integer || part == .fraction || part == .exponent }

    private mutating func fail(_ at: Position, _ message: String) {
        if syntaxProblem == nil { syntaxProblem = problem(at: at, message) }
    }

    private func problem(at position: Position, _ message: String) -> JSONSyntax.Problem {
        JSONSyntax.Problem(line: position.line, column: position.column, message: message)
    }
}
