/// What can go wrong while finding and loading fonts; each case says which file or role.
public enum FontError: Error, Equatable, CustomStringConvertible {
    /// fontconfig could not be initialised.
    case fontconfigUnavailable
    /// A font file could not be read or holds no usable face.
    case unreadableFontFile(path: String)
    /// No face at all prints this role (not even through fallback).
    case noFaceForRole(FontRole, tried: [String])
    /// The manifest is broken: which file, which key, what is wrong.
    case invalidManifest(path: String, key: String, problem: String)
    /// hb-subset refused to subset a face.
    case subsetFailed(face: String)

    public var description: String {
        switch self {
        case .fontconfigUnavailable:
            return "fontconfig could not be initialised (is the fontconfig package installed?)"
        case let .unreadableFontFile(path):
            return "\(path): not a readable font file"
        case let .noFaceForRole(role, tried):
            return "no font for \(role.chineseName) (\(role.rawValue)): tried \(tried.joined(separator: ", ")); "
                + "install fonts-noto-cjk or name a font file in Fonts/fonts.json"
        case let .invalidManifest(path, key, problem):
            return key.isEmpty ? "\(path): \(problem)" : "\(path): \(key): \(problem)"
        case let .subsetFailed(face):
            return "could not subset the font \(face) for embedding"
        }
    }
}
