/// Where a line may end: the Chinese rules of typesetting.md §3.1–3.2 on top of ICU.
enum BreakRules {
    /// How welcome a break is at a position.
    enum Opportunity: Comparable {
        /// Taken only when no better break fits: between a number and its unit (`12期`).
        case discouraged
        /// Taken only to save a line that would otherwise stay very loose: after a closing
        /// bracket glued to a number by UAX #14 (`东财[2019]|259号`).
        case rescue
        case allowed
    }

    /// How loose a justified line may be, in em, before a rescue break is taken.
    static let looseLineLimit = 3.0

    /// Never at the start of a line (clreq basic set, GB-style, plus Word's zh-CN list).
    static let neverAtLineStart = ScalarSet(
        "。．，、：；！？‼⁇”’」』）》〉】〗〕］｝｠〙〛〞〟" + "·・‧゠" + "～〜-–" + "%％‰℃°′″¢" + "!),.:;?]}" + "…⋯")
    /// Never at the end of a line; the solidi are GB-style (`元/人` stays whole).
    static let neverAtLineEnd = ScalarSet(
        "“‘「『（《〈【〖〔［｛｟〘〚〝" + "([{" + "$£¥￥＄" + "/／")
    /// Full-width marks whose ink sits on the left of the em box: at a line end they take half width.
    static let halfWidthAtLineEnd = ScalarSet("。，、；：！？．）》」』】〕〗〉”’")
    /// Marks that glue a number to what follows (`≥90%`, `≤ 550`).
    static let numberPrefixes = ScalarSet("≥≤＞＜><±")
    /// Paired marks that are one unit (—— ……) and never split or stretched.
    static let pairedMarks = ScalarSet("—…⋯")
    static let closingBrackets = ScalarSet(")]）］〕】")
    static let openingQuotes = ScalarSet("“‘")
    static let closingQuotes = ScalarSet("”’")

    /// The break opportunities of a paragraph: `result[i]` says whether a line may end before
    /// scalar `i` (nil at 0 and at the end: the paragraph's end always breaks).
    static func opportunities(_ text: [Unicode.Scalar], icu: [Int]) -> [Opportunity?] {
        var breaks = [Bool](repeating: false, count: text.count + 1)
        for i in icu where i > 0 && i < text.count { breaks[i] = true }
        // ICU treats “ ” as QU, glued to both neighbours: open a break before an opening quote
        // and after a closing one when the neighbour is Chinese (Typst #1009).
        for i in 1..<max(1, text.count) {
            if openingQuotes.contains(text[i]), isCJK(text[i - 1]) { breaks[i] = true }
            if closingQuotes.contains(text[i - 1]), isCJK(text[i]) { breaks[i] = true }
        }
        var result = [Opportunity?](repeating: nil, count: text.count + 1)
        // ICU takes full-width digits for ideographs, between which lines may break: never
        // inside a number (２０２４).
        for i in 1..<max(1, text.count) where breaks[i] && isAllowed(text, at: i) && !(isDigit(text[i - 1]) && isDigit(text[i])) {
            result[i] = isDigit(text[i - 1]) && isHan(text[i]) ? .discouraged : .allowed
        }
        for i in 1..<max(1, text.count) where result[i] == nil && closingBrackets.contains(text[i - 1])
            && (isDigit(text[i]) || text[i].properties.isAlphabetic) && isAllowed(text, at: i) {
            result[i] = .rescue
        }
        return result
    }

    /// Whether a line may end before `text[i]` at all (also used for emergency breaks).
    static func isAllowed(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        let before = text[i - 1], after = text[i]
        if neverAtLineStart.contains(after) || neverAtLineEnd.contains(before) { return false }
        if numberPrefixes.contains(before) { return false }
        if before == " ", i >= 2, numberPrefixes.contains(text[i - 2]) { return false }
        if pairedMarks.contains(before), before == after { return false }
        return true
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// Han, kana, hangul and full-width punctuation: text between whose characters lines may break.
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FFF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x31FF, 0xAC00...0xD7AF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return isHan(s) || s == "“" || s == "”" || s == "‘" || s == "’"
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ("０"..."９").contains(s)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\u{3000}" || s == "\u{00A0}" || s == "\t"
    }

    /// Connector marks and solidi, around which justification adds no space (2022～2024, 元/人).
    static let unstretchedNeighbours = ScalarSet("/／～〜-–")

    /// Whether justification may widen the gap between two neighbouring characters: not
    /// inside a Latin word or a number (full-width digits included), not inside —— or ……, not
    /// around a connector mark or a solidus, and, `keepingMarksTight`, not on the side where a
    /// mark keeps tight to its text: after an opening bracket or quote, before a closing one or
    /// a comma, a stop or a %.
    static func isStretchableGap(between a: Unicode.Scalar, and b: Unicode.Scalar, keepingMarksTight: Bool = true) -> Bool {
        if pairedMarks.contains(a), a == b { return false }
        if keepingMarksTight, neverAtLineEnd.contains(a) || neverAtLineStart.contains(b) { return false }
        if unstretchedNeighbours.contains(a) || unstretchedNeighbours.contains(b) { return false }
        if isDigit(a), isDigit(b) { return false }
        if isSpace(a) || isSpace(b) { return true }
        return isCJK(a) || isCJK(b)
    }
}
