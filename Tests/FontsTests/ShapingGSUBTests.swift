import Foundation
@testable import Fonts
import Frames
import Testing

/// The GSUB that hb-subset closes a cut over: a CJK face's, as simplified Chinese text sees it.
@Suite struct ShapingGSUBTests {
    static func tag(_ name: String) -> UInt32 { name.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// A table of face `index` of an OpenType file or collection, read from its directory.
    static func table(_ name: String, of face: FaceRef) throws -> [UInt8] {
        let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: face.path), options: .alwaysMapped))
        func u32(_ at: Int) -> Int { file[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let directory = u32(0) == Int(tag("ttcf")) ? u32(12 + 4 * face.index) : 0
        let count = u32(directory + 2) & 0xFFFF
        for record in (0..<count).map({ directory + 12 + 16 * $0 }) where u32(record) == Int(tag(name)) {
            return Array(file[u32(record + 8)..<u32(record + 8) + u32(record + 12)])
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    /// Each script of a GSUB with the tags of its language systems, in order.
    static func languageSystems(_ gsub: [UInt8]) -> [UInt32: [UInt32]] {
        func u16(_ at: Int) -> Int { Int(gsub[at]) << 8 | Int(gsub[at + 1]) }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) << 16 | UInt32(u16(at + 2)) }
        let list = u16(4)
        var systems: [UInt32: [UInt32]] = [:]
        for record in (0..<u16(list)).map({ list + 2 + 6 * $0 }) {
            let script = list + u16(record + 4)
            systems[u32(record)] = (0..<u16(script + 2)).map { u32(script + 4 + 6 * $0) }
        }
        return systems
    }

    func serif() throws -> FontFace { try FontLibrary(fontsDirectory: nil).chain(.song).faces[0] }

    @Test func simplifiedChineseIsShapedByItsOwnLanguageSystem() {
        #expect(ShapingGSUB.languageTags(FontFace.language) == [Self.tag("ZHS ")])
        #expect(ShapingGSUB.languageSystems(FontFace.language) == [Self.tag("ZHS "), Self.tag("dflt")])
    }

    @Test func everyScriptKeepsOnlyTheSimplifiedChineseSystemAndNoOffsetMoves() throws {
        let gsub = try Self.table("GSUB", of: try serif().ref)
        let before = Self.languageSystems(gsub)
        let han = try #require(before[Self.tag("hani")])
        #expect(Set(han).isSuperset(of: ["JAN ", "KOR ", "ZHS ", "ZHT "].map(Self.tag)))

        let keep = [Self.tag("ZHS "), Self.tag("dflt")]
        var kept = gsub
        #expect(kept.withUnsafeMutableBytes { ShapingGSUB.keep(keep, in: $0) })
        let after = Self.languageSystems(kept)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (script, systems) in after {
            let expected = before[script]?.filter(keep.contains) ?? []
            #expect(systems == expected, "script \(script)")
        }
        // The features, lookups and language system tables themselves are untouched.
        let featureList = Int(gsub[6]) << 8 | Int(gsub[7])
        #expect(kept.count == gsub.count)
        #expect(kept[featureList...] == gsub[featureList...])
    }

    @Test func unreadableTablesAreLeftAlone() {
        var empty: [UInt8] = []
        #expect(!empty.withUnsafeMutableBytes { ShapingGSUB.keep([Self.tag("ZHS ")], in: $0) })
        // A script list pointing past the end of the table.
        var truncated: [UInt8] = [0, 1, 0, 0, 0, 10, 0, 0, 0, 0]
        #expect(!truncated.withUnsafeMutableBytes { ShapingGSUB.keep([Self.tag("ZHS ")], in: $0) })
    }

    @Test func aCutForCairoHoldsNoOtherLanguagesLocalForms() throws {
        let face = try serif()
        // Hanzi whose Japanese, Korean or traditional forms differ, and a quote whose
        // simplified Chinese form is a local one.
        let text = "直骨写角过“说”"
        let scalars = text.unicodeScalars.map(\.value)
        let cut = try FontSubsetter.subset(face.ref, glyphs: [], characters: Set(text.unicodeScalars))
        let shaped = Set(face.shape(scalars, range: 0..<scalars.count).map(\.id))
        // Exactly the glyphs shaping gives, and .notdef.
        #expect(Set(cut.glyphMap.keys) == shaped.union([0]))
        let toShape = try FontSubsetter.subset(face.ref, glyphs: [], characters: Set(text.unicodeScalars), toShapeWith: true)
        #expect(toShape.glyphMap.count > cut.glyphMap.count + 5)
    }
}
