import CairoBackend
import Foundation
import Fonts
import Frames
import TestSupport
import Testing
import TextLayout

/// A page of seed text written by the backend and read back as a reader's tools would.
@Suite struct PDFOutputTests {
    /// A page with every seed paragraph in a 90 mm column, a heading in bold 黑体 and a frame.
    static func seedPage() throws -> (Page, String) {
        let engine = try TextEngine(fonts: FontLibrary(fontsDirectory: nil))
        var page = Page(size: .a4Portrait)
        var y = 60.0
        let heading = try engine.layout("预算绩效目标表", style: TextStyle(role: .hei, weight: .bold, size: 18, alignment: .center),
                                        width: 480)
        page.items += heading.items(atX: 57, y: y)
        y += heading.height + 12
        let top = y
        var x = 57.0
        for text in SeedText.paragraphs {
            let block = try engine.layout(text, style: TextStyle(size: 10.5, firstLineIndent: 2), width: 255)
            if y + block.height > page.size.height - 40 { (x, y) = (x + 265, top) }  // the next column
            page.items += block.items(atX: x, y: y)
            page.items.append(.outline(Rect(x: x, y: y, width: 255, height: block.height), width: 0.5, color: .black))
            y += block.height + 6
        }
        precondition(x + 255 < page.size.width, "the seed paragraphs fill two columns at most")
        return (page, (["预算绩效目标表"] + SeedText.paragraphs).joined())
    }

    @Test func pdfTextReadsBackExactlyAndEveryFontIsEmbedded() throws {
        let (page, text) = try Self.seedPage()
        let path = try temporaryFolder() + "/seed.pdf"
        try CairoRenderer().writePDF(Document(pages: [page]), to: path)
        #expect(try Poppler.text(of: path).withoutWhitespace == text.withoutWhitespace)
        let fonts = try Poppler.fonts(of: path)
        #expect(fonts.count == 2)  // Noto Serif CJK SC and bold Noto Sans CJK SC
        for row in fonts {
            let columns = row.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "not embedded: \(row)")
        }
        // Pre-subset fonts: the page weighs tens of kilobytes, not megabytes.
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(size < 150_000)
        if let keep = ProcessInfo.processInfo.environment["FORMPRESS_TEST_OUTPUT"] {
            try? FileManager.default.copyItem(atPath: path, toPath: keep + "/seed.pdf")
        }
    }

    @Test func theSameInputGivesTheSameBytesAndTheMetadata() throws {
        let (page, _) = try Self.seedPage()
        let folder = try temporaryFolder()
        let info = DocumentInfo(title: "厚街镇部门整体支出绩效目标批复表", author: "东莞市财政局厚街分局",
                                subject: "预算绩效目标", creationDate: "2026-01-01T00:00:00")
        let document = Document(pages: [page, page], info: info, bookmarks: [Bookmark(title: "第二页", pageIndex: 1)])
        try CairoRenderer().writePDF(document, to: folder + "/a.pdf")
        try CairoRenderer().writePDF(document, to: folder + "/b.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(a == b)
        let pdfInfo = try Poppler.info(of: folder + "/a.pdf")
        #expect(pdfInfo["Title"] == info.title)
        #expect(pdfInfo["Author"] == info.author)
        #expect(pdfInfo["Subject"] == info.subject)
        #expect(pdfInfo["Creator"] == "formpress")
        #expect(pdfInfo["Pages"] == "2")
        #expect(pdfInfo["CreationDate"]?.contains("2026") == true)
    }

    @Test func pngAndSvgPagesAreWritten() throws {
        let (page, _) = try Self.seedPage()
        let folder = try ProcessInfo.processInfo.environment["FORMPRESS_TEST_OUTPUT"] ?? temporaryFolder()
        try CairoRenderer().writePNG(page, dpi: 80, to: folder + "/seed.png")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder + "/seed.png"))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height at 80 dpi (A4 = 595.28 × 841.89 pt).
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 662 && height == 936)
        try CairoRenderer().writeSVG(page, to: folder + "/seed.svg")
        let svg = try String(contentsOfFile: folder + "/seed.svg", encoding: .utf8)
        #expect(svg.contains("<svg"))
    }

    @Test func fastFontCompressionChangesOnlyHowTheFontsAreCoded() throws {
        let (page, text) = try Self.seedPage()
        let folder = try temporaryFolder()
        let small = folder + "/small.pdf", fast = folder + "/fast.pdf"
        try CairoRenderer().writePDF(Document(pages: [page]), to: small, fontCompression: .small)
        try CairoRenderer().writePDF(Document(pages: [page]), to: fast, fontCompression: .fast)
        try QPDF.check(fast)
        #expect(try Poppler.text(of: fast).withoutWhitespace == text.withoutWhitespace)
        // The same objects, each of cairo's streams holding the same bytes once inflated (the
        // packed dictionaries differ: they give the streams' lengths).
        let streams = try QPDF.streams(of: small)
        #expect(try QPDF.streams(of: fast) == streams)
        let packed = try streams.filter { let object = try QPDF.object($0, of: small); return object.contains("/ObjStm") || object.contains("/XRef") }
        #expect(packed.count == 2)
        for number in streams where !packed.contains(number) {
            #expect(try QPDF.streamData(number, of: fast) == QPDF.streamData(number, of: small), "stream \(number)")
        }
        // Both font programs coded by frequency alone: bigger as stored, by less than a fifth.
        let fontPrograms = try streams.filter { try QPDF.object($0, of: small).contains("/CIDFontType0C") }
        #expect(fontPrograms.count == 2)
        for number in fontPrograms {
            let (smallBytes, fastBytes) = try (QPDF.rawStreamData(number, of: small).count, QPDF.rawStreamData(number, of: fast).count)
            #expect(fastBytes > smallBytes && fastBytes < smallBytes * 6 / 5, "font program \(number): \(smallBytes) → \(fastBytes)")
        }
    }

    @Test func aGlyphOutsideTheFontsCutForTheFileIsAnErrorNamingItsTextAndLeavesNoFile() throws {
        let engine = try TextEngine(fonts: FontLibrary(fontsDirectory: nil))
        func page(_ text: String) throws -> Page {
            var page = Page(size: .a4Portrait)
            page.items += try engine.layout(text, style: TextStyle(size: 12), width: 400).items(atX: 57, y: 60)
            return page
        }
        let folder = try temporaryFolder()
        do {
            let stream = try PDFStream(path: folder + "/short.pdf", info: DocumentInfo(),
                                       fonts: EmbeddedFonts(.subsetFor([try page("预算")], .embedding)))
            try stream.add([try page("预算")])
            #expect { try stream.add([try page("预算绩效")]) } throws: { error in
                guard case let .glyphNotEmbedded(face, _, text) = error as? RenderError else { return false }
                return text == "预算绩效" && face.contains("Serif")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aMissingFolderIsAnErrorAndLeavesNoFile() throws {
        let (page, _) = try Self.seedPage()
        let folder = try temporaryFolder()
        #expect(throws: RenderError.outputNotWritable(path: folder + "/missing")) {
            try CairoRenderer().writePDF(Document(pages: [page]), to: folder + "/missing/out.pdf")
        }
        // A folder's name given for the file: said at once, not when the finished file is moved.
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: false)
        #expect(throws: RenderError.outputIsAFolder(path: folder + "/pages")) {
            try CairoRenderer().writePDF(Document(pages: [page]), to: folder + "/pages")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pages"])
        try FileManager.default.removeItem(atPath: folder + "/pages")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
