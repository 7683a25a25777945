import Forms

/// Every part of a form with something in it must have a place in its layout: a layout without
/// one (a county's that prints no 批复单位, notes or closing rows; any that leaves out a field
/// or block) would lose it without a word, so the form is refused, naming the field.
extension GridBuilder {
    func checkEveryGivenFieldIsPrinted(_ form: Form) throws {
        let fields = FieldLookup.known(for: form.type).sorted().map { name in
            (field: name, isGiven: FieldLookup.text(name, of: form).contains { !$0.isWhitespace })
        }
        let blocks: [(field: String, isGiven: Bool)]
        switch form {
        case let .department(f):
            let b = f.budget
            let amounts = [b.basicExpenditure, b.projectExpenditure, b.fiscalAppropriation, b.otherFunds,
                           b.specialFunds, b.otherDevelopmentExpenditure, b.cityLevelFunds ?? "", b.transferFunds ?? ""]
            blocks = [
                ("budget", amounts.contains { $0.contains { !$0.isWhitespace } }),
                ("tasks", !f.tasks.rows.isEmpty),
                ("otherTasks", !(f.otherTasks ?? []).isEmpty),
                ("indicators", !f.indicators.isEmpty),
                ("closingRows", !f.closingRows.isEmpty),
                ("notes", !f.notes.isEmpty),
            ]
        case let .project(f):
            blocks = [("indicators", !f.indicators.isEmpty)]
        }
        for (field, isGiven) in fields + blocks where isGiven && !spec.prints(field) {
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
