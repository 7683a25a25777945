@testable import CairoBackend
import CCairo
import Frames
import Testing

/// The glyphs handed to cairo to outline before they are drawn: each once per face and size, so
/// cairo loads it from FreeType once for its outline and metrics together.
@Suite struct EmbeddedFontsTests {
    let song = FaceRef(path: "/fonts/NotoSerifCJK-Regular.ttc", index: 2)
    let hei = FaceRef(path: "/fonts/NotoSansCJK-Bold.ttc", index: 2)

    func glyphs(_ ids: [UInt]) -> [cairo_glyph_t] { ids.map { cairo_glyph_t(index: $0, x: 0, y: 0) } }

    @Test func aGlyphIsOutlinedOnceAtEachFaceAndSize() throws {
        let fonts = try EmbeddedFonts(.subsetFor([], .embedding))
        #expect(fonts.glyphsNotYetOutlined(glyphs([7, 9, 7, 3]), face: song, size: 10.5).map(\.index) == [7, 9, 3])
        #expect(fonts.glyphsNotYetOutlined(glyphs([3, 9, 12]), face: song, size: 10.5).map(\.index) == [12])
        #expect(fonts.glyphsNotYetOutlined(glyphs([7, 9]), face: song, size: 10.5).isEmpty)
        // Another size or face is another cairo scaled font, with glyphs of its own.
        #expect(fonts.glyphsNotYetOutlined(glyphs([7, 9]), face: song, size: 12).map(\.index) == [7, 9])
        #expect(fonts.glyphsNotYetOutlined(glyphs([7]), face: hei, size: 10.5).map(\.index) == [7])
    }
}
