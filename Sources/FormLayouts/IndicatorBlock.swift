import Forms
import TableLayout

/// 绩效指标: the indicator tree as spanning cells. 绩效指标 spans the whole block, each 一级 its
/// rows, each 二级 its 三级 rows; a 二级 without 三级 rows prints one row with empty values.
extension GridBuilder {
    func indicatorRows(_ section: SectionSpec, form: Form) throws -> [GridRow] {
        let (tree, headingsOverride): ([Indicator], [String]?) = {
            switch form {
            case let .department(f): return (f.indicators, f.indicatorValueHeadings)
            case let .project(f): return (f.indicators, f.indicatorValueHeadings)
            }
        }()
        let s = section.resolvedSpans(columns: columnCount)
        let valueCount = section.valueHeadings.count
        let valueHeadings = headingsOverride ?? section.valueHeadings
        guard valueHeadings.count == valueCount else {
            throw LayoutError.formDoesNotFit(field: source("indicatorValueHeadings"), problem:
                "names \(valueHeadings.count) value column(s), but layout \"\(spec.name)\" has \(valueCount)")
        }
        /// Rows a 二级 node takes, and a 一级 node.
        func rows(of level2: Indicator) -> Int { max(1, level2.children.count) }
        func rows(ofTop level1: Indicator) -> Int { max(1, level1.children.reduce(0) { $0 + rows(of: $1) }) }
        let total = tree.reduce(0) { $0 + rows(ofTop: $1) }

        var header = sectionLabel(section, form: form, rows: total + 1)
        header += zip(section.headings + valueHeadings, s).map { label($0, columns: $1, source: layoutText("heading", $0)) }
        var result = [GridRow(header, isHeader: true, keepWithNext: true)]

        for (g, level1) in tree.enumerated() {
            let at1 = "indicators[\(g)]"
            try refuseValues(of: level1, at: at1, level: "一级")
            var first1: [GridCell] = [label(level1.name, columns: s[0], rows: rows(ofTop: level1), source: source("\(at1).name"))]
            let level2s = level1.children.isEmpty ? [Indicator(name: "")] : level1.children
            for (j, level2) in level2s.enumerated() {
                let at2 = "\(at1).children[\(j)]"
                try refuseValues(of: level2, at: at2, level: "二级")
                var first2: [GridCell] = [label(level2.name, columns: s[1], rows: rows(of: level2), source: source("\(at2).name"))]
                let level3s = level2.children.isEmpty ? [Indicator(name: "", values: [])] : level2.children
                for (k, level3) in level3s.enumerated() {
                    let at3 = "\(at2).children[\(k)]"
                    var values = level3.values ?? []
                    if level2.children.isEmpty { values = Array(repeating: "", count: valueCount) }
                    guard values.count == valueCount else {
                        throw LayoutError.formDoesNotFit(field: source(at3 + ".values"), problem:
                            "has \(values.count) value(s), but layout \"\(spec.name)\" prints \(valueCount) value column(s)")
                    }
                    if !level3.children.isEmpty {
                        throw LayoutError.formDoesNotFit(field: source(at3 + ".children"), problem:
                            "a 三级 indicator has no children (the tree has three levels)")
                    }
                    var cells = first1 + first2
                    cells.append(value(level3.name, columns: s[2], source: source("\(at3).name")))
                    for (v, text) in values.enumerated() {
                        cells.append(value(text, columns: s[3 + v], style: section.valueStyle ?? "value",
                                           source: source("\(at3).values[\(v)]")))
                    }
                    result.append(GridRow(cells))
                    first1 = []
                    first2 = []
                }
            }
        }
        return result
    }

    /// Only 三级 indicators have values: given on a 一级 or 二级 one, they would not be printed.
    private func refuseValues(of indicator: Indicator, at path: String, level: String) throws {
        guard let values = indicator.values, values.contains(where: { !$0.isEmpty }) else { return }
        throw LayoutError.formDoesNotFit(field: source(path + ".values"), problem:
            "a \(level) indicator prints no values (only 三级 ones do)")
    }
}
