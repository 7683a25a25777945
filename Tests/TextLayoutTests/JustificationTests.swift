import Fonts
import Frames
import TestSupport
import Testing
@testable import TextLayout

/// Justification widens the spaces between Western words first, as clreq says (typesetting.md
/// §3.4), then every other gap alike.
@Suite struct JustificationTests {
    let engine: TextEngine
    init() throws { engine = try makeEngine() }

    @Test func wordSpacesWidenFirstThenEveryOtherGapAlike() {
        let gaps: [Justification.Gap?] = [.other, .wordSpace(space: 0.25), nil, .betweenScripts(space: 0), .other]
        func widening(_ gaps: [Justification.Gap?], _ leftover: Double) -> [Double] {
            Justification.widening(gaps, leftover: leftover).map { ($0 * 1e6).rounded() / 1e6 }
        }
        // A little: the word space takes it all.
        #expect(widening(gaps, 0.2) == [0, 0.2, 0, 0, 0])
        // More: the space is half an em wide, the rest is shared alike.
        #expect(widening(gaps, 0.6) == [0.116667, 0.25, 0, 0.116667, 0.116667])
        // Too much: every gap at its most (a third of an em beside Western text), what is left
        // stays at the line's end.
        #expect(widening(gaps, 5) == [0.5, 0.25, 0, 0.333333, 0.5])
        // A gap that is full leaves the rest to the others.
        #expect(widening([.betweenScripts(space: 0), .other, .other], 1.2) == [0.333333, 0.433333, 0.433333])
        // A space already a third of an em wide beside Chinese text does not widen.
        #expect(widening([.betweenScripts(space: 0.4), .other], 0.3) == [0, 0.3])
        // Word spaces of different widths fill to one width: 0.05 em each, then the rest.
        #expect(widening([.wordSpace(space: 0.45), .wordSpace(space: 0.2), .wordSpace(space: 0.1)], 0.45) == [0.05, 0.2, 0.2])
    }

    /// Two spaces between Western words widen until they are half an em together, not each.
    @Test func twoSpacesWidenAsOne() throws {
        let size = 10.5
        func natural(_ text: String) throws -> Double { try engine.layout(text, style: TextStyle(size: size), width: 100).lines[0].right }
        let twoSpaces = try natural("0  0") - natural("00")
        var checked = 0
        for width in stride(from: 60.0, through: 160.0, by: 2.5) {
            let block = try engine.layout("扫码Wi-Fi  APP登记Wi-Fi  APP注册Wi-Fi  APP", style: TextStyle(size: size, alignment: .justify), width: width)
            for line in block.lines where !line.endsParagraph {
                let placed = line.runs.flatMap { run in zip(run.text.unicodeScalars, run.glyphs).map { (scalar: $0, x: run.origin.x + $1.x) } }
                for k in placed.indices.dropFirst(3) where placed[k].scalar == "A" && placed[k - 3].scalar == "i" {
                    let gap = placed[k].x - placed[k - 3].x - (try natural("i"))
                    #expect(gap <= max(size / 2, twoSpaces) + 1e-6, "two spaces \(gap / size) em wide at width \(width): \(line.text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }

    /// Seed text with numbers and formulas among Chinese, justified at many widths: no space is
    /// wider than half an em (a third beside Chinese); a gap between Chinese and a digit widens
    /// as the gaps between Chinese characters do, by a third of an em at most; and those widen
    /// only once the line's spaces between Western words are half an em wide.
    @Test func seedLinesWidenTheirGapsInOrder() throws {
        let size = 10.5
        let fonts = engine.fonts
        var widenedChinese = 0, widenedAcross = 0, fullWordSpaces = 0
        for text in [SeedText.suixiTask15, SeedText.suixiFormula, SeedText.dongguanGoal3, SeedText.dalangTask3Goal] {
            for width in stride(from: 60.0, through: 330.0, by: 4.3) {
                let block = try engine.layout(text, style: TextStyle(size: size, alignment: .justify), width: width)
                for line in block.lines where !line.endsParagraph {
                    let placed = try line.runs.flatMap { run in
                        try zip(run.text.unicodeScalars, run.glyphs).map { scalar, glyph in
                            (scalar: scalar, x: run.origin.x + glyph.x, advance: try fonts.face(run.face).advance(of: glyph.id) * size)
                        }
                    }
                    guard placed.count == line.text.unicodeScalars.count else { continue }  // one glyph a character
                    var chineseGaps: [Double] = [], acrossGaps: [Double] = [], wordSpaces: [(room: Double, widened: Double)] = []
                    for k in placed.indices.dropFirst(2) {
                        let (a, b, c) = (placed[k - 2], placed[k - 1], placed[k])
                        let widened = c.x - b.x - b.advance
                        if b.scalar == " ", !"/～-–".unicodeScalars.contains(c.scalar) {  // no space around connectors
                            let besideChinese = BreakRules.isCJK(a.scalar) || BreakRules.isCJK(c.scalar)
                            let widest = besideChinese ? size / 3 : size / 2
                            #expect(b.advance + widened <= max(widest, b.advance) + 1e-6, "a space \(b.advance + widened) wide: \(line.text)")
                            if !besideChinese { wordSpaces.append((widest - b.advance, widened)) }
                        } else if BreakRules.isHan(b.scalar), BreakRules.isHan(c.scalar) {
                            chineseGaps.append(widened)
                        } else if (BreakRules.isHan(b.scalar) && BreakRules.isDigit(c.scalar))
                                    || (BreakRules.isDigit(b.scalar) && BreakRules.isHan(c.scalar) && !BreakRules.numberMultipliers.contains(c.scalar)) {
                            #expect(widened <= size / 3 + 1e-6, "\(b.scalar)\(c.scalar) widened by \(widened): \(line.text)")
                            acrossGaps.append(widened)
                        }
                    }
                    guard let chinese = chineseGaps.max(), chinese > 1e-6 else { continue }
                    widenedChinese += 1
                    for across in acrossGaps {
                        #expect(abs(across - min(chinese, size / 3)) < 1e-6, "a gap across scripts widened by \(across), Chinese gaps by \(chinese): \(line.text)")
                        widenedAcross += 1
                    }
                    for space in wordSpaces {
                        #expect(space.widened >= space.room - 1e-6, "a word space widened by \(space.widened) of \(space.room): \(line.text)")
                        fullWordSpaces += 1
                    }
                }
            }
        }
        #expect(widenedChinese > 200 && widenedAcross > 50 && fullWordSpaces > 10,
                "\(widenedChinese) lines, \(widenedAcross) gaps across scripts, \(fullWordSpaces) word spaces")
    }
}
