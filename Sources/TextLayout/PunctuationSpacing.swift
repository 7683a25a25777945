/// Punctuation width adjustment between marks (标点挤压, typesetting.md §3.3): two full-width
/// marks side by side take 1.5 em, not 2, so that `》、《` or `”。` do not open a hole in the line.
enum PunctuationSpacing {
    /// Full-width marks whose ink sits on the right of the em box (GB positions): opening
    /// brackets and quotes. (Those with their ink on the left are `BreakRules.halfWidthAtLineEnd`.)
    static let blankOnTheLeft = ScalarSet("（《「『【〔〖〈“‘")

    /// Takes the blank half out from between each two adjacent full-width marks: the first loses
    /// its blank right half if it has one (。，、 and closing marks), else the second its blank
    /// left half (opening marks), its glyph moved left. No mark has blank halves on both sides,
    /// so none is trimmed twice: `》、《` takes 2 em, `（“《` too.
    static func compressAdjacentMarks(_ clusters: inout [ShapedCluster], text: [Unicode.Scalar]) {
        let marks = clusters.map { fullWidthMark($0, text) }
        for k in marks.indices.dropLast() {
            guard let first = marks[k], let second = marks[k + 1] else { continue }
            if BreakRules.halfWidthAtLineEnd.contains(first) {
                trim(&clusters[k], fromTheLeft: false)
            } else if blankOnTheLeft.contains(second) {
                trim(&clusters[k + 1], fromTheLeft: true)
            }
        }
    }

    /// The mark a cluster prints, if it is one full-width glyph for one scalar.
    private static func fullWidthMark(_ cluster: ShapedCluster, _ text: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard cluster.scalars.count == 1, cluster.glyphs.count == 1, cluster.advance >= 0.9 else { return nil }
        let scalar = text[cluster.scalars.lowerBound]
        return BreakRules.halfWidthAtLineEnd.contains(scalar) || blankOnTheLeft.contains(scalar) ? scalar : nil
    }

    /// Marks a line may squeeze to half width to take one more character (typesetting.md §3.4:
    /// reduce before expanding): pause marks and brackets, not the stops 。！？, which some
    /// styles forbid squeezing.
    static let squeezable = ScalarSet("，、；：）》」』】〕〗〉”’").union(blankOnTheLeft)

    /// How much of a cluster's blank half, in em, a line may squeeze out, and on which side;
    /// nil if it is not a full-width squeezable mark (or has given its half up already). An
    /// opening mark squeezes its left half only after a character at least as wide as that
    /// half: moved left past a narrow one (`WiFi（`), it would be read before it (copied text,
    /// screen readers).
    static func squeezableHalf(_ cluster: ShapedCluster, after previous: ShapedCluster?,
                               _ text: [Unicode.Scalar]) -> (amount: Double, fromTheLeft: Bool)? {
        guard cluster.scalars.count == 1, cluster.glyphs.count == 1, cluster.advance >= 0.9 else { return nil }
        let scalar = text[cluster.scalars.lowerBound]
        guard squeezable.contains(scalar) else { return nil }
        let fromTheLeft = blankOnTheLeft.contains(scalar)
        if fromTheLeft, (previous?.advance ?? 0) < cluster.advance / 2 { return nil }
        return (cluster.advance / 2, fromTheLeft)
    }

    private static func trim(_ cluster: inout ShapedCluster, fromTheLeft: Bool) {
        let half = cluster.advance / 2
        cluster.advance -= half
        cluster.glyphs[0].advance -= half
        if fromTheLeft { cluster.glyphs[0].xOffset -= half }
    }
}
