import CHarfBuzz
import Fonts

/// A CFF cut as cairo's PDF surface reads it through FreeType: the cut's own tables (the CFF
/// program cairo embeds, the widths, the names), and beside them TrueType outlines in which
/// every glyph is the box around its ink.
///
/// In a PDF, cairo asks FreeType for each new glyph twice, for its ink extents at the size drawn
/// and for its width at 1 unit, and never draws the outline it gets: it embeds the CFF program.
/// FreeType loads a CFF glyph by interpreting its charstring (about 66,000 instructions, for
/// extents); a box, about 2,000. The boxes are HarfBuzz's extents of the CFF outlines, which
/// like FreeType's count the control points, so cairo reckons the same extents and writes the
/// same bytes. (A box of the whole face's bounds made cairo clip text it reckoned too big.)
struct BoxOutlineFace: Sendable {
    /// The font file FreeType reads.
    let file: FontFileBytes
    /// The first glyphs with ink (two, if it has two).
    let inkedGlyphs: [UInt32]

    /// Nil if `cut` is not a CFF face (a TrueType glyph is cheap to load as it is), or has no
    /// glyph with ink.
    init?(standingFor cut: SubsetBytes) {
        guard let (font, inkedGlyphs) = cut.withUnsafeBytes({ SFNTTables.withFace(reading: $0, Self.sfnt(standingFor:)) })
        else { return nil }
        self.inkedGlyphs = inkedGlyphs
        file = FontFileBytes(font)
    }

    private static func sfnt(standingFor face: OpaquePointer) -> (font: [UInt8], inkedGlyphs: [UInt32])? {
        var tables = SFNTTables(face)
        guard tables.has("CFF "), !tables.has("glyf"), var head = tables.bytes("head"), head.count >= 54,
              let sideBearings = LeftSideBearings(tables) else { return nil }
        let glyphCount = Int(hb_face_get_glyph_count(face))
        guard let font = hb_font_create(face) else { return nil }
        defer { hb_font_destroy(font) }
        var glyf = BigEndianBytes(capacity: 36 * glyphCount)
        var loca = BigEndianBytes(capacity: 4 * (glyphCount + 1))
        var inkedGlyphs: [UInt32] = []
        for glyph in 0..<glyphCount {
            loca.append(UInt32(glyf.bytes.count))
            var ink = hb_glyph_extents_t()
            guard hb_font_get_glyph_extents(font, hb_codepoint_t(glyph), &ink) != 0, ink.width != 0, ink.height != 0
            else { continue }  // no ink: an empty glyph
            if inkedGlyphs.count < 2 { inkedGlyphs.append(UInt32(glyph)) }
            // HarfBuzz's y grows upwards, with the height negative from the top.
            appendBox(to: &glyf, xMin: ink.x_bearing, yMin: ink.y_bearing + ink.height,
                      xMax: ink.x_bearing + ink.width, yMax: ink.y_bearing, sideBearing: sideBearings[glyph])
        }
        loca.append(UInt32(glyf.bytes.count))
        guard !inkedGlyphs.isEmpty else { return nil }
        head[50] = 0
        head[51] = 1  // indexToLocFormat: 32-bit offsets
        tables.replace("head", with: head)
        tables.replace("maxp", with: trueTypeMaxp(glyphCount: glyphCount))
        tables.replace("glyf", with: glyf.bytes)
        tables.replace("loca", with: loca.bytes)
        // The TrueType version, so that FreeType's TrueType driver (not its CFF one) opens it.
        return (tables.sfnt(version: 0x0001_0000), inkedGlyphs)
    }

    /// One contour of four on-curve points around the box, padded to four bytes.
    ///
    /// FreeType puts a TrueType glyph's origin where its header's xMin less its left side
    /// bearing (hmtx) falls, and a CFF glyph's where the charstring has it: giving the side
    /// bearing as xMin keeps the box where the ink is (a face's bearings need not be its ink's).
    private static func appendBox(to glyf: inout BigEndianBytes, xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32,
                                  sideBearing: Int16) {
        glyf.append(Int16(1))  // contours
        glyf.append(sideBearing)
        for bound in [yMin, xMax, yMax] { glyf.append(Int16(truncatingIfNeeded: bound)) }
        glyf.append(UInt16(3))  // the contour ends at point 3
        glyf.append(UInt16(0))  // no instructions
        for _ in 0..<4 { glyf.append(UInt8(1)) }  // on the curve; x and y as 16-bit deltas
        for dx in [xMin, xMax - xMin, 0, xMin - xMax] { glyf.append(Int16(truncatingIfNeeded: dx)) }
        for dy in [yMin, 0, yMax - yMin, 0] { glyf.append(Int16(truncatingIfNeeded: dy)) }
        glyf.append(UInt16(0))  // 34 bytes, padded to 36
    }

    /// maxp version 1.0 (a CFF face's is 0.5, with the count alone), for four-point glyphs
    /// with no instructions.
    private static func trueTypeMaxp(glyphCount: Int) -> [UInt8] {
        var maxp = BigEndianBytes(capacity: 32)
        maxp.append(UInt32(0x0001_0000))
        for value in [glyphCount, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0] { maxp.append(UInt16(value)) }
        return maxp.bytes
    }
}

/// Each glyph's left side bearing, as hmtx gives it (glyphs past hhea's count of metrics have
/// a bearing alone).
private struct LeftSideBearings {
    private let hmtx: [UInt8]
    private let metricsCount: Int

    init?(_ tables: SFNTTables) {
        guard let hhea = tables.bytes("hhea"), hhea.count >= 36, let hmtx = tables.bytes("hmtx") else { return nil }
        metricsCount = Int(hhea[34]) << 8 | Int(hhea[35])
        self.hmtx = hmtx
    }

    subscript(glyph: Int) -> Int16 {
        let at = glyph < metricsCount ? 4 * glyph + 2 : 4 * metricsCount + 2 * (glyph - metricsCount)
        guard at + 2 <= hmtx.count else { return 0 }
        return Int16(bitPattern: UInt16(hmtx[at]) << 8 | UInt16(hmtx[at + 1]))
    }
}
