import Forms
import TableLayout

/// Blocks of one label and its values: 部门名称, 基本信息, 总体绩效目标, 实施周期, closing rows.
extension GridBuilder {
    func fieldRow(_ section: SectionSpec, form: Form) -> GridRow {
        let spans = section.resolvedSpans(columns: columnCount)
        let field = section.field ?? ""
        return GridRow(sectionLabel(section, form: form)
            + [value(FieldLookup.text(field, of: form), columns: spans[0], style: section.valueStyle ?? "text",
                     source: source(field))])
    }

    func pairsRow(_ section: SectionSpec, form: Form) -> GridRow {
        let spans = section.resolvedSpans(columns: columnCount)
        var cells = sectionLabel(section, form: form)
        for (i, pair) in section.pairs.enumerated() {
            cells.append(label(pair.label, columns: spans[2 * i], source: layoutText("label", pair.label)))
            cells.append(value(FieldLookup.text(pair.field, of: form), columns: spans[2 * i + 1],
                               style: section.valueStyle ?? "value", source: source(pair.field)))
        }
        return GridRow(cells)
    }

    func paragraphsRow(_ section: SectionSpec, form: Form) -> GridRow {
        fieldRow(section, form: form)
    }

    /// 总体绩效目标 of a project form: the label beside a heading row and a text row per part.
    func goalRows(_ section: SectionSpec, form: Form) -> [GridRow] {
        let span = section.resolvedSpans(columns: columnCount)[0]
        var rows: [GridRow] = []
        for (i, part) in section.parts.enumerated() {
            let heading = part.headingField.map { FieldLookup.text($0, of: form) } ?? part.heading ?? ""
            let first = i == 0 ? sectionLabel(section, form: form, rows: 2 * section.parts.count) : []
            rows.append(GridRow(first + [label(heading, columns: span)], keepWithNext: true))
            rows.append(GridRow([value(FieldLookup.text(part.field, of: form), columns: span, source: source(part.field))]))
        }
        return rows
    }

    /// 批复意见, 满意度调查…: one row each, the label as the form gives it.
    func closingRows(_ section: SectionSpec, form: Form) -> [GridRow] {
        guard case let .department(f) = form else { return [] }
        let span = section.resolvedSpans(columns: columnCount)[0]
        return f.closingRows.enumerated().map { i, row in
            GridRow([label(row.label, columns: section.labelSpan, source: source("closingRows[\(i)].label")),
                     value(row.text, columns: span, style: section.valueStyle ?? "text", source: source("closingRows[\(i)].text"))])
        }
    }
}
