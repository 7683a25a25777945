/// Where a line may end: the Chinese rules of typesetting.md §3.1–3.2 on top of ICU.
enum BreakRules {
    /// How welcome a break is at a position.
    enum Opportunity: Comparable {
        /// Taken only when no better break fits: between a number and its unit (`12期`,
        /// `352.8 万元`), or a list's number and its item (`2. 开展`).
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
        "。．，、：；！？‼⁇”’」』）》〉】〗〕］｝｠〙〛〞〟" + "·・‧゠" + "～〜-–" + "%％‰℃°′″¢" + "!),.:;?]}" + "…⋯"
        // Small kana and the prolonged sound mark (clreq, JIS X 4051's strict set).
        + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿー")
        // A formula breaks after its operators, not before (`2145 × 3500 ×` / `12 × 0.1`).
        .union(formulaOperators)
    static let formulaOperators = ScalarSet("×÷=＝+＋")
    /// Never at the end of a line; the solidi are GB-style (`元/人` stays whole); a list's
    /// numbers (① … ⑳, ⑴, ⒈, ㈠) stay with their item.
    static let neverAtLineEnd = ScalarSet(
        "“‘「『（《〈【〖〔［｛｟〘〚〝" + "([{" + "$£¥￥＄" + "/／"
        + String(String.UnicodeScalarView((0x2460...0x249B).compactMap(Unicode.Scalar.init)))
        + String(String.UnicodeScalarView((0x3220...0x3229).compactMap(Unicode.Scalar.init))))
    /// Multipliers that make one unit with what follows a number (`11.92万元`, `900.9 万元`).
    static let numberMultipliers = ScalarSet("万亿")
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
        // and after a closing one when the neighbour is Chinese (Typst #1009), or after a
        // Chinese quotation closed before a number (`简称’` / `3万人`: else 3 is torn from 万人).
        for i in 1..<max(1, text.count) {
            if openingQuotes.contains(text[i]), isCJK(text[i - 1]) { breaks[i] = true }
            if closingQuotes.contains(text[i - 1]), isCJK(text[i]) || (isDigit(text[i]) && i >= 2 && isCJK(text[i - 2])) {
                breaks[i] = true
            }
        }
        var result = [Opportunity?](repeating: nil, count: text.count + 1)
        // ICU takes full-width digits for ideographs, between which lines may break: never
        // inside a number (２０２４).
        for i in 1..<max(1, text.count) where breaks[i] && isAllowed(text, at: i) && !(isDigit(text[i - 1]) && isDigit(text[i])) {
            result[i] = separatesNumberFromWhatFollows(text, at: i) && isHan(text[i]) ? .discouraged : .allowed
        }
        // Inside a unit is no break: the number is torn from it first (`33|公里`, not `33公|里`),
        // and the unit only where a line holds less than it (as a torn word, with a warning).
        for range in compoundUnitsAfterNumbers(text) {
            for i in range.dropFirst() { result[i] = nil }
        }
        for i in 1..<max(1, text.count) where result[i] == nil && closingBrackets.contains(text[i - 1])
            && (isDigit(text[i]) || text[i].properties.isAlphabetic) && isAllowed(text, at: i) {
            result[i] = .rescue
        }
        return result
    }

    /// Units of more than one character, kept whole after a number (`862人|次` read as 862
    /// people, then 次).
    static let compoundUnits: [[Unicode.Scalar]] = [
        "人次", "户次", "场次", "班次", "批次", "车次", "课时", "学时", "小时", "平方米", "立方米", "平方公里",
        "公里", "千米", "公斤", "千克", "公顷", "亿元", "千元",
    ].map { Array($0.unicodeScalars) }

    /// Where a compound unit follows a number (spaces, and 万 or 亿, between them allowed).
    static func compoundUnitsAfterNumbers(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in text.indices where isHan(text[start]) {
            guard var before = lastNonSpace(text, before: start) else { continue }
            if numberMultipliers.contains(text[before]), let number = lastNonSpace(text, before: before) { before = number }
            guard isDigit(text[before]),
                  let unit = compoundUnits.first(where: { text[start...].starts(with: $0) }) else { continue }
            found.append(start..<start + unit.count)
        }
        return found
    }

