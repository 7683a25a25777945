/// Text that cannot be laid out; each case names the character, the text and its source
/// (a JSON path or a cell, given by the caller).
public enum TextLayoutError: Error, Equatable, CustomStringConvertible {
    /// No face of the role's chain has the character.
    case missingCharacter(Unicode.Scalar, text: String, source: String)
    /// A control character (other than a newline) in printed text.
    case controlCharacter(Unicode.Scalar, text: String, source: String)
    /// A single character is wider than the width it must fit in.
    case cannotFit(character: String, width: Double, source: String)
    /// ICU refused the line-break locale.
    case lineBreakerUnavailable(locale: String)

    public var description: String {
        func at(_ source: String) -> String { source.isEmpty ? "" : "\(source): " }
        switch self {
        case let .missingCharacter(scalar, text, source):
            return "\(at(source))no font has the character \(scalar.codeNotation) \"\(scalar)\" in \(quoted(text, around: scalar))"
        case let .controlCharacter(scalar, text, source):
            return "\(at(source))control character \(scalar.codeNotation) in \(quoted(text, around: scalar))"
        case let .cannotFit(character, width, source):
            return "\(at(source))\"\(character)\" does not fit in a width of \((width * 10).rounded() / 10) pt, even alone on a line"
        case let .lineBreakerUnavailable(locale):
            return "ICU has no line breaker for \(locale)"
        }
    }
}

extension Unicode.Scalar {
    /// "U+4E00".
    public var codeNotation: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Where `scalar` first occurs in `text`, quoted: `"…"`, up to 12 characters either side of it,
/// or `paragraph 2: "…"` in a text of several paragraphs (the quote is taken from that
/// paragraph alone, so that a message stays on one line). Control characters are left out.
func quoted(_ text: String, around scalar: Unicode.Scalar) -> String {
    let paragraphs = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    let number = paragraphs.firstIndex { $0.contains(scalar) } ?? 0
    let scalars = Array(paragraphs[number])
    let i = scalars.firstIndex(of: scalar) ?? 0
    let range = scalars.count > 25 ? max(0, i - 12)..<min(scalars.count, i + 13) : 0..<scalars.count
    let shown = scalars[range].filter { $0.properties.generalCategory != .control }
    let quote = "\"" + (range.lowerBound > 0 ? "…" : "") + String(scalars: Array(shown)) + (range.upperBound < scalars.count ? "…" : "") + "\""
    return paragraphs.count > 1 ? "paragraph \(number + 1): \(quote)" : quote
}
