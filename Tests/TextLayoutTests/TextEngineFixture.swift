import Fonts
import Frames
import TestSupport
@testable import TextLayout

/// A text engine over the installed fonts (fonts-noto-cjk), no user fonts.
func makeEngine(_ policy: MissingGlyphPolicy = .error, fontsDirectory: String? = nil) throws -> TextEngine {
    try TextEngine(fonts: FontLibrary(fontsDirectory: fontsDirectory), missingGlyphPolicy: policy)
}

extension TextLine {
    var runs: [GlyphRun] {
        items.compactMap { if case let .text(run) = $0 { return run } else { return nil } }
    }
}

/// Characters that must never begin or end a line, as the issue and clreq list them
/// (written out here independently of the engine's own tables).
let forbiddenAtLineStart = Set("，。、；：？！）》」』”’％%)]}·～…×÷=".unicodeScalars)
let forbiddenAtLineEnd = Set("（《「『“‘([{/／①②③④⑤".unicodeScalars)
