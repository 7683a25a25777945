import Fonts
import Frames
import TestSupport
import Testing
@testable import TextLayout

@Suite struct ParagraphTests {
    let engine: TextEngine
    init() throws { engine = try makeEngine() }

    @Test func blockHeightIsLinesTimesLineAdvancePlusParagraphSpacing() throws {
        let style = TextStyle(size: 10, lineHeight: 1.5, paragraphSpacing: 4)
        let block = try engine.layout(SeedText.houjieGoal1 + "\n" + SeedText.houjieGoal2, style: style, width: 150)
        let paragraphEnds = block.lines.filter(\.endsParagraph).count
        #expect(paragraphEnds == 2)
        #expect(abs(block.height - (Double(block.lines.count) * 15 + 4)) < 1e-9)
        // Lines follow each other without overlap.
        for (a, b) in zip(block.lines, block.lines.dropFirst()) { #expect(b.top >= a.top + a.height - 1e-9) }
    }

    @Test func firstLineIndentMovesOnlyTheFirstLine() throws {
        let style = TextStyle(size: 10, alignment: .left, firstLineIndent: 2)
        let block = try engine.layout(SeedText.houjieGoal2, style: style, width: 150)
        #expect(block.lines.count > 2)
        #expect(abs((block.lines[0].runs.first?.origin.x ?? 0) - 20) < 1e-9)
        #expect(abs(block.lines[1].runs.first?.origin.x ?? -1) < 1e-9)
    }

    @Test func centredAndRightAlignedLinesSitInTheWidth() throws {
        let center = try engine.layout("财政拨款", style: TextStyle(size: 10, alignment: .center), width: 100)
        let right = try engine.layout("1,046.80", style: TextStyle(size: 10, alignment: .right), width: 100)
        let centerLine = center.lines[0]
        #expect(abs((centerLine.runs[0].origin.x) - (100 - centerLine.width) / 2) < 1e-9)
        let rightRun = right.lines[0].runs[0]
        #expect(abs(rightRun.origin.x + rightRun.width - 100) < 1e-9)
    }

    @Test func baselineSitsInsideTheLineBox() throws {
        let block = try engine.layout(SeedText.houjieGoal1, style: TextStyle(size: 10, lineHeight: 1.4), width: 120)
        for line in block.lines {
            for run in line.runs {
                #expect(run.origin.y - 8.8 >= line.top - 1e-9)  // em box top
                #expect(run.origin.y + 1.2 <= line.top + line.height + 1e-9)  // em box bottom
            }
        }
    }

    @Test func layoutIsDeterministicAcrossEngines() throws {
        let other = try makeEngine()
        for text in SeedText.paragraphs {
            let a = try engine.layout(text, style: TextStyle(), width: 123.4)
            let b = try other.layout(text, style: TextStyle(), width: 123.4)
            #expect(a == b)
        }
    }

    @Test func emptyTextHasNoLinesAndBlankParagraphsKeepTheirLine() throws {
        #expect(try engine.layout("", style: TextStyle(), width: 100) == .empty)
        let block = try engine.layout("目标1\n\n目标2", style: TextStyle(size: 10, lineHeight: 1.5), width: 100)
        #expect(block.lines.map(\.text) == ["目标1", "", "目标2"])
        #expect(block.height == 45)
    }

    @Test func controlCharactersAreErrorsNamingTheCode() throws {
        #expect {
            try engine.layout("部门\u{07}名称", style: TextStyle(), width: 100, source: "department")
        } throws: { error in
            String(describing: error).contains("U+0007") && String(describing: error).hasPrefix("department: ")
        }
        // C1 controls too (U+0085, NEL); a no-break space (U+00A0) is no control.
        #expect(throws: TextLayoutError.self) { try engine.layout("部门\u{85}名称", style: TextStyle(), width: 100) }
        #expect(try engine.layout("1\u{A0}046", style: TextStyle(), width: 100).lines.count == 1)
        // Windows line ends are newlines, not control characters.
        let block = try engine.layout("目标1\r\n目标2", style: TextStyle(), width: 100)
        #expect(block.lines.map(\.text) == ["目标1", "目标2"])
        // So is an old Mac line end, alone or before a Windows one.
        let mixed = try engine.layout("目标1\r目标2\r\r\n目标3", style: TextStyle(), width: 100)
        #expect(mixed.lines.map(\.text) == ["目标1", "目标2", "", "目标3"])
        // Word's line and paragraph separators too.
        let separated = try engine.layout("目标1\u{2028}目标2\u{2029}目标3", style: TextStyle(), width: 100)
        #expect(separated.lines.map(\.text) == ["目标1", "目标2", "目标3"])
    }

