/// One face of one font file: the file and the index of the face inside a collection (.ttc).
public struct FaceRef: Hashable, Sendable, Comparable {
    public var path: String
    public var index: Int
    public init(path: String, index: Int) { self.path = path; self.index = index }

    public static func < (a: FaceRef, b: FaceRef) -> Bool {
        (a.path, a.index) < (b.path, b.index)
    }
}

/// A glyph of a run: its id in the face and its position relative to the run's origin.
public struct PositionedGlyph: Hashable, Sendable {
    public var id: UInt32
    public var x: Double
    public var y: Double
    public init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

/// Which bytes of a run's text a group of its glyphs stands for (in order), so that the PDF
/// carries the exact source text for copying, searching and `pdftotext`.
public struct TextCluster: Hashable, Sendable {
    public var utf8Count: Int
    public var glyphCount: Int
    public init(utf8Count: Int, glyphCount: Int) {
        self.utf8Count = utf8Count; self.glyphCount = glyphCount
    }
}

/// Shaped text in one face at one size, placed on a page: glyphs positioned from `origin`
/// (a point on the baseline), the source text and the clusters tying glyphs to it.
public struct GlyphRun: Hashable, Sendable {
    public var face: FaceRef
    public var size: Double
    public var origin: Point
    public var glyphs: [PositionedGlyph]
    public var text: String
    public var clusters: [TextCluster]
    /// The run's advance width, in points, from the origin.
    public var width: Double

    public init(face: FaceRef, size: Double, origin: Point, glyphs: [PositionedGlyph],
                text: String, clusters: [TextCluster], width: Double) {
        self.face = face; self.size = size; self.origin = origin; self.glyphs = glyphs
        self.text = text; self.clusters = clusters; self.width = width
    }

    /// The same run moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> GlyphRun {
        var moved = self
        moved.origin = Point(x: origin.x + dx, y: origin.y + dy)
        return moved
    }
}
