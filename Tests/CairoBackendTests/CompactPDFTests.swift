@testable import CairoBackend
import Foundation
import Frames
import TestSupport
import Testing

/// cairo's objects packed into object streams: the file reads as cairo's own did, and anything
/// not shaped as cairo writes is refused without leaving a file.
@Suite struct CompactPDFTests {
    /// Two seed pages with a bookmark on each, written by cairo alone and packed.
    static func writeBoth(in folder: String) throws -> (cairo: String, packed: String) {
        let (page, _) = try PDFOutputTests.seedPage()
        let info = DocumentInfo(title: "预算绩效目标表", author: "东莞市财政局", subject: "对照", creationDate: "2026-01-01T00:00:00")
        let bookmarks = [Bookmark(title: "第一页", pageIndex: 0), Bookmark(title: "第二页", pageIndex: 1)]
        for (name, packs) in [("cairo.pdf", false), ("packed.pdf", true)] {
            let stream = try PDFStream(path: folder + "/" + name, info: info, fonts: EmbeddedFonts(.subsetFor([page], .embedding)))
            stream.packsObjects = packs
            try stream.add([page, page], bookmarks: bookmarks)
            try stream.finish()
        }
        return (folder + "/cairo.pdf", folder + "/packed.pdf")
    }

    static func size(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
    }

    @Test func thePackedFileReadsAsCairosOwnAndIsSmaller() throws {
        let folder = try temporaryFolder()
        let (cairo, packed) = try Self.writeBoth(in: folder)
        try QPDF.check(packed)
        #expect(try Poppler.text(of: packed) == Poppler.text(of: cairo))
        #expect(try Poppler.text(of: packed, layout: true) == Poppler.text(of: cairo, layout: true))
        #expect(try Poppler.fonts(of: packed) == Poppler.fonts(of: cairo))
        var (infoPacked, infoCairo) = (try Poppler.info(of: packed), try Poppler.info(of: cairo))
        for key in ["File size", "PDF version"] { infoPacked[key] = nil; infoCairo[key] = nil }
        #expect(infoPacked == infoCairo)
        #expect(infoPacked["Pages"] == "2" && infoPacked["Title"] == "预算绩效目标表")
        #expect(try QPDF.bookmarks(of: packed) == ["第一页 → p.1", "第二页 → p.2"])
        #expect(try QPDF.bookmarks(of: packed) == QPDF.bookmarks(of: cairo))
        // Every object of cairo's file is still there under its number, and the same, but for
        // the D: before the information dictionary's dates (ISO 32000-1 §7.9.4; cairo 1.16 leaves it out).
        let objects = try QPDF.crossReference(of: cairo).count
        var dated = 0
        for number in 1..<objects {
            let object = try QPDF.object(number, of: packed)
            if object.contains("/CreationDate (D:20260101") && object.contains("/ModDate (D:20260101") { dated += 1 }
            #expect(object.replacingOccurrences(of: "Date (D:", with: "Date (") == (try QPDF.object(number, of: cairo)), "object \(number)")
        }
        #expect(dated == 1)
        #expect(try Self.size(packed) < Self.size(cairo) - 1_000)
        let raw = try String(contentsOfFile: packed, encoding: .isoLatin1)
        #expect(raw.contains("/Type /XRef") && raw.contains("/Type /ObjStm"))
        #expect(!raw.contains("\nxref\n") && !raw.contains("trailer"))
        #expect(!raw.contains("/Type /Page"))  // the pages' dictionaries are compressed
    }