    /// Balancing never takes a narrower width that tears a number from its unit the cell's own
    /// width keeps whole (`约500 | 人/年`).
    @Test func balancingKeepsANumberWithItsUnit() throws {
        for width in stride(from: 44.0, through: 50.0, by: 2.0) {
            let block = try engine.layout("约500人/年", style: TextStyle(size: 10.5, alignment: .center), width: width)
            #expect(block.lines.map(\.text) == ["约", "500人/年"], "width \(width)")
        }
    }

    /// Text pasted from web pages and word processors carries characters with nothing to print:
    /// they are left out, and the line is set as without them (no font has a glyph for them).
    @Test func invisibleFormattingCharactersAreLeftOut() throws {
        let style = TextStyle(size: 10.5)
        let plain = try engine.layout("党建工作经费", style: style, width: 200)
        for invisible in ["\u{200B}", "\u{00AD}", "\u{FEFF}", "\u{200E}", "\u{2060}"] {
            let block = try engine.layout("\(invisible)党建\(invisible)工作经费", style: style, width: 200)
            #expect(block.lines.map(\.text) == ["党建工作经费"], "U+\(String(invisible.unicodeScalars.first?.value ?? 0, radix: 16))")
            #expect(block.lines.first?.width == plain.lines.first?.width)
        }
        // Joiners stay: shaping reads them.
        #expect(!Unicode.Scalar(0x200D)!.isInvisibleFormatting && !Unicode.Scalar(0xFE0F)!.isInvisibleFormatting)
    }

    @Test func textIsRebuiltFromScalarsOfEveryLength() {
        // One to four UTF-8 bytes each, and a combining mark.
        for text in ["", "a", "预算绩效", "a中\u{20000}e\u{301}", String(repeating: "【目标】", count: 200)] {
            #expect(String(scalars: Array(text.unicodeScalars)) == text)
            #expect(String(scalars: Array(text.unicodeScalars).dropFirst()).unicodeScalars.count == max(0, text.unicodeScalars.count - 1))
        }
    }

    @Test func centredLabelsWrapIntoBalancedLines() throws {
        // 6 characters in a cell 5 wide: 3 + 3, not 5 + 1, and the block stays centred.
        let block = try engine.layout("总体绩效目标", style: TextStyle(size: 10, alignment: .center), width: 52)
        #expect(block.lines.map(\.text) == ["总体绩", "效目标"])
        let run = block.lines[0].runs[0]
        #expect(abs(run.origin.x - (52 - 30) / 2) < 0.5)
    }

    /// Balancing a centred text narrows it only as far as it tears no word the full width keeps whole.
    @Test func balancingNeverTearsANumber() throws {
        let style = TextStyle(size: 10.5, lineHeight: 1.3, alignment: .center, wrappedAlignment: .justify)
        for width in stride(from: 70.0, through: 100.0, by: 1.0) {
            let block = try engine.layout("2,800,000.00元以上", style: style, width: width)
            #expect(block.warnings.isEmpty, "\(width): \(block.warnings)")
            #expect(block.lines.first?.text.hasPrefix("2,800,000.00") == true, "\(width): \(block.lines.map(\.text))")
        }
        // A word too wide for the cell is torn, and the warning gives the cell's width, not a trial's.
        let torn = try engine.layout("总体abcdefghijklmnopqrstuvwxyz", style: style, width: 90)
        #expect(!torn.warnings.isEmpty && torn.warnings.map(\.description).allSatisfy { $0.contains("(31.8 mm)") }, "\(torn.warnings)")
    }

