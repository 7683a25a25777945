import Foundation
import Fonts
import Frames
import TestSupport
import Testing

/// Role chains with and without the user's fonts in a Fonts/ folder.
@Suite struct FontResolutionTests {
    static let notoSans = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

    func folder(withManifest json: String) throws -> String {
        let folder = try temporaryFolder()
        try json.write(toFile: folder + "/fonts.json", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func defaultsAreNotoSerifForSongAndNotoSansForHei() throws {
        let library = try FontLibrary(fontsDirectory: nil)
        let song = try library.chain(.song)
        #expect(song.links[0].face.familyNames.contains("Noto Serif CJK SC"))
        #expect(song.links[0].origin == .installed)
        let hei = try library.chain(.hei)
        #expect(hei.links[0].face.familyNames.contains("Noto Sans CJK SC"))
        // Each chain ends with the other role's faces, for per-glyph fallback.
        #expect(song.links.contains { $0.origin == .fallback && $0.face.familyNames.contains("Noto Sans CJK SC") })
    }

    @Test func boldPicksTheBoldFace() throws {
        let library = try FontLibrary(fontsDirectory: nil)
        let bold = try library.chain(.hei, weight: .bold).faces[0]
        let regular = try library.chain(.hei).faces[0]
        #expect(bold.ref.path.contains("Bold"))
        #expect(bold.ref != regular.ref)
    }

    @Test func fangsongWithoutItsOwnFontsBorrowsSongWithAWarning() throws {
        // A 仿宋 family no machine has, so that the test means the same everywhere.
        var families = DefaultFamilies.standard
        families.families[.fangsong] = ["formpress-test-no-such-FangSong"]
        let library = try FontLibrary(fontsDirectory: nil, defaults: families)
        let chain = try library.chain(.fangsong)
        #expect(chain.links.allSatisfy { $0.origin == .fallback })
        #expect(chain.faces[0].ref == (try library.chain(.song)).faces[0].ref)
        #expect(library.warnings == ["仿宋: none of formpress-test-no-such-FangSong is installed or listed in "
            + "Fonts/fonts.json; printing it with 宋体"])
    }

    /// Warnings about the user's fonts name the manifest that was read (`--fonts-dir`).
    @Test func aManifestWithoutABoldFaceIsNamedByItsPath() throws {
        let folder = try folder(withManifest: """
            {"faces": [{"role": "楷体", "file": "\(Self.notoSans)", "family": "Noto Sans CJK SC"}]}
            """)
        let library = try FontLibrary(fontsDirectory: folder)
        _ = try library.chain(.kai, weight: .bold)
        #expect(library.warnings.contains("楷体: \(folder)/fonts.json lists no bold face; bold text uses the regular one"), "\(library.warnings)")
    }

    @Test func aManifestFontComesFirstAndIsFoundByFamilyInsideACollection() throws {
        let folder = try folder(withManifest: """
            {"faces": [{"role": "楷体", "file": "\(Self.notoSans)", "family": "Noto Sans CJK SC"}]}
            """)
        let library = try FontLibrary(fontsDirectory: folder)
        let chain = try library.chain(.kai)
        #expect(chain.links[0].origin == .manifest)
        #expect(chain.links[0].face.ref.path == Self.notoSans)
        #expect(chain.links[0].face.familyNames.contains("Noto Sans CJK SC"))
        // The collection holds other faces (JP, KR, TC…); the one picked is not the first.
        #expect((FontFace.faceCount(path: Self.notoSans) ?? 0) > 1)
        #expect(library.warnings.isEmpty)
        // The song chain is not touched by a 楷体 entry.
        #expect(try library.chain(.song).links[0].origin == .installed)
    }

