import CHarfBuzz

/// Unicode's canonical composition, as HarfBuzz applies it when it shapes: a character and a
/// mark after it become one character (e + ◌́ → é) where the face has that one. A font cut
/// before shaping must hold the composed characters too.
public enum CanonicalComposition {
    /// The character `base` and `mark` compose to, if any.
    public static func compose(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        var composed: hb_codepoint_t = 0
        guard hb_unicode_compose(hb_unicode_funcs_get_default(), base.value, mark.value, &composed) != 0 else {
            return nil
        }
        return Unicode.Scalar(composed)
    }

    /// `characters` and every character that composing one of them with `marks` gives, again
    /// and again (ê + ◌́ → ế).
    public static func closure(of characters: Set<Unicode.Scalar>, marks: [Unicode.Scalar]) -> Set<Unicode.Scalar> {
        var result = characters
        var unexplored = Array(characters)
        while let base = unexplored.popLast() {
            for mark in marks {
                if let composed = compose(base, mark), result.insert(composed).inserted { unexplored.append(composed) }
            }
        }
        return result
    }
}
