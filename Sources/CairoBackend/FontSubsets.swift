import Dispatch
import Fonts
import Frames
import Glibc

/// Font subsets for a batch, cut on background threads as soon as the characters each face
/// will print are known (before layout), so cutting overlaps with typesetting. Shared by every
/// thread that draws the batch.
public final class FontSubsets: @unchecked Sendable {
    private let characters: [FaceRef: Set<Unicode.Scalar>]
    private let allCharacters: Set<Unicode.Scalar>
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var done: [FaceRef: Result<FontSubset, Error>] = [:]
    private var pending: [FaceRef: DispatchGroup] = [:]

    /// Starts cutting each face to its characters (and every glyph shaping reaches from them).
    public init(_ characters: [FaceRef: Set<Unicode.Scalar>]) {
        self.characters = characters
        allCharacters = characters.values.reduce(into: Set()) { $0.formUnion($1) }
        pthread_mutex_init(lock, nil)
        // The biggest cut first: it is the one drawing waits for.
        for (face, set) in characters.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
            let group = DispatchGroup()
            pending[face] = group
            DispatchQueue.global().async(group: group) { [self] in
                let result = Result { try FontSubsetter.subset(face, glyphs: [], characters: set) }
                locked { done[face] = result }
            }
        }
    }

    deinit {
        for group in pending.values { group.wait() }
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// The subset of a face: waits for it if it is being cut; a face nobody predicted is cut
    /// now, to every character of the batch.
    public func subset(_ face: FaceRef) throws -> FontSubset {
        if let group = locked({ pending[face] }) { group.wait() }
        if let result = locked({ done[face] }) { return try result.get() }
        let result = Result { try FontSubsetter.subset(face, glyphs: [], characters: allCharacters) }
        locked { done[face] = result }
        return try result.get()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return body()
    }
}
