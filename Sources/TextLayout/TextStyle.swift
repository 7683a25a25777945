/// TextLayout: paragraphs of Chinese text laid into a width.
///
/// Takes text, a `TextStyle` and a width; gives a `TextBlock`: lines of positioned glyph runs
/// (relative to the block's top left) and the block's height. Breaks follow Chinese rules
/// (ICU `zh@lb=strict` tailored as in typesetting.md §3.2), lines are justified by spreading
/// the leftover between characters, and line-end punctuation takes half width.

import Fonts

/// How the lines of a paragraph sit in their width.
public enum TextAlignment: String, Hashable, Sendable, Codable, CaseIterable {
    case left
    case center
    case right
    /// Every line but a paragraph's last fills the width exactly.
    case justify
}

/// What to do with a character that no face of the role's chain has.
public enum MissingGlyphPolicy: Sendable {
    /// Stop with an error naming the character and where the text comes from.
    case error
    /// Draw a visible box in its place and report a warning.
    case drawBox
}

/// How a paragraph is set.
public struct TextStyle: Hashable, Sendable {
    public var role: FontRole
    public var weight: FontWeight
    /// Font size in points.
    public var size: Double
    /// Distance between baselines as a multiple of the size.
    public var lineHeight: Double
    public var alignment: TextAlignment
    /// Indent of each paragraph's first line, in em.
    public var firstLineIndent: Double
    /// Extra space between paragraphs, in points.
    public var paragraphSpacing: Double
    /// The alignment a paragraph takes instead when it wraps into three lines or more (long
    /// text in a centred value column reads better justified); nil keeps `alignment`.
    public var wrappedAlignment: TextAlignment?

    public init(role: FontRole = .song, weight: FontWeight = .regular, size: Double = 10.5,
                lineHeight: Double = 1.35, alignment: TextAlignment = .justify,
                firstLineIndent: Double = 0, paragraphSpacing: Double = 0, wrappedAlignment: TextAlignment? = nil) {
        self.role = role; self.weight = weight; self.size = size; self.lineHeight = lineHeight
        self.alignment = alignment; self.firstLineIndent = firstLineIndent
        self.paragraphSpacing = paragraphSpacing; self.wrappedAlignment = wrappedAlignment
    }

    /// Height of one line, in points.
    public var lineAdvance: Double { size * lineHeight }
}
