import Forms
import TableLayout

/// Checks a layout before any form meets it: the columns fit the page, rows are of a form's
/// height, every section's spans fill the columns with cells that can hold a character, its
/// fields exist for the form type, its headings match its columns, and no label it names is
/// left without a cell.
struct LayoutValidator {
    let spec: LayoutSpec

    /// Taller than this, a minimum row height makes rows that no form has (a row taller than a
    /// page is cut into pages of empty ruling).
    static let tallestMinRowHeight = 50.0

    func validate() throws {
        let styles = try ResolvedStyles(spec)
        // The page numbers print in the bottom margin: a lower margin would put them into the
        // table or off the page.
        let numbers = styles["pageNumber"]
        let numbersHeight = numbers.lineAdvance * 25.4 / 72
        if spec.page.pageNumbers != "none", spec.page.margins[2] < numbersHeight {
            throw LayoutError.invalid(file: spec.file, key: "page.margins", problem:
                "the bottom margin (\(formatted(spec.page.margins[2], decimals: 1)) mm) is lower than the page numbers (\(formatted(numbersHeight, decimals: 1)) mm)")
        }
        try validatePage()
        // A block's label cell prints its label; its other cells headings, values or text.
        let labelSize = styles["label"].size
        let largestTableText = ["label", "text", "value", "amount"].map { styles[$0].size }.max() ?? 0
        let columns = spec.columns.count
        let fields = FieldLookup.known(for: spec.form)
        for (i, section) in spec.sections.enumerated() {
            let at = "sections[\(i)]"
            func fail(_ key: String, _ problem: String) -> LayoutError {
                .invalid(file: spec.file, key: "\(at)\(key.isEmpty ? "" : ".")\(key)", problem: problem)
            }
            func checkField(_ name: String?, key: String = "field") throws {
                guard let name else { throw fail(key, "missing (required for a \(section.kind.rawValue) block)") }
                guard fields.contains(name) else {
                    throw fail(key, "unknown field \"\(name)\" for \(spec.form.rawValue) forms (known: \(fields.sorted().joined(separator: ", ")))")
                }
            }
            func checkSpans(count: Int?) throws {
                let spans = section.resolvedSpans(columns: columns)
                if let count, spans.count != count {
                    throw fail("spans", "needs \(count) spans, has \(spans.count)")
                }
                let total = section.labelSpan + spans.reduce(0, +)
                guard total == columns else {
                    throw fail("spans", "labelSpan \(section.labelSpan) + spans \(spans) = \(total) columns; the layout has \(columns)")
                }
                if section.labelSpan > 0 { try checkCellsHoldACharacter(spans: [section.labelSpan], of: labelSize, key: "labelSpan") }
                try checkCellsHoldACharacter(spans: spans, from: section.labelSpan, of: largestTableText, key: "spans")
            }
            /// Each cell of `spans` (its columns side by side, from column `first`) has room
            /// inside its padding for one character of `size` points; else no form could print in it.
            func checkCellsHoldACharacter(spans: [Int], from first: Int = 0, of size: Double, key: String) throws {
                // In hundredths of a mm, rounded up: the width the message names is the one checked.
                let needed = ((size + Insets.cell.horizontal) * 25.4 / 72 * 100).rounded(.up) / 100
                var first = first
                for span in spans {
                    let width = spec.columns[first..<(first + span)].reduce(0, +)
                    if width < needed {
                        let which = span == 1 ? "column \(first + 1)" : "columns \(first + 1)–\(first + span)"
                        throw fail(key, "the cell of \(which) is \(formatted(width, decimals: 2)) mm wide, too narrow for one character: \(formatted(size, decimals: 1)) pt text inside a cell's padding needs \(formatted(needed, decimals: 2)) mm")
                    }
                    first += span
                }
            }
            func checkLabelHasACell() throws {
                guard section.labelSpan == 0, !section.kind.isOutsideTheTable else { return }
                if [.budget, .closingRows].contains(section.kind) {
                    throw fail("labelSpan", "must be 1 or more: a \(section.kind.rawValue) block prints its label in the first columns")
                }
                if let labelField = section.labelField {
                    throw fail("labelSpan", "is 0, so the form's \(labelField) would not be printed; give the label 1 column or more")
                }
                if let label = section.label {
                    throw fail("labelSpan", "is 0, so the label \"\(label)\" would not be printed; give it 1 column or more, or leave the label out")
                }
            }
            /// The amounts' unit (元 or 万元) is printed only where a heading says {unit}.
            func checkHeadingsPrintTheUnit(of field: String) throws {
                guard !section.headings.contains(where: { $0.contains("{unit}") }) else { return }
                throw fail("headings", "none holds {unit}, so the form's \(field).unit (元 or 万元) would not be printed")
            }
            try checkLabelHasACell()
            if let style = section.valueStyle, !["text", "value", "amount"].contains(style) {
                throw fail("valueStyle", "must be \"text\", \"value\" or \"amount\"")
            }
            switch section.kind {
            case .title, .yearLine, .approvingUnit, .notes:
                continue
            case .field:
                try checkField(section.field)
                if let labelField = section.labelField { try checkField(labelField, key: "labelField") }
                try checkSpans(count: 1)
            case .fieldPairs:
                guard !section.pairs.isEmpty else { throw fail("pairs", "needs at least one pair") }
                for (j, pair) in section.pairs.enumerated() { try checkField(pair.field, key: "pairs[\(j)].field") }
                try checkSpans(count: 2 * section.pairs.count)
            case .budget:
                guard spec.form == .department else { throw fail("block", "a budget block belongs to 部门整体 forms") }
                // Only the first heading is printed (above each column of amounts).
                if let heading = section.headings.first, !heading.contains("{unit}") {
                    throw fail("headings", "the first holds no {unit}, so the form's budget.unit (元 or 万元) would not be printed")
                }
                if section.headings.count > 1 { throw fail("headings", "a budget block prints one heading, above each column of amounts") }
                try checkSpans(count: 4)
            case .paragraphs:
                try checkField(section.field)
                try checkSpans(count: 1)
            case .goals:
                guard !section.parts.isEmpty else { throw fail("parts", "needs at least one part") }
                for (j, part) in section.parts.enumerated() {
                    try checkField(part.field, key: "parts[\(j)].field")
                    if let headingField = part.headingField { try checkField(headingField, key: "parts[\(j)].headingField") }
                }
                try checkSpans(count: 1)
            case .tasks:
                guard spec.form == .department else { throw fail("block", "a tasks block belongs to 部门整体 forms") }
                guard ["tasks", "otherTasks"].contains(section.field ?? "") else {
                    throw fail("field", "must be \"tasks\" or \"otherTasks\"")
                }
                guard section.headings.count == 4 else { throw fail("headings", "needs 4 headings (名称, 主要实施内容, 拟投入的资金, 期望达到的目标)") }
                try checkHeadingsPrintTheUnit(of: "tasks")
                try checkSpans(count: 4)
            case .indicators:
                guard section.headings.count == 3 else { throw fail("headings", "needs 3 headings (一级指标, 二级指标, 三级指标)") }
                guard !section.valueHeadings.isEmpty else { throw fail("valueHeadings", "needs at least one value column") }
                try checkSpans(count: 3 + section.valueHeadings.count)
            case .closingRows:
                try checkSpans(count: 1)
            }
        }
    }

    /// The columns fit between the margins, and the minimum row height is one a form's rows have.
    private func validatePage() throws {
        let width = spec.columns.reduce(0, +)
        guard width <= spec.page.contentWidth + 0.01 else {
            throw LayoutError.invalid(file: spec.file, key: "columns", problem:
                "the widths add up to \(formatted(width, decimals: 1)) mm, more than the \(formatted(spec.page.contentWidth, decimals: 1)) mm between the page's margins")
        }
        guard spec.minRowHeight >= 0, spec.minRowHeight <= Self.tallestMinRowHeight else {
            throw LayoutError.invalid(file: spec.file, key: "minRowHeight",
                                      problem: "must be between 0 and \(Int(Self.tallestMinRowHeight)) mm")
        }
    }
}

extension SectionSpec {
    /// The spans as given, or one span filling the columns after the label.
    func resolvedSpans(columns: Int) -> [Int] {
        spans.isEmpty ? [columns - labelSpan] : spans
    }
}
