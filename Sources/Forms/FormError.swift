/// A form document that cannot be used; each case names the file and, where it applies, the
/// JSON path (`forms[3].indicators[0].children[1]`).
public enum FormError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notJSON(file: String, detail: String)
    case invalid(file: String, path: String, problem: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot be read (\(reason))"
        case let .notJSON(file, detail): return "\(file): not valid JSON: \(detail)"
        case let .invalid(file, path, problem): return "\(file): \(path.isEmpty ? "(top level)" : path): \(problem)"
        }
    }
}
