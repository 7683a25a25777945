/// One form of either type.
public enum Form: Hashable, Sendable {
    case department(DepartmentForm)
    case project(ProjectForm)

    public var type: FormType {
        switch self {
        case .department: return .department
        case .project: return .project
        }
    }

    /// The layout the form names for itself, if any.
    public var layout: String? {
        switch self {
        case let .department(form): return form.layout
        case let .project(form): return form.layout
        }
    }

    public var title: String {
        switch self {
        case let .department(form): return form.title
        case let .project(form): return form.title
        }
    }

    /// What a bookmark and the PDF's metadata call the form: its department or project.
    public var name: String {
        switch self {
        case let .department(form): return form.department
        case let .project(form): return form.projectName
        }
    }
}

/// A decoded form document: its type, the layout it names, its forms.
public struct FormDocument: Hashable, Sendable {
    public var file: String
    public var type: FormType
    public var layout: String?
    public var forms: [Form]
    /// Whether the file holds a list (`"forms": [...]`): paths inside it start with forms[i].
    public var isList: Bool

    public init(file: String, type: FormType, layout: String?, forms: [Form], isList: Bool) {
        self.file = file; self.type = type; self.layout = layout; self.forms = forms; self.isList = isList
    }

    /// The JSON path of the form at `index` ("" for a single-form file).
    public func path(ofForm index: Int) -> String { isList ? "forms[\(index)]" : "" }
}
