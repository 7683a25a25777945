import Forms

/// Every part of a form with something in it must have a place in its layout: a layout without
/// one (a county's that prints no 批复单位, notes or closing rows; any that leaves out a field
/// or block) would lose it without a word, so the form is refused, naming the field.
extension GridBuilder {
    func checkEveryGivenFieldIsPrinted(_ form: Form) throws {
        // Most layouts print every part: then there is nothing to look at in the form.
        for field in spec.unprintedParts where Self.isGiven(field, in: form) {
            throw LayoutError.formDoesNotFit(field: source(field), problem:
                "is given, but layout \"\(spec.name)\" has no place for it (choose another with --layout, or leave it out)")
        }
    }

    /// Whether the form has something to print in the part (a field or a block) named `name`.
    private static func isGiven(_ name: String, in form: Form) -> Bool {
        func hasText(_ text: String?) -> Bool { text?.contains { !$0.isWhitespace } ?? false }
        switch (form, name) {
        case let (.department(f), "budget"): return f.budget.amounts.contains { hasText($0.text) }
        case let (.department(f), "tasks"): return !f.tasks.rows.isEmpty
        case let (.department(f), "otherTasks"): return !(f.otherTasks ?? []).isEmpty
        case let (.department(f), "indicators"): return !f.indicators.isEmpty
        case let (.project(f), "indicators"): return !f.indicators.isEmpty
        case let (.department(f), "closingRows"): return !f.closingRows.isEmpty
        case let (.department(f), "notes"): return !f.notes.isEmpty
        default:
            switch FieldLookup.value(name, of: form) {
            case let .text(text)?: return hasText(text)
            case let .paragraphs(paragraphs)?: return paragraphs.contains(where: hasText)
            case nil: return false
            }
        }
    }
}

extension LayoutSpec {
    /// The parts of a form of this type, fields and blocks, that the layout prints nowhere.
    static func unprintedParts(of type: FormType, in sections: [SectionSpec]) -> [String] {
        let blocks = type == .department ? ["budget", "tasks", "otherTasks", "indicators", "closingRows", "notes"] : ["indicators"]
        return (FieldLookup.known(for: type).sorted() + blocks).filter { name in !sections.contains { $0.prints(name) } }
    }
}

extension SectionSpec {
    /// Whether this section prints the form's part `name`, as a block of its own or as a field.
    func prints(_ name: String) -> Bool {
        // A tasks block prints the tasks its field names: 其他需完成的任务's block is not 年度重点工作任务's.
        let block = kind == .tasks ? field ?? Kind.tasks.rawValue : kind.rawValue
        return block == name || field == name || labelField == name
            || pairs.contains { $0.field == name }
            || parts.contains { $0.field == name || $0.headingField == name }
    }
}