    @Test func packingIsDeterministicAndTheSameThroughEitherEntry() throws {
        let folder = try temporaryFolder()
        let (cairo, packed) = try Self.writeBoth(in: folder)
        try CompactPDF.compact(cairo, into: folder + "/again.pdf")
        try CompactPDF.compact(cairo, into: folder + "/once-more.pdf")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: packed))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/again.pdf")) == bytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/once-more.pdf")) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            == ["again.pdf", "cairo.pdf", "once-more.pdf", "packed.pdf"])
    }

    /// Stream data that spells `endstream` and `endobj`, and even a Length object, is kept whole;
    /// a string that spells them does not end its object; a stream, and an object of generation
    /// 1, stay outside the object streams.
    @Test func streamDataAndStringsThatSpellKeywordsAreKeptWhole() throws {
        let folder = try temporaryFolder()
        let pdf = SyntheticPDF.sample()
        let source = folder + "/cairo.pdf"
        try Data(pdf.bytes()).write(to: URL(fileURLWithPath: source))
        try QPDF.check(source)
        try CompactPDF.compact(source, into: folder + "/packed.pdf")
        let packed = folder + "/packed.pdf"
        try QPDF.check(packed)
        #expect(try QPDF.rawStreamData(3, of: packed) == Data(SyntheticPDF.content))
        #expect(try QPDF.rawStreamData(7, of: packed) == Data(SyntheticPDF.binary))
        for number in 1...8 {
            #expect(try QPDF.object(number, of: packed) == QPDF.object(number, of: source), "object \(number)")
        }
        let xref = try QPDF.crossReference(of: packed)
        for entry in ["3/0: uncompressed", "7/0: uncompressed", "8/1: uncompressed",
                      "1/0: compressed", "2/0: compressed", "4/0: compressed", "5/0: compressed", "6/0: compressed"] {
            #expect(xref.contains { $0.hasPrefix(entry) }, "\(entry) in \(xref)")
        }
        #expect(try Poppler.info(of: packed)["Title"] == "A ) endobj (nested) stream endstream")
    }

    /// A file cut short or not shaped as cairo writes gives the typed error, naming the file, and
    /// leaves nothing at the target.
    @Test(arguments: SyntheticPDF.broken())
    func aCutOrGarbledFileIsRefusedAndWritesNothing(_ broken: SyntheticPDF.Broken) throws {
        let folder = try temporaryFolder()
        let source = folder + "/cairo.pdf", target = folder + "/packed.pdf"
        try Data(broken.bytes).write(to: URL(fileURLWithPath: source))
        do {
            try CompactPDF.compact(source, into: target)
            Issue.record("\(broken.name): packed without an error")
        } catch let error as RenderError {
            guard case let .unexpectedPDF(path, _, problem) = error else {
                Issue.record("\(broken.name): \(error)"); return
            }
            #expect(path == target)
            #expect(problem.contains(broken.problem), "\(broken.name): \(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["cairo.pdf"])
    }

    /// The way PDFStream runs the pass: cairo's bytes, spilled to a file beside the target,
    /// and the packed file are both removed when the pass fails; nothing appears at the target.
    @Test func aPassThatFailsOnSpilledBytesLeavesNothing() throws {
        let folder = try temporaryFolder()
        let target = folder + "/out.pdf"
        let cut = try #require(SyntheticPDF.broken().first { $0.name == "cut in half" })
        do {
            let spool = SpooledOutput(spillPath: target + ".cairo", limit: cut.bytes.count / 2)
            #expect(cut.bytes.withUnsafeBytes { spool.append($0) })
            #expect(FileManager.default.fileExists(atPath: target + ".cairo"), "more than the limit is spilled")
            #expect(throws: RenderError.self) {
                try PendingFile.write(to: target) { temporary in
                    try spool.read { bytes, release in
                        try CompactPDF.rewrite(bytes, releasing: release, to: temporary, naming: target)
                    }
                }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// Below the limit cairo's bytes stay in memory, above it they are read back from the file:
    /// either way the packed PDF is the same.
    @Test func spilledAndHeldBytesPackTheSame() throws {
        let folder = try temporaryFolder()
        let source = try Self.writeBoth(in: folder).cairo
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source)))
        var packed: [Data] = []
        for limit in [bytes.count + 1, 1_000] {
            let spool = SpooledOutput(spillPath: folder + "/spill-\(limit)", limit: limit)
            // cairo writes in pieces; so does this.
            for start in stride(from: 0, to: bytes.count, by: 777) {
                #expect(bytes[start..<min(start + 777, bytes.count)].withUnsafeBytes { spool.append($0) })
            }
            let target = folder + "/packed-\(limit).pdf"
            try PendingFile.write(to: target) { temporary in
                try spool.read { try CompactPDF.rewrite($0, releasing: $1, to: temporary, naming: target) }
            }
            packed.append(try Data(contentsOf: URL(fileURLWithPath: target)))
        }
        #expect(packed[0] == packed[1])
        try CompactPDF.compact(source, into: folder + "/from-file.pdf")
        #expect(packed[0] == (try Data(contentsOf: URL(fileURLWithPath: folder + "/from-file.pdf"))))
    }
}
