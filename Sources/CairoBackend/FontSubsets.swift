import Fonts
import Frames
import Threads

/// Font subsets for a batch, each cut on a thread of its own as soon as the characters each
/// face will print are known (before layout), so cutting overlaps with typesetting. Shared by
/// every thread that draws the batch.
public final class FontSubsets: @unchecked Sendable {
    private let allCharacters: Set<Unicode.Scalar>
    private let cuts: [FaceRef: Pending<FontSubset>]
    /// Faces nobody predicted, cut when first asked for.
    private let lock = Condition()
    private var unpredicted: [FaceRef: Result<FontSubset, Error>] = [:]

    /// Starts cutting each face to its characters (and every glyph shaping reaches from them).
    public init(_ characters: [FaceRef: Set<Unicode.Scalar>]) {
        allCharacters = characters.values.reduce(into: Set()) { $0.formUnion($1) }
        // The biggest cut first: it is the one drawing waits for.
        var cuts: [FaceRef: Pending<FontSubset>] = [:]
        for (face, set) in characters.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
            cuts[face] = Pending { try FontSubsetter.subset(face, glyphs: [], characters: set) }
        }
        self.cuts = cuts
    }

    deinit {
        for cut in cuts.values { _ = try? cut.value() }  // no cut outlives its batch
    }

    /// The subset of a face: waits for it if it is being cut; a face nobody predicted is cut
    /// now, to every character of the batch.
    public func subset(_ face: FaceRef) throws -> FontSubset {
        if let cut = cuts[face] { return try cut.value() }
        return try lock.withLock {
            let cut = unpredicted[face] ?? Result { try FontSubsetter.subset(face, glyphs: [], characters: allCharacters) }
            unpredicted[face] = cut
            return try cut.get()
        }
    }
}
