import Forms

/// Parts of a department form that only some layouts print (批复单位, the year line, the
/// closing rows, the notes, the other tasks): given in a form whose layout has no place for
/// them, they would be lost without a word, so the form is refused, naming the field.
extension GridBuilder {
    func checkEveryGivenFieldIsPrinted(_ form: Form) throws {
        guard case let .department(f) = form else { return }
        let given: [(field: String, isGiven: Bool)] = [
            ("yearLine", !(f.yearLine ?? "").isEmpty),
            ("approvingUnit", !(f.approvingUnit ?? "").isEmpty),
            ("closingRows", !f.closingRows.isEmpty),
            ("notes", !f.notes.isEmpty),
            ("otherTasks", !(f.otherTasks ?? []).isEmpty),
        ]
        for (field, isGiven) in given where isGiven && !spec.prints(field) {
            throw LayoutError.invalid(file: spec.file, key: "sections",
                                      problem: "\(source(field)) is given, but this layout has no place for it (choose another with --layout, or leave it out)")
        }
    }
}

extension LayoutSpec {
    /// Whether a section prints the form's field `name`, as a block of its own or as a field.
    func prints(_ name: String) -> Bool {
        sections.contains { section in
            section.kind.rawValue == name || section.field == name || section.labelField == name
                || section.pairs.contains { $0.field == name }
                || section.parts.contains { $0.field == name || $0.headingField == name }
        }
    }
}
