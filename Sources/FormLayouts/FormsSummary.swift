import Forms

/// What a PDF's metadata may say of all its forms: how many, and the title, author (the unit
/// responsible) and form type they share, if they share one. Built form by form (by several
/// threads, then merged), so the first form does not speak for a batch of other units' forms.
public struct FormsSummary: Hashable, Sendable {
    public private(set) var count = 0
    private var titles: Set<String> = []
    private var authors: Set<String> = []
    private var types: Set<FormType> = []

    public init() {}

    public init(_ forms: [Form]) { for form in forms { add(form) } }

    public mutating func add(_ form: Form) {
        count += 1
        titles.insert(form.title)
        authors.insert(Self.author(of: form))
        types.insert(form.type)
    }

    public mutating func merge(_ other: FormsSummary) {
        count += other.count
        titles.formUnion(other.titles)
        authors.formUnion(other.authors)
        types.formUnion(other.types)
    }

    /// The unit a form comes from: the approving unit of an approval sheet, else the department.
    static func author(of form: Form) -> String {
        switch form {
        case let .department(f): return f.approvingUnit ?? f.department
        case let .project(f): return f.supervisingDepartment
        }
    }

    var sharedTitle: String? { titles.count == 1 ? titles.first : nil }
    var sharedAuthor: String? { authors.count == 1 ? authors.first : nil }
    var sharedType: FormType? { types.count == 1 ? types.first : nil }
}
