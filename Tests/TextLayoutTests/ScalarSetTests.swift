import Testing
@testable import TextLayout

/// The bit sets the break rules test characters against, and the survey gathers characters in.
@Suite struct ScalarSetTests {
    @Test func holdsExactlyItsMembersInAndBeyondTheBasicPlane() {
        let set = ScalarSet("。，%（\u{FFFF}\u{20000}")
        for member in "。，%（\u{FFFF}\u{20000}".unicodeScalars { #expect(set.contains(member)) }
        // Neighbours of members in code and in their 64-bit word, and other planes.
        for other in "、．$）\u{FFFE}\u{20001}\u{10000}预a".unicodeScalars { #expect(!set.contains(other)) }
    }

    @Test func theRulesSetsAgreeWithTheRules() {
        #expect(BreakRules.neverAtLineStart.contains("。") && !BreakRules.neverAtLineStart.contains("预"))
        #expect(BreakRules.neverAtLineEnd.contains("（") && !BreakRules.neverAtLineEnd.contains("）"))
    }

    @Test func aScalarSetHoldsTheWholeRangeOfUnicode() {
        var set = ScalarSet()
        set.insert(contentsOf: "预算A\u{0}\u{FFFF}𠀀🙂预")
        var other = ScalarSet()
        other.insert(contentsOf: "绩效𠀀\u{10FFFF}")
        let union = set.union(other)
        // The plane's scalars in order, then the others.
        #expect(Array(set.elements.prefix(5)) == ["\u{0}", "A", "算", "预", "\u{FFFF}"])
        #expect(Set(set.elements.dropFirst(5)) == ["𠀀", "🙂"])
        #expect(Set(union.elements) == Set("预算A\u{0}\u{FFFF}𠀀🙂绩效\u{10FFFF}".unicodeScalars))
        #expect(union.elements.count == 10)
        #expect(ScalarSet().elements.isEmpty)
    }
}