    /// Whether a line may end before `text[i]` at all (also used for emergency breaks).
    static func isAllowed(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        let before = text[i - 1], after = text[i]
        // Spaces at a break are dropped: the marks beside them end or start the lines
        // (`经费保障① ` / …, `“霞熠竹溪红”　·开展`).
        if let printed = lastNonSpace(text, before: i), neverAtLineEnd.contains(text[printed]) { return false }
        if let next = firstNonSpace(text, from: i), neverAtLineStart.contains(text[next]) { return false }
        if numberPrefixes.contains(before) { return false }
        if before == " ", i >= 2, numberPrefixes.contains(text[i - 2]) { return false }
        if pairedMarks.contains(before), before == after { return false }
        if bindsUnit(text, at: i) { return false }
        return true
    }

    /// Whether `text[i - 1]` is a multiplier one unit with what follows: 万元 is one word, and
    /// 万 after a number makes one unit with its unit (11.92万人); 千家万户 is four characters.
    private static func bindsUnit(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        guard numberMultipliers.contains(text[i - 1]) else { return false }
        return text[i] == "元" || lastNonSpace(text, before: i - 1).map { isDigit(text[$0]) } == true
    }

    /// What kind of gap, for justification, a widening gap before `text[i]` is; `space`: the
    /// width of the spaces before it (em), if any.
    static func justificationGap(_ text: [Unicode.Scalar], before i: Int, space: Double) -> Justification.Gap {
        let a = text[i - 1], b = text[i]
        guard isSpace(a) else {
            return isCJK(a) != isCJK(b) && !isSpace(b) ? .betweenScripts(space: 0) : .other
        }
        let before = lastNonSpace(text, before: i).map { text[$0] }
        return before.map(isCJK) == true || isCJK(b) ? .betweenScripts(space: space) : .wordSpace(space: space)
    }

    /// The position of the first character from `start` on that is not a space.
    private static func firstNonSpace(_ text: [Unicode.Scalar], from start: Int) -> Int? {
        var k = start
        while k < text.count, isSpace(text[k]) { k += 1 }
        return k < text.count ? k : nil
    }

    /// Whether a line ending before `text[i]` would end with a number (spaces aside), or a
    /// list's number (`2. 开展`): its unit or its item follows.
    private static func separatesNumberFromWhatFollows(_ text: [Unicode.Scalar], at i: Int) -> Bool {
        guard let last = lastNonSpace(text, before: i) else { return false }
        if isDigit(text[last]) { return true }
        return text[last] == "." && last > 0 && isDigit(text[last - 1])
    }

    /// The position of the last character before `end` that is not a space.
    private static func lastNonSpace(_ text: [Unicode.Scalar], before end: Int) -> Int? {
        var k = end - 1
        while k >= 0, isSpace(text[k]) { k -= 1 }
        return k >= 0 ? k : nil
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
    /// inside a Latin word, a number (full-width digits included) or 万元, not inside —— or
    /// ……, not around a connector mark or a solidus, and, `keepingMarksTight`, not on the side where a
    /// mark keeps tight to its text: after an opening bracket or quote, before a closing one or
    /// a comma, a stop or a %. A space widens on its right only.
    static func isStretchableGap(_ text: [Unicode.Scalar], before i: Int, keepingMarksTight: Bool = true) -> Bool {
        let a = text[i - 1], b = text[i]
        if bindsUnit(text, at: i) { return false }
        if pairedMarks.contains(a), a == b { return false }
        // An operator keeps to neither side: the spaces around it widen alike.
        if keepingMarksTight, neverAtLineEnd.contains(a) || (neverAtLineStart.contains(b) && !formulaOperators.contains(b)) { return false }
        if unstretchedNeighbours.contains(a) || unstretchedNeighbours.contains(b) { return false }
        if isDigit(a), isDigit(b) { return false }
        // A space widens once, after it: widened on both sides it grew by twice a gap's share.
        if isSpace(b) { return false }
        if isSpace(a) { return true }
        return isCJK(a) || isCJK(b)
    }
}
