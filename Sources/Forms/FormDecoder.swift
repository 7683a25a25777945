import Foundation

/// Reads form documents from JSON, strictly: unknown keys, wrong types and missing fields are
/// errors naming the JSON path.
public enum FormDecoder {
    /// Larger inputs are refused: decoding holds the whole document in memory several times over.
    public static let maximumFileSize = 64 << 20

    public static func decode(file: String) throws -> FormDocument {
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > maximumFileSize {
            throw FormError.unreadable(file: file, reason:
                "\(size >> 20) MB is more than the \(maximumFileSize >> 20) MB a file may hold; split the batch into several files")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw FormError.unreadable(file: file, reason: FileManager.default.fileExists(atPath: file)
                ? "permission denied or not a file" : "no such file")
        }
        return try decode(data, file: file)
    }

    public static func decode(_ data: Data, file: String) throws -> FormDocument {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // BOM from Windows tools
        guard !bytes.isEmpty else { throw FormError.notJSON(file: file, detail: "the file is empty") }
        // Syntax (with line and column) and nesting depth first: Foundation's decoder says only
        // "not valid JSON", and recurses.
        if let syntax = JSONSyntax.check(bytes) { throw FormError.notJSON(file: file, detail: syntax.description) }
        do {
            let envelope = try JSONDecoder().decode(Envelope.self, from: bytes)
            return FormDocument(file: file, type: envelope.type, layout: envelope.layout, forms: envelope.forms,
                                isList: envelope.isList)
        } catch let error as DecodingError {
            throw describe(error, file: file)
        }
    }

    private static func describe(_ error: DecodingError, file: String) -> FormError {
        switch error {
        case let .keyNotFound(key, context):
            return .invalid(file: file, path: jsonPath(context.codingPath + [key]), problem: "missing (required)")
        case let .typeMismatch(type, context):
            return .invalid(file: file, path: jsonPath(context.codingPath), problem: "expected \(describe(type))")
        case let .valueNotFound(type, context):
            return .invalid(file: file, path: jsonPath(context.codingPath), problem: "expected \(describe(type)), found null")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                return .notJSON(file: file, detail: syntaxDetail(underlying))
            }
            return .invalid(file: file, path: jsonPath(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return .invalid(file: file, path: "", problem: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a text (a string in quotes)"
        case is [String].Type: return "a list of texts"
        case is Array<Any>.Type: return "a list"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "a list" : name.hasPrefix("Dictionary") ? "an object" : "an object (\(name))"
        }
    }

    /// Foundation's words for a syntax error, which carry the line and column.
    private static func syntaxDetail(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }

    /// The top level: a form, or `{"form": …, "layout": …, "forms": [ … ]}`.
    private struct Envelope: Decodable {
        var type: FormType
        var layout: String?
        var forms: [Form]
        var isList = false

        enum ListKeys: String, CodingKey, CaseIterable { case form, layout, forms }

        init(from decoder: Decoder) throws {
            let all = try decoder.container(keyedBy: AnyKey.self)
            let formKey = AnyKey(stringValue: "form")
            let name = try all.decode(String.self, forKey: formKey)
            guard let type = FormType(name: name) else {
                throw DecodingError.dataCorruptedError(forKey: formKey, in: all,
                    debugDescription: "unknown form type \"\(name)\" (部门整体 or department, 项目 or project)")
            }
            self.type = type
            if all.contains(AnyKey(stringValue: "forms")) {
                isList = true
                let list = try decoder.strictContainer(keyedBy: ListKeys.self)
                layout = try list.decodeIfPresent(String.self, forKey: .layout)
                switch type {
                case .department: forms = try list.decode([DepartmentForm].self, forKey: .forms).map(Form.department)
                case .project: forms = try list.decode([ProjectForm].self, forKey: .forms).map(Form.project)
                }
                guard !forms.isEmpty else {
                    throw DecodingError.dataCorruptedError(forKey: .forms, in: list, debugDescription: "holds no form")
                }
            } else {
                layout = try all.decodeIfPresent(String.self, forKey: AnyKey(stringValue: "layout"))
                switch type {
                case .department: forms = [.department(try DepartmentForm(from: decoder))]
                case .project: forms = [.project(try ProjectForm(from: decoder))]
                }
            }
        }
    }
}