    /// A family the file does not hold, or a file that is no font, is named with its fonts.json
    /// entry as soon as the fonts are read, whether or not a form prints that role.
    @Test func aFamilyTheFileDoesNotHoldIsAnError() throws {
        let folder = try folder(withManifest: """
            {"faces": [{"role": "kai", "file": "\(Self.notoSans)", "family": "楷体_GB2312"}]}
            """)
        #expect { try FontLibrary(fontsDirectory: folder) } throws: { error in
            guard case let .invalidManifest(path, key, problem) = error as? FontError else { return false }
            return path == folder + "/fonts.json" && key == "faces[0].family"
                && problem.hasPrefix("\(Self.notoSans) holds no face of the family \"楷体_GB2312\" (it holds Noto Sans CJK JP, ")
        }
        let notAFont = try self.folder(withManifest: #"{"faces": [{"role": "song", "file": "fonts.json"}]}"#)
        #expect { try FontLibrary(fontsDirectory: notAFont) } throws: { error in
            String(describing: error) == "\(notAFont)/fonts.json: faces[0].file: \(notAFont)/fonts.json is not a readable font file"
        }
        // A collection cut short: its header reads, its faces do not.
        let cut = try self.folder(withManifest: #"{"faces": [{"role": "song", "file": "cut.ttc"}]}"#)
        try Data(try Data(contentsOf: URL(fileURLWithPath: Self.notoSans)).prefix(3000)).write(to: URL(fileURLWithPath: cut + "/cut.ttc"))
        #expect { try FontLibrary(fontsDirectory: cut) } throws: { error in
            String(describing: error) == "\(cut)/fonts.json: faces[0].file: \(cut)/cut.ttc is not a readable font file"
        }
    }

    @Test(arguments: [
        (#"{"faces": [{"role": "行书", "file": "x.ttf"}]}"#, "faces[0].role"),
        (#"{"faces": [{"role": "song", "file": "missing.ttf"}]}"#, "faces[0].file"),
        (#"{"faces": [{"role": "song", "file": "a.ttf", "size": 3}]}"#, "faces[0].size"),
        (#"{"faces": [{"role": "song", "file": "a.ttf", "weight": "heavy"}]}"#, "faces[0].weight"),
        (#"{"fonts": []}"#, "fonts"),
        (#"{"faces": "#, ""),
        (#"[{"role": "song"}]"#, "(top level)"),
    ])
    func aBrokenManifestNamesItsFileAndKey(json: String, key: String) throws {
        let folder = try folder(withManifest: json)
        #expect {
            try FontLibrary(fontsDirectory: folder)
        } throws: { error in
            guard case let .invalidManifest(path, badKey, _) = error as? FontError else { return false }
            return path == folder + "/fonts.json" && badKey == key
        }
    }

    @Test func subsettingRenumbersGlyphsCompactlyAndKeepsTheirShapes() throws {
        let library = try FontLibrary(fontsDirectory: nil)
        let face = try library.chain(.song).faces[0]
        let glyphs = Set("预算绩效目标表".unicodeScalars.compactMap { face.glyph(for: $0) })
        let subset = try FontSubsetter.subset(face.ref, glyphs: glyphs)
        // Outlines of a few glyphs, not of 65,535 (GSUB is copied whole, see the cut for cairo).
        #expect(try #require(tableLengths(subset.data)["CFF "]) < 50_000)
        // The map covers every kept glyph (the seven, .notdef, a few reached through GSUB),
        // numbered compactly from 0.
        #expect(subset.glyphMap.keys.count > glyphs.count)
        #expect(Set(subset.glyphMap.values) == Set(0..<UInt32(subset.glyphMap.count)))
        let path = try temporaryFolder() + "/subset.otf"
        try subset.data.write(to: URL(fileURLWithPath: path))
        let small = try FontFace(path: path, index: 0)
        for glyph in glyphs {
            let new = try #require(subset.glyphMap[glyph])
            #expect(abs(small.advance(of: new) - face.advance(of: glyph)) < 1e-9)
        }
    }

    @Test func subsettingByCharactersKeepsEveryGlyphShapingReaches() throws {
        let library = try FontLibrary(fontsDirectory: nil)
        let face = try library.chain(.song).faces[0]
        let text = "（2024年）“两委”干部：≥90%。"
        let subset = try FontSubsetter.subset(face.ref, glyphs: [], characters: Set(text.unicodeScalars))
        // Every glyph HarfBuzz shapes for the text (zh-Hans, with its locl forms) is in the subset.
        let shaped = face.shape(text.unicodeScalars.map(\.value), range: 0..<text.unicodeScalars.count)
        for glyph in shaped { #expect(subset.glyphMap[glyph.id] != nil, "glyph \(glyph.id) missing") }
    }

    /// The tables of an OpenType file and their lengths in bytes, from its table directory.
    func tableLengths(_ data: Data) -> [String: Int] {
        let bytes = [UInt8](data)
        let count = Int(bytes[4]) << 8 | Int(bytes[5])
        func number(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return Dictionary(uniqueKeysWithValues: (0..<count).map { index in
            let record = 12 + 16 * index
            return (String(decoding: bytes[record..<record + 4], as: UTF8.self), number(at: record + 12))
        })
    }

    func tables(_ data: Data) -> Set<String> { Set(tableLengths(data).keys) }

    @Test func aCutForCairoLeavesOutTheMapPositioningAndVerticalForms() throws {
        let library = try FontLibrary(fontsDirectory: nil)
        let face = try library.chain(.song).faces[0]
        let characters = Set("（一）项目名称：“两委”【试点】".unicodeScalars)
        let cut = try FontSubsetter.subset(face.ref, glyphs: [], characters: characters)
        let toShape = try FontSubsetter.subset(face.ref, glyphs: [], characters: characters, toShapeWith: true)
        #expect(tables(cut.data).isDisjoint(with: ["cmap", "GPOS", "vhea", "vmtx", "VORG"]))
        #expect(tables(cut.data).isSuperset(of: ["CFF ", "GSUB", "hmtx", "head"]))
        // GSUB is there for hb-subset to close over substitutions, and copied uncut: cairo never
        // reads it, and cutting it was a fifth of the cut's time.
        #expect(tableLengths(cut.data)["GSUB"] ?? 0 > tableLengths(toShape.data)["GSUB"] ?? 0)
        #expect(tables(toShape.data).isSuperset(of: ["cmap", "GPOS", "vmtx"]))
        // Brackets and quotes have vertical forms: the cut for cairo has none of them.
        #expect(Set(cut.glyphMap.keys).isStrictSubset(of: Set(toShape.glyphMap.keys)), "\(cut.glyphMap.count) \(toShape.glyphMap.count)")
    }
}
