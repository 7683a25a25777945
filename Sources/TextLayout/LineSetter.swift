import Frames
import Fonts

/// Places the clusters of one line: aligns it, stretches a justified line between characters,
/// and turns runs of one face into glyph runs (and boxes for characters no face has).
struct LineSetter {
    let paragraph: ShapedParagraph
    let chain: FontChain
    let style: TextStyle

    /// The line's items, relative to the block's top left, with its baseline at `baseline`,
    /// and where its print begins and ends.
    func items(for span: LineSpan, available: Double, startX: Double, baseline: Double,
               endsParagraph: Bool) -> (items: [PageItem], left: Double, right: Double) {
        let clusters = paragraph.clusters
        let size = style.size
        let visible = span.clusters.lowerBound..<span.visibleEnd
        guard !visible.isEmpty else { return ([], startX, startX) }

        // Gaps justification may widen, and of what kind each is; beside marks too where a line
        // has no other (年：).
        func gaps(keepingMarksTight: Bool) -> [Justification.Gap?] {
            visible.dropLast().map { k in
                let next = clusters[k + 1].scalars.lowerBound
                guard BreakRules.isStretchableGap(paragraph.text, before: next, keepingMarksTight: keepingMarksTight) else { return nil }
                return BreakRules.justificationGap(paragraph.text, before: next, space: spaceWidth(endingAt: k, from: visible.lowerBound))
            }
        }
        var stretchable = gaps(keepingMarksTight: true)
        let justifies = style.alignment == .justify && !endsParagraph
        if justifies, !stretchable.contains(where: { $0 != nil }) { stretchable = gaps(keepingMarksTight: false) }
        let leftover = max(0, available - span.width)
        var x = startX
        var widening = Array(repeating: 0.0, count: stretchable.count)
        switch style.alignment {
        case .justify:
            if justifies { widening = Justification.widening(stretchable, leftover: leftover / size).map { $0 * size } }
        case .center: x += leftover / 2
        case .right: x += leftover
        case .left: break
        }

        let left = x
        var items: [PageItem] = []
        var run: RunBuilder?
        // A line fitted by squeezing its marks: each gives up the same share of its blank half.
        let squeezeShare = span.squeeze > 0 && span.squeezable > 0 ? span.squeeze / span.squeezable : 0
        for k in visible {
            let cluster = clusters[k]
            var trimmedOnTheRight = 0.0
            if squeezeShare > 0, k > visible.lowerBound, k < visible.upperBound - 1, let half = PunctuationSpacing.squeezableHalf(cluster, after: clusters[k - 1], paragraph.text) {
                let share = half.amount * size * squeezeShare
                if half.fromTheLeft { x -= share } else { trimmedOnTheRight = share }  // a blank left half: the glyph moves left
            }
            if run?.faceIndex != cluster.faceIndex || cluster.faceIndex == nil {
                if let finished = run?.build() { items.append(finished) }
                run = nil
            }
            if let faceIndex = cluster.faceIndex {
                if run == nil {
                    run = RunBuilder(face: chain.faces[faceIndex].ref, faceIndex: faceIndex, size: size,
                                     origin: Point(x: x, y: baseline))
                }
                run?.append(cluster, text: paragraph.text, at: x)
            } else {
                // A character no face has: a visible box in the ideographic em box.
                let inset = 0.08 * size
                items.append(.outline(Rect(x: x + inset, y: baseline - 0.88 * size + inset,
                                           width: cluster.advance * size - 2 * inset, height: size - 2 * inset),
                                      width: 0.5, color: .black))
            }
            x += cluster.advance * size - trimmedOnTheRight
            if k - visible.lowerBound < widening.count { x += widening[k - visible.lowerBound] }
        }
        if let finished = run?.build() { items.append(finished) }
        if span.halvesLastMark, let last = visible.last { x -= clusters[last].advance * size / 2 }
        if let last = visible.last { x -= clusters[last].kernAfter * size }  // as LineFitter measures it
        return (items, left, x)
    }

    /// The width in em of the spaces that end at cluster `k` (none before `first`): a gap after
    /// two spaces is as wide as both already.
    private func spaceWidth(endingAt k: Int, from first: Int) -> Double {
        var width = 0.0
        var j = k
        while j >= first, paragraph.clusters[j].scalars.allSatisfy({ BreakRules.isSpace(paragraph.text[$0]) }) {
            width += paragraph.clusters[j].advance
            j -= 1
        }
        return width
    }
}

/// Collects the clusters of one face into a `GlyphRun`.
private struct RunBuilder {
    let face: FaceRef
    let faceIndex: Int?
    let size: Double
    let origin: Point
    var glyphs: [PositionedGlyph] = []
    var text: [Unicode.Scalar] = []
    var clusters: [TextCluster] = []
    var end: Double

    init(face: FaceRef, faceIndex: Int, size: Double, origin: Point) {
        self.face = face; self.faceIndex = faceIndex; self.size = size; self.origin = origin
        self.end = origin.x
    }

    mutating func append(_ cluster: ShapedCluster, text source: [Unicode.Scalar], at x: Double) {
        var pen = x - origin.x
        for glyph in cluster.glyphs {
            glyphs.append(PositionedGlyph(id: glyph.id, x: pen + glyph.xOffset * size, y: -glyph.yOffset * size))
            pen += glyph.advance * size
        }
        let scalars = source[cluster.scalars]
        text += scalars
        let utf8Count = scalars.reduce(0) { $0 + UTF8.width($1) }
        clusters.append(TextCluster(utf8Count: utf8Count, glyphCount: cluster.glyphs.count))
        end = origin.x + pen
    }

    func build() -> PageItem {
        .text(GlyphRun(face: face, size: size, origin: origin, glyphs: glyphs, text: String(scalars: text),
                       clusters: clusters, width: end - origin.x))
    }
}
