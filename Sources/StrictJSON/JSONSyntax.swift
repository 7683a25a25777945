/// Finds the first syntax error in JSON text, with its line and column, for messages that a
/// person can act on (Foundation's parsers say only "not valid JSON"). Iterative, so deep
/// nesting cannot exhaust the stack; `JSONScanner` does the reading.
public enum JSONSyntax {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// Deeper nesting than any form needs; refused before a recursive decoder could overflow its stack.
    public static let maximumDepth = 64

    static let notUTF8 = "not UTF-8 text (a binary file, or another encoding)"
    static let cutInACharacter = "ends in the middle of a character: the file is cut short (or not UTF-8 text)"
    static let loneSurrogate = "a \\u escape of half a character (a lone surrogate)"
    static let expectedValue = "expected a value (a text in \"quotes\", a number, a list or an object)"

    /// The first problem in `bytes`, or nil if they are well-formed JSON nested no deeper than
    /// `maximumDepth`.
    public static func check<Bytes: Sequence>(_ bytes: Bytes) -> Problem? where Bytes.Element == UInt8 {
        var scanner = JSONScanner()
        Array(bytes).withUnsafeBytes { scanner.scan($0) }
        return scanner.finish()
    }
}
