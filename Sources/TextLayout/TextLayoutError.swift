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
            return "\(at(source))no font has the character \(scalar.codeNotation) \"\(scalar)\" in \"\(excerpt(text, around: scalar))\""
        case let .controlCharacter(scalar, text, source):
            return "\(at(source))control character \(scalar.codeNotation) in \"\(String(String.UnicodeScalarView(excerpt(text, around: scalar).unicodeScalars.filter { $0.properties.generalCategory != .control })))\""
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

/// Up to 12 characters either side of the first occurrence of `scalar` in `text`.
func excerpt(_ text: String, around scalar: Unicode.Scalar) -> String {
    let scalars = Array(text.unicodeScalars)
    guard let i = scalars.firstIndex(of: scalar), scalars.count > 25 else { return text }
    let range = max(0, i - 12)..<min(scalars.count, i + 13)
    return (range.lowerBound > 0 ? "…" : "") + String(scalars: scalars[range]) + (range.upperBound < scalars.count ? "…" : "")
}
