import Foundation
import Forms

/// The layouts in a folder (`Layouts/`), found by name, or a layout file given by path.
public struct LayoutCatalog: Sendable {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    /// Names of the layouts in the folder, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A layout by name (a file in the folder) or by path (anything with a / or ending in .json).
    public func load(_ nameOrPath: String) throws -> LayoutSpec {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        let file = isPath ? nameOrPath : (directory as NSString).appendingPathComponent(nameOrPath + ".json")
        guard FileManager.default.fileExists(atPath: file) else {
            throw LayoutError.notFound(name: nameOrPath, searched: isPath ? file : directory + "/", known: names())
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw LayoutError.unreadable(file: file) }
        if let syntax = JSONSyntax.check(data) { throw LayoutError.notJSON(file: file, detail: syntax.description) }
        var spec: LayoutSpec
        do {
            spec = try JSONDecoder().decode(LayoutSpec.self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error, file: file)
        }
        spec.file = file
        spec.name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        try LayoutValidator(spec: spec).validate()
        return spec
    }

    private static func describe(_ error: DecodingError, file: String) -> LayoutError {
        switch error {
        case let .keyNotFound(key, context):
            return .invalid(file: file, key: jsonPath(context.codingPath + [key]), problem: "missing (required)")
        case let .typeMismatch(type, context):
            return .invalid(file: file, key: jsonPath(context.codingPath), problem: "expected \(type)")
        case let .valueNotFound(type, context):
            return .invalid(file: file, key: jsonPath(context.codingPath), problem: "expected \(type), found null")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                let ns = underlying as NSError
                return .notJSON(file: file, detail: (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription)
            }
            return .invalid(file: file, key: jsonPath(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return .invalid(file: file, key: "", problem: "\(error)")
        }
    }
}
