import Fonts
import Frames
import Threads

/// Font subsets for a batch, each cut on a thread of its own as soon as the characters each
/// face will print are known (before layout), so cutting overlaps with typesetting. Shared by
/// every thread that draws the batch.
public final class FontSubsets: @unchecked Sendable {
    private let allCharacters: Set<Unicode.Scalar>
    private let use: FontUse
    private let cuts: [FaceRef: Pending<CairoCut>]
    /// Faces nobody predicted, cut when first asked for.
    private let lock = Condition()
    private var unpredicted: [FaceRef: Result<CairoCut, Error>] = [:]

    /// Starts cutting each face to its characters (and every glyph shaping reaches from them),
    /// for `use`.
    public init(_ characters: [FaceRef: Set<Unicode.Scalar>], for use: FontUse) {
        allCharacters = characters.values.reduce(into: Set()) { $0.formUnion($1) }
        self.use = use
        // The biggest cut first: it is the one drawing waits for.
        var cuts: [FaceRef: Pending<CairoCut>] = [:]
        for (face, set) in characters.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
            cuts[face] = Pending { CairoCut(try FontSubsetter.subset(face, glyphs: [], characters: set), for: use) }
        }
        self.cuts = cuts
    }

    deinit {
        for cut in cuts.values { _ = try? cut.value() }  // no cut outlives its batch
    }

    /// The cut of a face: waits for it if it is being cut; a face nobody predicted is cut now,
    /// to every character of the batch.
    func cut(_ face: FaceRef) throws -> CairoCut {
        if let cut = cuts[face] { return try cut.value() }
        return try lock.withLock {
            let cut = unpredicted[face] ?? Result {
                CairoCut(try FontSubsetter.subset(face, glyphs: [], characters: allCharacters), for: use)
            }
            unpredicted[face] = cut
            return try cut.get()
        }
    }
}
