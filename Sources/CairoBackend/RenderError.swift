import Glibc

/// What can go wrong while writing output; each case names the file.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// cairo reported a failure (its own words in `reason`).
    case cairo(path: String, reason: String)
    /// FreeType could not load an embedded font.
    case fontLoad(face: String)
    /// A glyph of `text` is missing from the font cut for embedding: the cut was made from other
    /// text than is drawn (formpress's fault, not the input's).
    case glyphNotEmbedded(face: String, glyph: UInt32, text: String)
    /// The finished file could not be moved into place.
    case cannotMove(from: String, to: String, reason: String)
    /// The output folder does not exist or is not writable.
    case outputNotWritable(path: String)
    /// The output file's name is that of a folder.
    case outputIsAFolder(path: String)
    /// The output file's name is that of a device, a stream (/dev/stdout), a pipe or a socket,
    /// which moving the finished file into place would replace.
    case outputIsSpecial(path: String)
    /// cairo's PDF is not shaped as the pass that packs its objects into object streams expects
    /// (`offset` is the byte of cairo's file where it saw so); nothing is written.
    case unexpectedPDF(path: String, offset: Int, problem: String)
    /// Reading cairo's PDF or compressing its objects failed (the system's or zlib's words).
    case cannotPack(path: String, reason: String)
    /// The file could not be created or written (the system's words: a full disk, a folder
    /// that refuses files).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cairo(path, reason): return "\(path): cannot write (\(reason))"
        case let .fontLoad(face): return "cannot load the font \(face) for drawing"
        case let .glyphNotEmbedded(face, glyph, text):
            return "glyph \(glyph) of \"\(text)\" is not in the font cut from \(face) for embedding"
                + " (a fault in formpress: please report it with this input)"
        case let .cannotMove(from, to, reason): return "\(to): cannot move \(from) into place (\(reason))"
        case let .outputNotWritable(path): return "\(path): folder does not exist or is not writable"
        case let .outputIsAFolder(path): return "\(path): is a folder; name a file in it for the output"
        case let .outputIsSpecial(path):
            return "\(path): is a device, a stream, a pipe or a socket, not a file; name a file for the output"
        case let .unexpectedPDF(path, offset, problem):
            return "\(path): cairo's PDF is not as expected at byte \(offset) (\(problem)); nothing written"
        case let .cannotPack(path, reason): return "\(path): cannot pack the PDF's objects (\(reason))"
        case let .cannotWrite(path, reason): return "\(path): cannot write (\(reason))"
        }
    }
}

/// What the object-stream pass's parts throw before they know which file the user asked for;
/// `CompactPDF` names it and turns it into a `RenderError`.
enum PackingError: Error {
    /// cairo's file is not as expected at `offset`.
    case shape(offset: Int, problem: String)
    /// The system or zlib refused (its own words).
    case system(String)
    /// The file being written could not be created or written (the system's words).
    case output(String)

    func naming(_ path: String) -> RenderError {
        switch self {
        case let .shape(offset, problem): return .unexpectedPDF(path: path, offset: offset, problem: problem)
        case let .system(reason): return .cannotPack(path: path, reason: reason)
        case let .output(reason): return .cannotWrite(path: path, reason: reason)
        }
    }

    /// What went wrong, in the words of whoever refused.
    var reason: String {
        switch self {
        case let .shape(offset, problem): return "at byte \(offset): \(problem)"
        case let .system(reason), let .output(reason): return reason
        }
    }

    /// `what` failed with the system's last error.
    static func errno(_ what: String) -> PackingError { .system(lastError(what)) }

    /// Writing failed with the system's last error.
    static func outputErrno(_ what: String) -> PackingError { .output(lastError(what)) }

    private static func lastError(_ what: String) -> String { "\(what): \(String(cString: strerror(Glibc.errno)))" }
}
