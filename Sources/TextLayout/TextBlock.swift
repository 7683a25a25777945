import Frames

/// One laid-out line: what to draw, relative to the top left of its block.
public struct TextLine: Hashable, Sendable {
    /// Glyph runs (one per face) and, for characters no font has, outlined boxes.
    public var items: [PageItem]
    /// Top of the line box, from the top of the block.
    public var top: Double
    public var height: Double
    /// Width the line's ink occupies from its start (line-end punctuation counted at half width).
    public var width: Double
    /// Where the printed line begins and ends, from the block's left (after alignment and
    /// justification; a half-width line-end mark counted at half).
    public var left: Double
    public var right: Double
    /// The line's text, without trailing spaces.
    public var text: String
    /// Whether this line ends its paragraph (such lines are not stretched).
    public var endsParagraph: Bool
}

/// Something the reader should know about laid-out text that did not stop the layout.
public enum TextWarning: Hashable, Sendable, CustomStringConvertible {
    /// No face of the chain has this character; a box was drawn in its place.
    case missingCharacter(Unicode.Scalar, text: String)
    /// A word or number wider than the width it is set in, broken between its characters
    /// (a reader may take the pieces of a torn amount for two).
    case brokenWord(String, width: Double)

    public var description: String {
        switch self {
        case let .missingCharacter(scalar, text):
            return "no font has the character \(scalar.codeNotation) \"\(scalar)\" in \(quoted(text, around: scalar)); a box is drawn in its place"
        case let .brokenWord(word, width):
            let shown = word.unicodeScalars.count > 40
                ? String(scalars: Array(word.unicodeScalars.prefix(30))) + "…" : word
            return "\"\(shown)\" is wider than its cell (\((width * 254 / 72).rounded() / 10) mm) and is broken inside it"
        }
    }
}

/// A laid-out piece of text: its lines and its height.
public struct TextBlock: Hashable, Sendable {
    public var lines: [TextLine]
    public var height: Double
    public var warnings: [TextWarning]

    /// How many lines end between a number and its unit, or a list's number and its item.
    var tornFromUnits = 0

    public static let empty = TextBlock(lines: [], height: 0, warnings: [])

    /// How many words or numbers the block breaks between their characters.
    var tornWords: Int {
        warnings.reduce(0) { count, warning in
            if case .brokenWord = warning { return count + 1 }
            return count
        }
    }

    /// Every item of every line, moved to put the block's top left at (x, y).
    public func items(atX x: Double, y: Double) -> [PageItem] {
        lines.flatMap { line in line.items.map { $0.offsetBy(dx: x, dy: y) } }
    }
}
