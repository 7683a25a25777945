import FoundationEssentials
import Forms
import StrictJSON

/// The layouts in a folder (`Layouts/`), found by name, or a layout file given by path.
public struct LayoutCatalog: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Names of the layouts in the folder, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Whether the folder is there and can be listed (it is looked for in the current folder by
    /// default, so a command run elsewhere finds none).
    public var folderExists: Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: directory)) != nil
    }

    /// Whether `nameOrPath` is a path (anything with a /, or ending in .json where the folder
    /// has no layout of that name: county.json.json is listed, and named, as county.json).
    public func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/")
            || (nameOrPath.hasSuffix(".json") && !FileManager.default.fileExists(atPath: directory + "/" + nameOrPath + ".json"))
    }

    /// A layout by name (a file in the folder) or by path. A file name with .json that is not
    /// in the current folder but in the layouts folder (as `ls Layouts/` shows it) is that layout.
    public func load(_ nameOrPath: String) throws -> LayoutSpec {
        let isPath = isPath(nameOrPath)
        var file = isPath ? nameOrPath : directory + "/" + nameOrPath + ".json"
        if isPath, !nameOrPath.contains("/"), !FileManager.default.fileExists(atPath: file),
           FileManager.default.fileExists(atPath: directory + "/" + nameOrPath) {
            file = directory + "/" + nameOrPath
        }
        guard FileManager.default.fileExists(atPath: file) else {
            if isPath, !nameOrPath.contains("/") {  // a file name: here, or in the folder
                throw LayoutError.notFound(name: nameOrPath, searched: "\(nameOrPath) and \(directory)/", known: names())
            }
            if isPath { throw LayoutError.noFile(path: file) }
            if !folderExists { throw LayoutError.noFolder(directory: directory) }
            throw LayoutError.notFound(name: nameOrPath, searched: directory + "/", known: names())
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw LayoutError.unreadable(file: file) }
        var spec: LayoutSpec
        do {
            spec = try DecodingProblem.decode(LayoutSpec.self, from: data)
        } catch let problem as DecodingProblem {
            throw problem.isSyntax ? LayoutError.notJSON(file: file, detail: problem.problem)
                : LayoutError.invalid(file: file, key: problem.path, problem: problem.problem)
        }
        spec.file = file
        spec.name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        try LayoutValidator(spec: spec).validate()
        return spec
    }
}
