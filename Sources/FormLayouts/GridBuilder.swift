import FoundationEssentials
import Forms
import TableLayout
import TextLayout

/// Builds the table document of one form from a layout: furniture above, the grid's rows
/// section by section, notes below.
struct GridBuilder {
    let spec: LayoutSpec
    let styles: ResolvedStyles
    /// JSON path of the form in its document ("" or "forms[3]"), for error messages.
    let path: String

    init(spec: LayoutSpec, path: String) throws {
        self.spec = spec
        self.styles = try ResolvedStyles(spec)
        self.path = path
    }

    /// Where a field lives, for messages: "forms[3].tasks.rows[0].name".
    func source(_ field: String) -> String { path.isEmpty ? field : "\(path).\(field)" }

    var columnCount: Int { spec.columns.count }

    func document(for form: Form) throws -> TableDocument {
        var above: [FurnitureBlock] = []
        var below: [FurnitureBlock] = []
        var rows: [GridRow] = []
        for section in spec.sections {
            switch section.kind {
            case .title:
                above.append(FurnitureBlock(form.title, style: styles["title"], spaceAfter: 4, source: source("title")))
            case .yearLine:
                if case let .text(line)? = FieldLookup.value("yearLine", of: form) {
                    above.append(FurnitureBlock(line, style: styles["subtitle"], spaceAfter: 6, source: source("yearLine")))
                }
            case .approvingUnit:
                if case let .text(unit)? = FieldLookup.value("approvingUnit", of: form) {
                    above.append(FurnitureBlock((section.label ?? "批复单位：") + unit, style: styles["above"],
                                                spaceAfter: 4, source: source("approvingUnit")))
                }
            case .notes:
                if case let .department(f) = form {
                    for (i, note) in f.notes.enumerated() {
                        below.append(FurnitureBlock(note, style: styles["note"], spaceAfter: 2, source: source("notes[\(i)]")))
                    }
                }
            default:
                var block = try rowsOf(section, form: form)
                // A new block ends the repetition of the header rows of the one before.
                if let first = block.indices.first { block[first].endsHeaderBlock = true }
                rows += block
            }
        }
        try checkEveryGivenFieldIsPrinted(form)
        let grid = TableGrid(columns: spec.columns.map { .millimetres($0) }, rows: rows,
                             minRowHeight: spec.minRowHeight * 72 / 25.4)
        return TableDocument(above: above, grid: grid, below: below)
    }

    private func rowsOf(_ section: SectionSpec, form: Form) throws -> [GridRow] {
        switch section.kind {
        case .field: return [fieldRow(section, form: form)]
        case .fieldPairs: return [pairsRow(section, form: form)]
        case .paragraphs: return [paragraphsRow(section, form: form)]
        case .goals: return goalRows(section, form: form)
        case .closingRows: return closingRows(section, form: form)
        case .budget:
            guard case let .department(f) = form else { return [] }
            return try budgetRows(section, budget: f.budget)
        case .tasks:
            guard case let .department(f) = form else { return [] }
            return taskRows(section, form: f)
        case .indicators: return try indicatorRows(section, form: form)
        case .title, .yearLine, .approvingUnit, .notes: return []
        }
    }

    // MARK: cells

    /// A label: the form's text if `source` names its field, else the layout's own (its
    /// headings, or the fixed labels of a block, which the layout's columns must hold).
    func label(_ text: String, columns: Int = 1, rows: Int = 1, source: String? = nil) -> GridCell {
        GridCell(text, rowSpan: rows, columnSpan: columns, style: styles["label"], source: source ?? layoutText("label", text))
    }

    func value(_ text: String, columns: Int, style: String = "text", source: String) -> GridCell {
        GridCell(text, columnSpan: columns, style: styles[style], onPageBreak: .continueText, source: source)
    }

    /// The section's label cell (none when labelSpan is 0).
    func sectionLabel(_ section: SectionSpec, form: Form, rows: Int = 1) -> [GridCell] {
        guard section.labelSpan > 0 else { return [] }
        let text = section.labelField.map { FieldLookup.text($0, of: form) } ?? section.label ?? ""
        return [label(text, columns: section.labelSpan, rows: rows,
                      source: section.labelField.map(source) ?? layoutText("label", text))]
    }

    /// Where a text the layout itself prints comes from, for messages about it (the fault is
    /// then the layout's, not the form's).
    func layoutText(_ kind: String, _ text: String) -> String {
        "\(kind) \"\(text)\" of layout \(spec.file)"
    }

    /// "预算金额（{unit}）" with the unit filled in.
    func withUnit(_ heading: String, _ unit: String) -> String {
        heading.replacing("{unit}", with: unit)
    }
}
