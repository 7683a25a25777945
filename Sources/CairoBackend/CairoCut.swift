import Fonts

/// What a batch's glyphs are drawn for, which decides what FreeType reads of each face.
public enum FontUse: Sendable {
    /// A PDF, which embeds each face's own program: cairo asks FreeType only for the glyphs'
    /// extents and widths, and a CFF face is read as its `BoxOutlineFace`.
    case embedding
    /// PNG and SVG pages, drawn from the outlines.
    case drawing
}

/// A cut as cairo's FreeType face reads it, and where each glyph of the whole face went.
struct CairoCut: Sendable {
    let bytes: any FaceBytes
    let glyphMap: [UInt32: UInt32]

    /// For a PDF, a CFF cut is read as its box outlines if cairo embeds its CFF program (cairo
    /// would embed the boxes themselves, as a TrueType or Type 1 font, if its CFF reader refused it).
    init(_ cut: FontSubset, for use: FontUse) {
        glyphMap = cut.glyphMap
        if use == .embedding, let boxes = BoxOutlineFace(standingFor: cut.bytes),
           CairoFontFace.embedsCFFProgram(of: boxes.file, drawing: boxes.inkedGlyphs) {
            bytes = boxes.file
        } else {
            bytes = cut.bytes
        }
    }
}
