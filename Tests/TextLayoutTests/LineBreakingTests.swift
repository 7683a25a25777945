import Fonts
import Frames
import TestSupport
import Testing
@testable import TextLayout

/// Seed paragraphs at many widths: every produced line keeps the Chinese line-breaking rules.
@Suite struct LineBreakingTests {
    let engine: TextEngine
    init() throws { engine = try makeEngine() }

    static let widths = stride(from: 42.0, through: 330.0, by: 3.7).map { $0 }

    @Test func noLineStartsOrEndsWithAForbiddenMark() throws {
        var checkedLines = 0
        for text in SeedText.paragraphs {
            for width in Self.widths {
                let block = try engine.layout(text, style: TextStyle(size: 10.5), width: width)
                for (index, line) in block.lines.enumerated() where !line.text.isEmpty {
                    let scalars = Array(line.text.unicodeScalars)
                    if index > 0 {
                        #expect(!forbiddenAtLineStart.contains(scalars[0]),
                                "line starts with \(scalars[0]) at width \(width): \(line.text)")
                    }
                    if !line.endsParagraph {
                        #expect(!forbiddenAtLineEnd.contains(scalars[scalars.count - 1]),
                                "line ends with \(scalars[scalars.count - 1]) at width \(width): \(line.text)")
                    }
                    checkedLines += 1
                }
            }
        }
        #expect(checkedLines > 5000)
    }

    @Test func noTextIsLostOrRepeated() throws {
        for text in SeedText.paragraphs {
            for width in Self.widths {
                let block = try engine.layout(text, style: TextStyle(size: 10.5), width: width)
                let joined = block.lines.map(\.text).joined()
                #expect(joined.withoutWhitespace == text.withoutWhitespace, "width \(width)")
                let runText = block.lines.flatMap(\.runs).map(\.text).joined()
                #expect(runText.withoutWhitespace == text.withoutWhitespace)
            }
        }
    }

    @Test func numbersUnitsAndLatinStayWhole() throws {
        let style = TextStyle(size: 10.5, alignment: .left)  // justified text may tear a unit: see below
        for text in SeedText.paragraphs {
            for width in Self.widths {
                let block = try engine.layout(text, style: style, width: width)
                for token in SeedText.unbreakables where text.contains(token) {
                    // A token is allowed to break only if it cannot fit on one line at all.
                    guard width >= Double(token.unicodeScalars.count) * style.size else { continue }
                    // Every occurrence whole on one line, not only one of them.
                    func count(_ line: String) -> Int { line.components(separatedBy: token).count - 1 }
                    #expect(block.lines.reduce(0) { $0 + count($1.text) } == count(text),
                            "\(token) torn at width \(width): \(block.lines.map(\.text))")
                }
            }
        }
    }

    /// A unit of more than one character after a number is one unit (`862人|次` read as 862
    /// people); after a classifier (`2个班次`) or no number it is ordinary text.
    @Test func compoundUnitsAfterANumberAreFound() throws {
        func units(_ text: String) -> [String] {
            let scalars = Array(text.unicodeScalars)
            return BreakRules.compoundUnitsAfterNumbers(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(units("约862人次，≥8800人次") == ["人次", "人次"])
        #expect(units("3.5万人次、120 平方米") == ["人次", "平方米"])
        #expect(units("开办2个班次，参加人次") == [])
        // Where the line cannot hold number and unit, the number goes first: `33|公里`, not `33公|里`.
        for width in stride(from: 30.0, through: 60.0, by: 1.5) {
            let lines = try engine.layout("全程约33公里", style: TextStyle(size: 10.5, alignment: .justify), width: width).lines.map(\.text)
            #expect(!lines.contains { $0.hasSuffix("公") }, "\(lines) at \(width)")
        }
    }

    /// Where a number and its unit cannot share a line with what is glued to them, the number
    /// is torn from its unit on a line of its own, not left behind on a line alone
    /// (`了 92 | 平方米》……`, not `了 | 92 | 平方米》……`), and the unit is not torn (`平方|米`).
    @Test func aNumberThatMustBeTornFromItsUnitIsTornOnAFullLine() throws {
        let lines = try engine.layout("认真落实。建设进一步加强了92 平方米》……", style: TextStyle(size: 11, alignment: .justify), width: 70.2)
            .lines.map(\.text)
        #expect(lines.suffix(2) == ["了92", "平方米》……"], "\(lines)")
    }

    /// A justified line fills its width exactly, widening no gap by more than half an em; a
    /// line of few gaps that would need more ends short instead, its gaps at half an em.
    @Test func justifiedLinesFillTheWidthWithoutHoles() throws {
        let fonts = engine.fonts
        var filled = 0, short = 0
        for text in SeedText.paragraphs {
            for width in Self.widths {
                let size = 10.5
                let block = try engine.layout(text, style: TextStyle(size: size, alignment: .justify), width: width)
                for line in block.lines where !line.endsParagraph {
                    // A line of one character, or of Latin text only, has no gap to widen.
                    guard let run = line.runs.last, let glyph = run.glyphs.last, line.text.count > 1,
                          line.text.unicodeScalars.contains(where: { $0.value >= 0x3000 }) else { continue }
                    var advance = try fonts.face(run.face).advance(of: glyph.id) * run.size
                    let last = line.text.unicodeScalars.last!
                    if "。，、；：！？）》」』”’".unicodeScalars.contains(last), advance >= 0.9 * run.size {
                        advance /= 2  // set at half width at the line end
                    }
                    let rightEdge = run.origin.x + glyph.x + advance
                    #expect(rightEdge <= width + 0.05, "line ends at \(rightEdge) of \(width): \(line.text)")
                    // How much wider than its advance each glyph's place is.
                    let placed = try line.runs.flatMap { run in
                        try run.glyphs.map { (x: run.origin.x + $0.x, advance: try fonts.face(run.face).advance(of: $0.id) * run.size) }
                    }
                    let widest = zip(placed, placed.dropFirst()).map { $1.x - $0.x - $0.advance }.max() ?? 0
                    #expect(widest <= size / 2 + 1e-6, "a gap widened by \(widest) at width \(width): \(line.text)")
                    // Only gaps beside Chinese characters take all that is left; spaces between
                    // numbers (`(人/年) ≥ 300；`) widen by half an em at most, and 万元 not at all.
                    let scalars = Array(line.text.unicodeScalars)
                    let hasChineseGap = zip(scalars, scalars.dropFirst()).contains { a, b in
                        BreakRules.isHan(a) && BreakRules.isHan(b) && !BreakRules.numberMultipliers.contains(a)
                    }
                    guard hasChineseGap else { continue }
                    if abs(rightEdge - width) < 0.05 {
                        filled += 1
                    } else {
                        #expect(widest > size / 2 - 1e-6, "line ends at \(rightEdge) of \(width) with gaps to widen: \(line.text)")
                        short += 1
                    }
                }
            }
        }
        #expect(filled > 2000 && short < filled / 10, "\(filled) lines filled, \(short) short")
    }

    /// A paragraph's last line is not one character alone (孤字, `水|平。`, `保|障`) where the
    /// line before can spare its last character (ending in two Han characters) and stay at
    /// least two-thirds full, and, justified, widen no gap by more than a quarter em.
    @Test func aLastLineHoldsMoreThanOneCharacter() throws {
        func isLone(_ line: String) -> Bool {
            let letters = line.unicodeScalars.filter { !"。，、；：！？）》」』”’".unicodeScalars.contains($0) }
            return letters.count == 1 && letters.allSatisfy(BreakRules.isHan)
        }
        var lone = 0, paragraphs = 0
        for text in SeedText.paragraphs + [SeedText.dongkengMaterialsGoal, SeedText.dalangTask2Name] {
            for width in Self.widths {
                for alignment in [TextAlignment.justify, .left] {
                    let block = try engine.layout(text, style: TextStyle(size: 10.5, alignment: alignment), width: width)
                    guard block.lines.count >= 2, let last = block.lines.last else { continue }
                    paragraphs += 1
                    let before = block.lines[block.lines.count - 2]
                    let ending = before.text.unicodeScalars.suffix(2)  // two Han characters: a break between them
                    // Without its last character the line before is left this much short.
                    let short = width - (before.width - 10.5)
                    // Gaps between two Han characters (万元 aside) widen; the line loses its last.
                    let kept = Array(before.text.unicodeScalars.dropLast())
                    let gaps = Double(zip(kept, kept.dropFirst()).filter { a, b in
                        BreakRules.isHan(a) && BreakRules.isHan(b) && !BreakRules.numberMultipliers.contains(a)
                    }.count)
                    let canSpare = short <= width / 3 && (alignment != .justify || short <= 10.5 / 4 * gaps)
                    #expect(!(isLone(last.text) && canSpare && ending.count == 2 && ending.allSatisfy(BreakRules.isHan)),
                            "\(before.text) | \(last.text) at width \(width)")
                    if isLone(last.text) { lone += 1 }
                    if text == SeedText.dongkengMaterialsGoal || text == SeedText.dalangTask2Name {
                        #expect(!isLone(last.text) || width < 80, "\(before.text) | \(last.text) at width \(width)")
                    }
                }
            }
        }
        #expect(paragraphs > 1500 && lone * 50 < paragraphs, "\(lone) lone characters in \(paragraphs) paragraphs")
    }

    /// A justified line gives its last character to a lone last line only if its gaps stay within
    /// a quarter em: at 60.5 pt `…生活保障机 | 制。` stays (the line would be left 1.4 em short over
    /// 3 gaps); set flush left, the paragraph ends on more than one character.
    @Test func aJustifiedLineSparesACharacterOnlyIfItStaysTight() throws {
        let justified = try engine.layout(SeedText.dalangTask3Goal, style: TextStyle(size: 10.5, alignment: .justify), width: 60.5)
        #expect(justified.lines.last?.text == "制。", "\(justified.lines.suffix(2).map(\.text))")
        let left = try engine.layout(SeedText.dalangTask3Goal, style: TextStyle(size: 10.5, alignment: .left), width: 60.5)
        #expect((left.lines.last?.text.count ?? 0) > 2, "\(left.lines.suffix(2).map(\.text))")
    }

    /// A line that ends before a kerned pair (`スー|パ`, `AV|A`) is as wide as its last glyph
    /// alone: measured with the kern to the next line's first glyph, it was drawn past its width.
    @Test func aLineEndingInAKernedPairStaysInsideItsWidth() throws {
        let fonts = engine.fonts
        var kernedEnds = 0
        for text in ["测试スーパー测试スーパー测试", "试AVAVAVAVAVAVAV测试", "项目To Tw Ty Va We Yo完成"] {
            for width in stride(from: 30.0, through: 160.0, by: 0.5) {
                for alignment in [TextAlignment.justify, .right, .left] {
                    let block = try engine.layout(text, style: TextStyle(size: 10.5, alignment: alignment), width: width)
                    for line in block.lines.dropLast() {
                        guard let run = line.runs.last, let glyph = run.glyphs.last else { continue }
                        let rightEdge = run.origin.x + glyph.x + (try fonts.face(run.face).advance(of: glyph.id)) * run.size
                        #expect(rightEdge <= max(width, line.right) + 0.01, "\(line.text) ends at \(rightEdge) of \(width)")
                        if "AVTwyoWaeスー".contains(line.text.last ?? " ") { kernedEnds += 1 }
                    }
                }
            }
        }
        #expect(kernedEnds > 100)
    }

    /// A number keeps its unit in a justified line too: the line before it ends short rather
    /// than open holes wider than half an em (`①社　　　工：`) or tear `11.92` from `万元/人/年`.
    @Test func aJustifiedLineKeepsANumberWithItsUnit() throws {
        for width in stride(from: 80.0, through: 100.0, by: 5.0) {
            for alignment in [TextAlignment.justify, .left] {
                let block = try engine.layout(SeedText.dalangHiringCost, style: TextStyle(size: 10, alignment: alignment), width: width)
                #expect(block.lines[0].text == "①社工：", "width \(width): \(block.lines.map(\.text))")
                #expect(block.lines[1].text.hasPrefix("11.92万元/人/年"))
                #expect(block.lines[0].right - block.lines[0].left < 40 + 2 * 5 + 1e-6, "\(block.lines[0].right)")
            }
        }
    }

    /// A justified line whose only gaps are spaces between numbers (a formula's
    /// `3500 × 12 × 0.1 =`) widens each space until it is half an em wide at most
    /// (typesetting.md §3.4).
    @Test func spacesInAFormulaAreHalfAnEmAtMost() throws {
        let size = 10.5
        func naturalWidth(_ text: String) throws -> Double {
            let line = try engine.layout(text, style: TextStyle(size: size), width: 10_000).lines[0]
            return line.right - line.left
        }
        let space = try naturalWidth("0 0") - naturalWidth("00")
        #expect(space > 0.2 * size && space < 0.3 * size)
        var checked = 0
        for width in Self.widths {
            let block = try engine.layout(SeedText.suixiTask15, style: TextStyle(size: size, alignment: .justify), width: width)
            for line in block.lines where !line.endsParagraph && !line.text.unicodeScalars.contains(where: BreakRules.isHan) {
                let spaces = line.text.trimmingCharacters(in: .whitespaces).filter { $0 == " " }.count
                guard spaces > 0 else { continue }
                let stretch = (line.right - line.left) - (try naturalWidth(line.text.trimmingCharacters(in: .whitespaces)))
                #expect(stretch <= Double(spaces) * (size / 2 - space) + 1e-6, "\(line.text) widened by \(stretch) at width \(width)")
                checked += 1
            }
        }
        #expect(checked > 5)
    }

    @Test func lineEndPunctuationTakesHalfWidth() throws {
        // "…管理；" then the next clause: find a width where a line ends with ；
        let text = SeedText.houjieGoal1
        var found = false
        for width in Self.widths {
            let block = try engine.layout(text, style: TextStyle(size: 10), width: width)
            for line in block.lines where !line.endsParagraph && line.text.hasSuffix("；") {
                // The line ends half an em after the ；'s origin, not a whole em.
                guard let mark = placedScalars(line).last else { continue }
                #expect(mark.scalar == "；")
                #expect(abs(line.right - (mark.x + 5)) < 1e-6, "\(line.text): ends at \(line.right), ； at \(mark.x)")
                found = true
            }
        }
        #expect(found)
    }

    /// Reduce before expanding (typesetting.md §3.4): a line takes one more character by
    /// squeezing its pause marks toward half width, not its stops; the rest moves to the next
    /// line only when they cannot give up enough.
    @Test func aLineSqueezesItsPauseMarksToTakeOneMoreCharacter() throws {
        let text = "活动、表彰、期刊印刷等。"  // seed 002, 任务6: 12 em, 11.5 with its line-end 。 at half width
        let style = TextStyle(size: 10, alignment: .justify)
        let squeezed = try engine.layout(text, style: style, width: 112)
        #expect(squeezed.lines.map(\.text) == [text])
        let placed = squeezed.lines.flatMap(placedScalars)
        let pauses = placed.indices.dropLast().filter { placed[$0].scalar == "、" }.map { placed[$0 + 1].x - placed[$0].x }
        #expect(pauses.count == 2 && pauses.allSatisfy { abs($0 - 8.5) < 1e-6 }, "\(pauses)")  // 0.3 em out of the two
        #expect(abs(squeezed.lines[0].right - 112) < 1e-6)
        // Squeezed to half width, the two 、 win back one em at most: 10.5 em do not fit 10.4.
        #expect(try engine.layout(text, style: style, width: 104).lines.count == 2)
        // Stops are not squeezed: 12 characters and stops need their 11.5 em.
        #expect(try engine.layout("活动。表彰。期刊印刷等。", style: style, width: 112).lines.count == 2)
    }

    /// 标点挤压: two full-width marks side by side take 1.5 em; three (》、《) take 2.
    @Test func adjacentMarksGiveUpTheBlankHalfBetweenThem() throws {
        let size = 10.0
        func positions(_ text: String) throws -> [(scalar: Unicode.Scalar, x: Double)] {
            let block = try engine.layout(text, style: TextStyle(size: size), width: 2000)
            #expect(block.lines.count == 1)
            return block.lines.flatMap(placedScalars)
        }
        func gap(_ placed: [(scalar: Unicode.Scalar, x: Double)], after marks: String) -> [Double] {
            let pattern = Array(marks.unicodeScalars)
            return placed.indices.dropLast(pattern.count).filter { i in
                placed[i..<i + pattern.count].map(\.scalar) == pattern
            }.map { placed[$0 + pattern.count].x - placed[$0].x }
        }
        let titles = try positions(SeedText.dongkengNewspapers)
        #expect(gap(titles, after: "》、《") == Array(repeating: 2 * size, count: 4))  // 》 and 、 give up a half each
        #expect(gap(titles, after: "报》") == Array(repeating: 1.5 * size, count: 3))  // 报 1 em, 》 half
        #expect(gap(titles, after: "东莞") == [2 * size])  // between characters, nothing changes
        let quoted = try positions(SeedText.dongguanGoal3)
        #expect(gap(quoted, after: "”，") == [1.5 * size, 1.5 * size])
        // An opening mark gives up its blank left half, its ink moved left: （“ takes 1.5 em.
        let opening = try positions("社区（“两委”）干部")
        #expect(gap(opening, after: "（") == [0.5 * size])  // “ drawn half an em to the left
        #expect(gap(opening, after: "（“") == [1.5 * size])
        #expect(gap(opening, after: "”）") == [1.5 * size])
        #expect(gap(opening, after: "委”）") == [2.5 * size])
        // Three opening marks: the second and the third each give up their blank left half.
        let nested = try positions("依据（“《预算法》”）执行")
        #expect(gap(nested, after: "（“《") == [2 * size])
        #expect(gap(nested, after: "》”）") == [2 * size])
    }

    @Test func aNumberKeepsItsUnitUnlessTooNarrow() throws {
        let text = "全年组织开展系列专题培训12期。"
        for width in stride(from: 40.0, through: 160.0, by: 1.0) {
            let lines = try engine.layout(text, style: TextStyle(size: 10), width: width).lines.map(\.text)
            for (a, b) in zip(lines, lines.dropFirst()) {
                #expect(!(a.hasSuffix("12") && b.hasPrefix("期")), "12|期 torn at \(width): \(lines)")
            }
        }
        // In a cell narrower than "12期" the unit may go to the next line, and nothing is lost.
        let narrow = try engine.layout("12期", style: TextStyle(size: 10), width: 14).lines.map(\.text)
        #expect(narrow.joined() == "12期")
    }

    /// Spaces at a break are dropped, so the marks beside them must keep the rules too:
    /// `① ` does not end a line, nor `　·` start one; 万元 is one word wherever it stands.
    @Test func marksBesideSpacesAndTheWordWanYuanKeepTheRules() throws {
        let texts = ["为村（社区）办公经费提供经费保障① 村（社区）书记主任退岗补贴",
                     "着力打造“霞熠竹溪红”　·开展党员志愿活动", "每人400元/ 月的补助标准按月发放到位",
                     "单位：万元\n拟投入的资金（万元）期望达到的目标"]
        for text in texts {
            for width in stride(from: 42.0, through: 300.0, by: 0.75) {
                let lines = try engine.layout(text, style: TextStyle(size: 10.5), width: width).lines.map(\.text)
                for (line, next) in zip(lines, lines.dropFirst()) {
                    #expect(!"①/《“".unicodeScalars.contains { line.unicodeScalars.last == $0 }, "\(width): \(line) | \(next)")
                    #expect(!"·）".unicodeScalars.contains { next.unicodeScalars.first == $0 }, "\(width): \(line) | \(next)")
                    #expect(!(line.hasSuffix("万") && next.hasPrefix("元")), "\(width): \(line) | \(next)")
                }
            }
        }
    }

    /// Justification: 万元 is one unit, not spaced out, where 千家万户 is four characters; the
    /// spaces around a formula's operator widen alike, each once (after it, not before).
    @Test func stretchableGapsKnowUnitsAndOperators() {
        func gap(_ text: String, before i: Int) -> Bool { BreakRules.isStretchableGap(Array(text.unicodeScalars), before: i) }
        #expect(!gap("11.92万元", before: 6) && !gap("（万元）", before: 2) && !gap("3 万人", before: 3))
        #expect(gap("千家万户", before: 3) && gap("千家万户", before: 2))
        #expect(gap("6 × 0.1", before: 2) && gap("6 × 0.1", before: 4))
        #expect(!gap("6 × 0.1", before: 1) && !gap("6 × 0.1", before: 3) && !gap("91391 户", before: 5) && gap("91391 户", before: 6))
    }

    /// A list's number stays with its item (`2. 开展`), wherever a line of four em or more
    /// has another break, justified (where a number may leave its unit to avoid holes) too.
    @Test func aListNumberStaysWithItsItem() throws {
        var checked = 0
        for text in SeedText.paragraphs {
            for width in Self.widths where width >= 42 {
                let lines = try engine.layout(text, style: TextStyle(size: 10.5), width: width).lines.map(\.text)
                for (line, next) in zip(lines, lines.dropFirst()) {
                    let end = Array(line.trimmingCharacters(in: .whitespaces).unicodeScalars.suffix(2))
                    guard end.count == 2, end[1] == ".", ("0"..."9").contains(end[0]) else { continue }
                    Issue.record("list number torn from its item at \(width): \(line) | \(next)")
                }
                checked += lines.count
            }
        }
        #expect(checked > 1000)
    }

    /// ICU takes full-width digits for ideographs: a number of them is still never broken, nor
    /// spaced out by justification, nor a connector mark (～) given space around it.
    @Test func fullWidthNumbersStayWholeAndUnstretched() throws {
        let text = "全年完成２０２４年度任务１２３４５件，时间为２０２４年１月～１２月。"
        var justified = 0
        for width in stride(from: 60.0, through: 200.0, by: 1.0) {
            let block = try engine.layout(text, style: TextStyle(size: 10, alignment: .justify), width: width)
            #expect(block.lines.map(\.text).joined() == text)
            for (a, b) in zip(block.lines, block.lines.dropFirst()) {
                #expect(!(a.text.unicodeScalars.last.map(BreakRules.isDigit) == true
                          && b.text.unicodeScalars.first.map(BreakRules.isDigit) == true),
                        "a number torn at \(width): \(block.lines.map(\.text))")
            }
            for line in block.lines where !line.endsParagraph {
                let placed = placedScalars(line)
                for (a, b) in zip(placed, placed.dropFirst())
                where (BreakRules.isDigit(a.scalar) && BreakRules.isDigit(b.scalar)) || a.scalar == "～" {
                    #expect(abs(b.x - a.x - 10) < 1e-6, "\(a.scalar)\(b.scalar) spaced out at \(width): \(line.text)")
                    justified += 1
                }
            }
        }
        #expect(justified > 100)
    }

    /// Justification widens the gaps between characters, not the tight side of a mark: after
    /// 《 or “, before 》, ， or 。 the gap is as in the unjustified line (where the line has
    /// other gaps to widen).
    @Test func justificationKeepsMarksTightToTheirText() throws {
        let text = "落实《2019—2023年全国党员教育培训工作规划》要求，组织“两委”干部开展专题培训。"
        var compared = 0
        for width in stride(from: 60.0, through: 200.0, by: 1.0) {
            let justified = try engine.layout(text, style: TextStyle(size: 10, alignment: .justify), width: width)
            let plain = try engine.layout(text, style: TextStyle(size: 10, alignment: .left), width: width)
            for (line, unstretched) in zip(justified.lines, plain.lines) where !line.endsParagraph && line.text == unstretched.text {
                let placed = placedScalars(line), natural = placedScalars(unstretched)
                guard placed.count == natural.count, placed.count > 3 else { continue }
                for i in 1..<placed.count where "《“".unicodeScalars.contains(placed[i - 1].scalar)
                    || "》”，。".unicodeScalars.contains(placed[i].scalar) {
                    #expect(abs((placed[i].x - placed[i - 1].x) - (natural[i].x - natural[i - 1].x)) < 1e-6,
                            "\(placed[i - 1].scalar)\(placed[i].scalar) spaced out at \(width): \(line.text)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50)
    }

    /// Each scalar of a line with the x where its cluster is drawn.
    private func placedScalars(_ line: TextLine) -> [(scalar: Unicode.Scalar, x: Double)] {
        line.runs.flatMap { run in
            var glyph = 0
            var scalars = run.text.unicodeScalars.makeIterator()
            return run.clusters.flatMap { cluster -> [(scalar: Unicode.Scalar, x: Double)] in
                var bytes = 0, members: [(scalar: Unicode.Scalar, x: Double)] = []
                while bytes < cluster.utf8Count, let scalar = scalars.next() {
                    members.append((scalar, run.origin.x + run.glyphs[glyph].x))
                    bytes += UTF8.width(scalar)
                }
                glyph += cluster.glyphCount
                return members
            }
        }
    }

    /// A number after a Chinese quotation starts a line rather than be torn from its unit
    /// (`称’3` / `万人`), and small kana never start one, after a bracket neither (`）` / `ッ`).
    @Test func quotesBeforeNumbersAndSmallKanaBreakByTheRules() throws {
        for width in stride(from: 40.0, through: 120.0, by: 2.0) {
            let lines = try engine.layout("单位名称‘简称’3万人测试", style: TextStyle(size: 10.5, alignment: .justify), width: width).lines.map(\.text)
            for (a, b) in zip(lines, lines.dropFirst()) {
                #expect(!(a.hasSuffix("3") && b.hasPrefix("万")), "3 torn from 万人 at \(width): \(lines)")
            }
            let kana = try engine.layout("除节假日外一二三四平方米）ッ；测试", style: TextStyle(size: 10.5, alignment: .justify), width: width).lines.map(\.text)
            #expect(!kana.dropFirst().contains { $0.hasPrefix("ッ") }, "ッ starts a line at \(width): \(kana)")
        }
        // Latin text keeps its apostrophes: `it’9` does not break after ’ (no Chinese before it).
        let latin = BreakRules.opportunities(Array("it’9".unicodeScalars), icu: [])
        #expect(latin[3] == nil)
    }

    /// Each character is placed right of the one before it, so that text read by position (a
    /// copy, a screen reader, pdftotext) reads in order: a squeezed opening bracket after a
    /// narrow letter (`WiFi（含税）`) was moved left of it.
    @Test func charactersArePlacedInReadingOrder() throws {
        for text in SeedText.paragraphs + ["网络服务费用包括接入WiFi（含税）、Internet（宽带）和GDP（国内生产总值）统计，按月支付。"] {
            for width in Self.widths {
                let block = try engine.layout(text, style: TextStyle(size: 10.5, alignment: .justify), width: width)
                for line in block.lines {
                    let placed = placedScalars(line)
                    for (a, b) in zip(placed, placed.dropFirst()) {
                        #expect(b.x >= a.x - 1e-6, "\(b.scalar) placed before \(a.scalar) at \(width): \(line.text)")
                    }
                }
            }
        }
    }

    @Test func openingQuotesStayWithTheirWords() throws {
        for width in stride(from: 60.0, through: 200.0, by: 2.0) {
            let block = try engine.layout(SeedText.dongguanGoal3, style: TextStyle(size: 10.5), width: width)
            for line in block.lines {
                #expect(!line.text.hasSuffix("“"))
                #expect(!line.text.hasPrefix("”"))
            }
        }
    }

    @Test func aLongWordBreaksByCharacterAsLastResort() throws {
        let url = "https://czj.dg.gov.cn/attachment/0/123/456789/performance-targets-2024.pdf"
        let block = try engine.layout(url, style: TextStyle(size: 10), width: 80)
        #expect(block.lines.count > 1)
        #expect(block.lines.map(\.text).joined() == url)
        for line in block.lines { #expect(line.width <= 80 + 1e-6) }
    }

    @Test func aWordTornAsALastResortIsAWarningNamingIt() throws {
        // An amount wider than its column: torn, and said so (its pieces could be read as two).
        let amount = try engine.layout("1234567890123456789012345.00", style: TextStyle(size: 10.5), width: 60)
        #expect(amount.lines.count > 1)
        #expect(amount.warnings.map(\.description)
            == ["\"1234567890123456789012345.00\" is wider than its cell (21.2 mm) and is broken inside it"])
        // One warning a torn word, however many lines it runs over, naming the piece between its
        // break opportunities; each torn word of a paragraph gets its own.
        let url = "https://czj.dg.gov.cn/attachment/0/123/456789/performance-targets-2024.pdf"
        let block = try engine.layout(url, style: TextStyle(size: 10), width: 80)
        #expect(block.lines.count > 2)
        #expect(block.warnings.count == 1)
        if case let .brokenWord(word, width)? = block.warnings.first {
            #expect(url.hasPrefix(word) && word.count > 20 && width == 80)
        } else {
            Issue.record("no torn-word warning for the address: \(block.warnings)")
        }
        let twoAccounts = try engine.layout("收款账号44050177003800000123，备用账号44050177003800000456。",
                                            style: TextStyle(size: 10.5), width: 80)
        #expect(twoAccounts.warnings.map(\.description) == [
            "\"44050177003800000123，\" is wider than its cell (28.2 mm) and is broken inside it",
            "\"44050177003800000456。\" is wider than its cell (28.2 mm) and is broken inside it",
        ])
        // Where every word fits, none is torn: the seeds at a task column's width.
        for text in SeedText.paragraphs {
            #expect(try engine.layout(text, style: TextStyle(size: 10.5), width: 120).warnings.isEmpty, "\(text)")
        }
    }

    @Test func aCharacterWiderThanTheCellIsAnErrorNamingTheSource() throws {
        #expect {
            try engine.layout("党建工作", style: TextStyle(size: 10.5), width: 6, source: "tasks.rows[0].name")
        } throws: { error in
            guard case let .cannotFit(character, _, source) = error as? TextLayoutError else { return false }
            return character == "党" && source == "tasks.rows[0].name"
        }
    }
}
