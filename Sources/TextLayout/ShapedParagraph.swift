import Fonts

/// The smallest piece of text a line can hold: one or more scalars and the glyphs that print them.
struct ShapedCluster {
    /// Scalars of the paragraph this cluster stands for.
    var scalars: Range<Int>
    /// The face (index in the chain) that prints it; nil for a character no face has.
    var faceIndex: Int?
    var glyphs: [ShapedGlyph]
    /// Advance in em.
    var advance: Double
    /// How much the advance takes from kerning with the next character (em; negative for `AV`):
    /// at a line end, where no character follows, the cluster is as wide as without it.
    var kernAfter = 0.0
}

/// A paragraph shaped face run by face run, as a sequence of clusters.
struct ShapedParagraph {
    let text: [Unicode.Scalar]
    let clusters: [ShapedCluster]
    /// `clusterStarting[i]`: the cluster that begins at scalar i, if one does.
    let clusterStarting: [Int?]

    /// Picks a face for every scalar (the first of the chain that has it; marks and joiners
    /// stay with their base), then shapes each run of one face with HarfBuzz.
    init(text: [Unicode.Scalar], chain: FontChain) {
        self.text = text
        let values = text.map(\.value)
        var assigned: [Int?] = []
        assigned.reserveCapacity(text.count)
        for (i, scalar) in text.enumerated() {
            if i > 0, scalar.staysWithPreviousFace {
                assigned.append(assigned[i - 1])
            } else {
                assigned.append(chain.faceIndex(for: scalar))
            }
        }

        var clusters: [ShapedCluster] = []
        var start = 0
        while start < text.count {
            var end = start + 1
            while end < text.count, assigned[end] == assigned[start] { end += 1 }
            if let faceIndex = assigned[start] {
                clusters += ShapedParagraph.shape(values, start..<end, face: chain.faces[faceIndex], faceIndex: faceIndex)
            } else {
                // No face has these: one box-sized cluster each, drawn as a visible box.
                for i in start..<end {
                    clusters.append(ShapedCluster(scalars: i..<i + 1, faceIndex: nil, glyphs: [], advance: 1))
                }
            }
            start = end
        }
        PunctuationSpacing.compressAdjacentMarks(&clusters, text: text)
        self.clusters = clusters
        var starting = [Int?](repeating: nil, count: text.count)
        for (index, cluster) in clusters.enumerated() { starting[cluster.scalars.lowerBound] = index }
        self.clusterStarting = starting
    }

    private static func shape(_ values: [UInt32], _ range: Range<Int>, face: FontFace, faceIndex: Int) -> [ShapedCluster] {
        let glyphs = face.shape(values, range: range)
        var clusters: [ShapedCluster] = []
        var i = 0
        while i < glyphs.count {
            var j = i + 1
            while j < glyphs.count, glyphs[j].cluster == glyphs[i].cluster { j += 1 }
            let begin = glyphs[i].cluster
            let end = j < glyphs.count ? glyphs[j].cluster : range.upperBound
            let group = Array(glyphs[i..<j])
            // Left-to-right shaping gives ascending clusters; anything else is merged into the
            // previous cluster so that no text is lost or duplicated.
            let kern = group.last.map { $0.advance - face.advance(of: $0.id) } ?? 0
            if end > begin, begin >= (clusters.last?.scalars.upperBound ?? range.lowerBound) {
                clusters.append(ShapedCluster(scalars: begin..<end, faceIndex: faceIndex, glyphs: group,
                                              advance: group.reduce(0) { $0 + $1.advance }, kernAfter: kern))
            } else if var last = clusters.popLast() {
                last.glyphs += group
                last.advance += group.reduce(0) { $0 + $1.advance }
                last.scalars = last.scalars.lowerBound..<max(last.scalars.upperBound, end)
                last.kernAfter = kern
                clusters.append(last)
            }
            i = j
        }
        return clusters
    }
}

extension Unicode.Scalar {
    /// Combining marks, variation selectors and joiners are printed by their base's face.
    public var staysWithPreviousFace: Bool {
        // Most text is ASCII, CJK ideographs and full-width forms, which hold no marks: their
        // general category need not be looked up.
        switch value {
        case 0..<0x300, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return false
        default: break
        }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: break
        }
        let v = value
        return (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || v == 0x200D || v == 0x200C
    }

    /// A default-ignorable character that shaping does not need (unlike joiners and variation
    /// selectors, which stay with their base): a zero-width space, a soft hyphen, a byte-order
    /// mark, a direction mark. Nothing of it is printed.
    var isInvisibleFormatting: Bool {
        switch value {
        case 0..<0xAD, 0x4E00...0x9FFF, 0xFF00...0xFFEF: return false
        default: return properties.isDefaultIgnorableCodePoint && !staysWithPreviousFace
        }
    }
}
