import FoundationEssentials
import Glibc
import StrictJSON

/// Reads form documents from JSON, strictly: unknown keys, wrong types and missing fields are
/// errors naming the JSON path.
public enum FormDecoder {
    /// Larger inputs are refused: decoding holds the whole document in memory several times over.
    public static let maximumFileSize = 64 << 20

    public static func decode(file: String) throws -> FormDocument {
        var status = stat()
        if stat(file, &status) == 0, Int(status.st_size) > maximumFileSize {
            let size = Int(status.st_size)
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
        do {
            let envelope = try DecodingProblem.decode(Envelope.self, from: data)
            return FormDocument(file: file, type: envelope.type, layout: envelope.layout, forms: envelope.forms,
                                isList: envelope.isList)
        } catch let problem as DecodingProblem {
            throw problem.isSyntax ? FormError.notJSON(file: file, detail: problem.problem)
                : FormError.invalid(file: file, path: problem.path, problem: problem.problem)
        }
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
