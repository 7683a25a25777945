import Testing
@testable import TextLayout

/// The bit sets the break rules test characters against.
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
}
