import Forms
import TableLayout

/// 预算整体情况: 部门预算支出 beside 收入来源, then 事业发展性支出 beside 按预算级次划分.
extension GridBuilder {
    func budgetRows(_ section: SectionSpec, budget: DepartmentForm.Budget) throws -> [GridRow] {
        let s = section.resolvedSpans(columns: columnCount)
        let heading = withUnit(section.headings.first ?? "预算金额（{unit}）", budget.unit)
        let style = section.valueStyle ?? "amount"
        func amount(_ text: String, _ span: Int, _ field: String) -> GridCell {
            value(text, columns: span, style: style, source: source("budget.\(field)"))
        }
        // A layout without the 按预算级次划分 half must not swallow values the form gives for it.
        if !section.levelSplit {
            for (field, text) in [("cityLevelFunds", budget.cityLevelFunds), ("transferFunds", budget.transferFunds)]
            where !(text ?? "").isEmpty {
                throw LayoutError.formDoesNotFit(field: source("budget." + field),
                    problem: "\"\(text ?? "")\" is given, but layout \"\(spec.name)\" prints no 按预算级次划分 half")
            }
        }
        var rows = [
            GridRow([label(section.label ?? "预算整体情况", columns: section.labelSpan, rows: 6),
                     label("部门预算支出", columns: s[0]), label(heading, columns: s[1]),
                     label("收入来源", columns: s[2]), label(heading, columns: s[3])]),
            GridRow([label("基本支出", columns: s[0]), amount(budget.basicExpenditure, s[1], "basicExpenditure"),
                     label("财政拨款", columns: s[2]), amount(budget.fiscalAppropriation, s[3], "fiscalAppropriation")]),
            GridRow([label("项目支出", columns: s[0]), amount(budget.projectExpenditure, s[1], "projectExpenditure"),
                     label("其他资金", columns: s[2]), amount(budget.otherFunds, s[3], "otherFunds")]),
        ]
        if section.levelSplit {
            rows += [
                GridRow([label("事业发展性支出", columns: s[0]), label(heading, columns: s[1]),
                         label("按预算级次划分", columns: s[2]), label(heading, columns: s[3])]),
                GridRow([label("财政专项资金", columns: s[0]), amount(budget.specialFunds, s[1], "specialFunds"),
                         label("市本级使用资金", columns: s[2]), amount(budget.cityLevelFunds ?? "", s[3], "cityLevelFunds")]),
                GridRow([label("其他事业发展性支出", columns: s[0]),
                         amount(budget.otherDevelopmentExpenditure, s[1], "otherDevelopmentExpenditure"),
                         label("拟用于对下转移支付资金", columns: s[2]), amount(budget.transferFunds ?? "", s[3], "transferFunds")]),
            ]
        } else {
            rows += [
                GridRow([label("事业发展性支出", columns: s[0]), label(heading, columns: s[1]),
                         label("", columns: s[2] + s[3], rows: 3)]),
                GridRow([label("财政专项资金", columns: s[0]), amount(budget.specialFunds, s[1], "specialFunds")]),
                GridRow([label("其他事业发展性支出", columns: s[0]),
                         amount(budget.otherDevelopmentExpenditure, s[1], "otherDevelopmentExpenditure")]),
            ]
        }
        return rows
    }
}
