/// What can go wrong while writing output; each case names the file.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// cairo reported a failure (its own words in `reason`).
    case cairo(path: String, reason: String)
    /// FreeType could not load an embedded font.
    case fontLoad(face: String)
    /// The finished file could not be moved into place.
    case cannotMove(from: String, to: String, reason: String)
    /// The output folder does not exist or is not writable.
    case outputNotWritable(path: String)

    public var description: String {
        switch self {
        case let .cairo(path, reason): return "\(path): cannot write (\(reason))"
        case let .fontLoad(face): return "cannot load the font \(face) for drawing"
        case let .cannotMove(from, to, reason): return "\(to): cannot move \(from) into place (\(reason))"
        case let .outputNotWritable(path): return "\(path): folder does not exist or is not writable"
        }
    }
}
