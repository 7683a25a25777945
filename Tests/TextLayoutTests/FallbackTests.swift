import Foundation
import Fonts
import Frames
import TestSupport
import Testing
@testable import TextLayout

/// Per-glyph fallback along a role's chain, and characters no face has.
@Suite struct FallbackTests {
    /// A Fonts/ folder whose manifest gives 仿宋 a tiny font that has only 党 and 建.
    func foldersWithTinyFangsong() throws -> String {
        let folder = try temporaryFolder()
        let library = try FontLibrary(fontsDirectory: nil)
        let serif = try library.chain(.song).faces[0]
        let keep: Set<Unicode.Scalar> = ["党", "建"]
        let glyphs = Set(keep.compactMap { serif.glyph(for: $0) })
        let data = try FontSubsetter.subset(serif.ref, glyphs: glyphs, characters: keep, toShapeWith: true)
        try data.data.write(to: URL(fileURLWithPath: folder + "/tiny.otf"))
        try #"{"faces": [{"role": "仿宋", "file": "tiny.otf"}]}"#.write(toFile: folder + "/fonts.json", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func charactersOutsideTheFirstFaceComeFromTheNext() throws {
        let folder = try foldersWithTinyFangsong()
        let engine = try makeEngine(fontsDirectory: folder)
        let block = try engine.layout("党建工作经费", style: TextStyle(role: .fangsong), width: 200)
        let runs = block.lines[0].runs
        #expect(runs.count == 2)
        #expect(runs[0].face.path.hasSuffix("tiny.otf"))
        #expect(runs[0].text == "党建")
        #expect(runs[1].face.path.contains("NotoSerifCJK"))
        #expect(runs[1].text == "工作经费")
        // The second run starts where the first ends.
        #expect(abs(runs[1].origin.x - (runs[0].origin.x + runs[0].width)) < 1e-9)
    }

    @Test func aCharacterNoFaceHasIsAnErrorNamingItsCodeTextAndSource() throws {
        let engine = try makeEngine()
        #expect {
            try engine.layout("党员满意度😀", style: TextStyle(), width: 200, source: "forms[3].indicators[0].children[1]")
        } throws: { error in
            let message = String(describing: error)
            return message.contains("U+1F600") && message.contains("党员满意度")
                && message.hasPrefix("forms[3].indicators[0].children[1]: ")
        }
    }

    @Test func withTheBoxPolicyAMissingCharacterIsABoxAndAWarning() throws {
        let engine = try makeEngine(.drawBox)
        let block = try engine.layout("满意度😀≥90%", style: TextStyle(size: 10), width: 200)
        #expect(block.warnings == [.missingCharacter("😀", text: "满意度😀≥90%")])
        let boxes = block.lines[0].items.filter { if case .outline = $0 { return true } else { return false } }
        #expect(boxes.count == 1)
        // The text around the box is kept, and the box takes the room of one character.
        let runs = block.lines[0].runs
        #expect(runs.map(\.text) == ["满意度", "≥90%"])
        #expect(runs[1].origin.x - (runs[0].origin.x + runs[0].width) == 10)
    }
}
