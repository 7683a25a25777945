/// A layout that cannot be used; each case names the layout file and the key.
public enum LayoutError: Error, Equatable, CustomStringConvertible {
    case notFound(name: String, searched: String, known: [String])
    /// No layouts folder where one was looked for (layouts are named, not given by path).
    case noFolder(directory: String)
    /// A layout given by path that is not there.
    case noFile(path: String)
    case unreadable(file: String)
    case notJSON(file: String, detail: String)
    case invalid(file: String, key: String, problem: String)
    /// The layout is for the other form type.
    case wrongFormType(layout: String, layoutType: String, documentType: String)
    /// A form the layout cannot print as it is: the fault is the form's, so this names its field
    /// (a JSON path; the command adds the form's file), not a key of the layout.
    case formDoesNotFit(field: String, problem: String)

    public var description: String {
        switch self {
        case let .notFound(name, searched, known):
            return "unknown layout \"\(name)\" (looked in \(searched); known: \(known.joined(separator: ", ")))"
        case let .noFolder(directory):
            let relative = !directory.hasPrefix("/")
            return "no layouts folder \"\(directory)\"" + (relative ? " in the current folder (run formpress from its repository, or give --layouts-dir)" : "")
        case let .noFile(path): return "no layout file \(path)"
        case let .unreadable(file): return "\(file): cannot be read"
        case let .notJSON(file, detail): return "\(file): not valid JSON: \(detail)"
        case let .invalid(file, key, problem): return "\(file): \(key.isEmpty ? "(top level)" : key): \(problem)"
        case let .wrongFormType(layout, layoutType, documentType):
            return "layout \"\(layout)\" is for \(layoutType) forms, not \(documentType)"
        case let .formDoesNotFit(field, problem): return "\(field): \(problem)"
        }
    }
}