    /// Short paragraphs, one line each, stay centred: only text that wraps is justified.
    @Test func shortParagraphsOfACentredCellStayCentred() throws {
        let style = TextStyle(size: 10.5, alignment: .center, wrappedAlignment: .justify)
        let block = try engine.layout("≥90%\n≥95%\n≥98%", style: style, width: 100)
        #expect(block.lines.map(\.text) == ["≥90%", "≥95%", "≥98%"])
        for line in block.lines { #expect(abs(line.left - (100 - line.width) / 2) < 1e-9, "\(line.text) at \(line.left)") }
    }

    /// In a narrow cell a first-line indent that would tear the first word (or leave no room
    /// for one character) is dropped for that paragraph; where the word fits beside it, it stays.
    @Test func anIndentNeverTearsTheFirstWord() throws {
        let style = TextStyle(size: 10, alignment: .justify, firstLineIndent: 2)
        for text in ["1,680,000元补助", "ISO9001认证", "（一）。培训人次"] {
            let block = try engine.layout(text, style: style, width: 48.8)
            #expect(block.warnings.isEmpty, "\(text): \(block.lines.map(\.text))")
            #expect(abs(block.lines[0].left) < 1e-9, "\(text) indented")
        }
        let narrow = try engine.layout("保障经费", style: TextStyle(size: 12, firstLineIndent: 3), width: 30)
        #expect(narrow.lines.map(\.text).joined() == "保障经费")
        let wide = try engine.layout("1,680,000元补助", style: style, width: 120)
        #expect(abs(wide.lines[0].left - 20) < 1e-9)
        // A word torn anyway, where the indent leaves no room for its first character: the
        // indent goes, and nothing fails (it reported "2" wider than the cell).
        for width in [17.0, 19.8, 22.7, 23.2, 23.5] {
            let torn = try engine.layout("2024年", style: TextStyle(size: 10.5, firstLineIndent: 2), width: width)
            #expect(torn.lines.map(\.text).joined() == "2024年", "width \(width)")
        }
    }

    /// A centred text balanced into narrower lines keeps its marks at full width: squeezing
    /// is for lines that would not fit the cell otherwise.
    @Test func balancedCentredTextIsNotSqueezed() throws {
        let text = "基本支出、项目支出、财政拨款、其他资金、事业发展性支出"
        let block = try engine.layout(text, style: TextStyle(size: 10, alignment: .center), width: 200)  // fits unsqueezed
        #expect(block.lines.count == 2)
        for line in block.lines {
            let natural = try engine.layout(line.text, style: TextStyle(size: 10, alignment: .left), width: 10_000)
            #expect(abs((line.right - line.left) - (natural.lines[0].right - natural.lines[0].left)) < 1e-6,
                    "\(line.text): \(line.left)…\(line.right), alone \(natural.lines[0].left)…\(natural.lines[0].right)")
        }
    }

    /// A tab pasted from a spreadsheet reads as a space (a cell has no tab stops).
    @Test func aTabIsASpace() throws {
        let block = try engine.layout("项目\t名称", style: TextStyle(size: 10), width: 200)
        #expect(block.lines.map(\.text) == ["项目 名称"])
    }

    @Test func centredTextOfThreeLinesOrMoreTakesItsWrappedAlignment() throws {
        let style = TextStyle(size: 10, alignment: .center, wrappedAlignment: .justify)
        let short = try engine.layout("≥90%", style: style, width: 100)
        #expect(abs(short.lines[0].left - (100 - short.lines[0].width) / 2) < 1e-9)
        let long = try engine.layout(SeedText.dalangAllowance, style: style, width: 100)
        #expect(long.lines.count >= 3)
        // Justified: every line starts at the left; all but the last fill the width, but for a
        // line of few gaps (`100元/月；2-3年：`) that ends short rather than open holes.
        for line in long.lines.dropLast() { #expect(abs(line.left) < 1e-9 && line.right < 100 + 0.05) }
        let full = long.lines.dropLast().filter { abs($0.right - 100) < 0.05 }
        #expect(full.count >= (long.lines.count - 1) * 2 / 3, "\(long.lines.map { ($0.text, $0.right) })")
    }
}
