@testable import CairoBackend
import CFreeType
import Fonts
import Foundation
import Frames
import TestSupport
import Testing
import TextLayout

/// A CFF cut read by FreeType as box outlines: the same extents and widths as its CFF glyphs,
/// and PDFs byte for byte those drawn from the CFF outlines.
@Suite struct BoxOutlineFaceTests {
    /// Each face of the seed page, cut to the seed's characters as a batch's cuts are.
    func seedCuts() throws -> [FontSubset] {
        let library = try FontLibrary(fontsDirectory: nil)
        let characters = Set((SeedText.paragraphs.joined() + "预算绩效目标表").unicodeScalars)
        return try [library.chain(.song).faces[0], library.chain(.hei, weight: .bold).faces[0]].map { face in
            try FontSubsetter.subset(face.ref, glyphs: [], characters: characters)
        }
    }

    /// What cairo reads of each glyph at `size` (in 1/64 pt), unhinted: its metrics from
    /// FreeType (bearings, ink size and advance, in 1/64 pt), and the points of its outline.
    func metrics(_ bytes: any FaceBytes, size: Int, library: FreeTypeLibrary) throws -> (metrics: [[Int]], points: [Int]) {
        let face = try FreeTypeFace(library: library, bytes: bytes, name: "test")
        #expect(FT_Set_Char_Size(face.handle, 0, FT_F26Dot6(size), 72, 72) == 0)
        var points: [Int] = []
        let metrics = try (0..<Int(face.handle.pointee.num_glyphs)).map { glyph in
            try #require(FT_Load_Glyph(face.handle, FT_UInt(glyph), Int32(FT_LOAD_NO_HINTING)) == 0)
            let slot = face.handle.pointee.glyph.pointee
            points.append(Int(slot.outline.n_points))
            let m = slot.metrics
            return [m.horiBearingX, m.horiBearingY, m.width, m.height, m.horiAdvance].map { Int($0) }
        }
        return (metrics, points)
    }

    /// `page` written as a PDF twice, its faces read as boxes (`.embedding`) and as outlines.
    func pdfs(of page: Page) throws -> (boxes: String, outlines: String) {
        let folder = try temporaryFolder()
        let info = DocumentInfo(title: "box outlines", creationDate: "2026-01-01T00:00:00")
        for (name, use) in [("boxes", FontUse.embedding), ("outlines", .drawing)] {
            let stream = try PDFStream(path: "\(folder)/\(name).pdf", info: info, fonts: EmbeddedFonts(.subsetFor([page], use)))
            try stream.add([page])
            try stream.finish()
        }
        return (folder + "/boxes.pdf", folder + "/outlines.pdf")
    }

    @Test func everyBoxHasTheExtentsAndWidthOfItsCFFGlyph() throws {
        let library = try FreeTypeLibrary()
        for cut in try seedCuts() {
            let boxes = try #require(BoxOutlineFace(standingFor: cut.bytes))
            // The sizes text is drawn at, and the 1 pt at which cairo takes the widths for the PDF.
            for size in [64, 9 * 64, 10 * 64 + 32, 18 * 64] {
                let (cff, cffPoints) = try metrics(cut.bytes, size: size, library: library)
                let (boxed, boxPoints) = try metrics(boxes.file, size: size, library: library)
                #expect(cff.count == boxed.count && cff.count > 100)
                // FreeType reads the boxes: four points for a glyph with ink, none without.
                #expect(boxPoints == cffPoints.map { $0 > 0 ? 4 : 0 })
                for (glyph, (expected, got)) in zip(cff, boxed).enumerated() {
                    #expect(got == expected, "glyph \(glyph) at \(size)/64 pt")
                }
                #expect(boxes.inkedGlyphs.count == 2 && boxes.inkedGlyphs.allSatisfy { cff[Int($0)][2] > 0 })
            }
        }
    }

    @Test func cairoIsAskedWhetherItEmbedsTheCFFProgram() throws {
        let cut = try #require(try seedCuts().first)
        let boxes = try #require(BoxOutlineFace(standingFor: cut.bytes))
        #expect(CairoFontFace.embedsCFFProgram(of: boxes.file, drawing: boxes.inkedGlyphs))
        // A CFF program cairo cannot read: cairo embeds the boxes as a TrueType font instead,
        // and the cut is drawn from its own outlines.
        let unreadable = try #require(boxes.file.withUnsafeBytes { font in
            SFNTTables.withFace(reading: font) { face -> [UInt8] in
                var tables = SFNTTables(face)
                tables.replace("CFF ", with: [1, 0])  // shorter than a CFF header
                return tables.sfnt(version: 0x0001_0000)
            }
        })
        #expect(!CairoFontFace.embedsCFFProgram(of: FontFileBytes(unreadable), drawing: boxes.inkedGlyphs))
    }

    @Test func aPDFDrawnWithBoxesIsTheSameAsOneDrawnFromTheOutlines() throws {
        let (page, text) = try PDFOutputTests.seedPage()
        let (boxes, outlines) = try pdfs(of: page)
        #expect(try Data(contentsOf: URL(fileURLWithPath: boxes)) == Data(contentsOf: URL(fileURLWithPath: outlines)))
        #expect(try Poppler.text(of: boxes).withoutWhitespace == text.withoutWhitespace)
        let fonts = try Poppler.fonts(of: boxes)
        #expect(fonts.count == 2 && fonts.allSatisfy { $0.contains("CID Type 0C") })
    }

    /// A face that is not CID-keyed (`Tests/Fixtures/NameKeyedFont`, made by its script) as 宋体,
    /// its Latin text in the subset cairo keeps for Latin-1, the Chinese from Noto.
    @Test func aNameKeyedFacesLatinSubsetIsEmbeddedFromItsCFFProgramToo() throws {
        let fixture = Repository.folder + "/Tests/Fixtures/NameKeyedFont"
        let library = try FontLibrary(fontsDirectory: fixture)
        let latin = try library.chain(.song).faces[0]
        #expect(latin.ref.path.hasSuffix("TestLatin.otf"))
        let cut = try FontSubsetter.subset(latin.ref, glyphs: [], characters: Set("Budget 2024: 517200 (100%)".unicodeScalars))
        let boxed = try #require(BoxOutlineFace(standingFor: cut.bytes))
        #expect(CairoFontFace.embedsCFFProgram(of: boxed.file, drawing: boxed.inkedGlyphs))

        var page = Page(size: .a4Portrait)
        let engine = try TextEngine(fonts: library)
        page.items += try engine.layout("预算 Budget 2024: 517200 (100%)", style: TextStyle(size: 12), width: 400).items(atX: 57, y: 60)
        let (boxes, outlines) = try pdfs(of: page)
        #expect(try Data(contentsOf: URL(fileURLWithPath: boxes)) == Data(contentsOf: URL(fileURLWithPath: outlines)))
        let fonts = try Poppler.fonts(of: boxes)
        #expect(fonts.contains { $0.contains("Type 1C") } && fonts.contains { $0.contains("CID Type 0C") })
    }
}
