import Forms
import TableLayout

/// 年度重点工作任务 and 其他需完成的任务: a header row and one row per task.
extension GridBuilder {
    func taskRows(_ section: SectionSpec, form: DepartmentForm) -> [GridRow] {
        let field = section.field ?? "tasks"
        let tasks: [Task]
        let unit: String
        let base: String
        if field == "otherTasks" {
            guard let other = form.otherTasks else { return [] }  // the form leaves the section out
            tasks = other
            unit = form.tasks.unit
            base = "otherTasks"
        } else {
            tasks = form.tasks.rows
            unit = form.tasks.unit
            base = "tasks.rows"
        }
        let s = section.resolvedSpans(columns: columnCount)
        let headings = section.headings.map { withUnit($0, unit) }
        var header = sectionLabel(section, form: .department(form), rows: tasks.count + 1)
        header += zip(headings, s).map { label($0, columns: $1, source: layoutText("heading", $0)) }
        var rows = [GridRow(header, isHeader: true, keepWithNext: true)]
        for (i, task) in tasks.enumerated() {
            let at = "\(base)[\(i)]"
            rows.append(GridRow([
                value(task.name, columns: s[0], source: source("\(at).name")),
                value(task.content, columns: s[1], source: source("\(at).content")),
                value(task.amount, columns: s[2], style: "amount", source: source("\(at).amount")),
                value(task.goal, columns: s[3], source: source("\(at).goal")),
            ]))
        }
        return rows
    }
}
