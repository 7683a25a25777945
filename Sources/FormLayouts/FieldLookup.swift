import Forms

/// A model value a layout can print by name.
enum FieldValue {
    case text(String)
    case paragraphs([String])
}

/// Model fields by the names layouts use (the JSON keys, dotted for nested ones).
enum FieldLookup {
    static let department: Set<String> = ["title", "yearLine", "approvingUnit", "department", "basicInfo.staffCount",
                                          "basicInfo.subordinateUnits", "overallGoal"]
    static let project: Set<String> = ["title", "projectName", "projectType", "projectLevel", "supervisingDepartment",
                                       "spendingUnit", "period.startYear", "period.endYear", "budgetLabel",
                                       "budgetAmount", "periodGoal", "annualGoalLabel", "annualGoal"]

    static func known(for type: FormType) -> Set<String> { type == .department ? department : project }

    /// The value of a field (nil when an optional field is absent).
    static func value(_ name: String, of form: Form) -> FieldValue? {
        switch form {
        case let .department(f):
            switch name {
            case "title": return .text(f.title)
            case "yearLine": return f.yearLine.map(FieldValue.text)
            case "approvingUnit": return f.approvingUnit.map(FieldValue.text)
            case "department": return .text(f.department)
            case "basicInfo.staffCount": return .text(f.basicInfo.staffCount)
            case "basicInfo.subordinateUnits": return .text(f.basicInfo.subordinateUnits)
            case "overallGoal": return .paragraphs(f.overallGoal)
            default: return nil
            }
        case let .project(f):
            switch name {
            case "title": return .text(f.title)
            case "projectName": return .text(f.projectName)
            case "projectType": return .text(f.projectType)
            case "projectLevel": return .text(f.projectLevel)
            case "supervisingDepartment": return .text(f.supervisingDepartment)
            case "spendingUnit": return .text(f.spendingUnit)
            case "period.startYear": return .text(f.period.startYear)
            case "period.endYear": return .text(f.period.endYear)
            case "budgetLabel": return .text(f.budgetLabel)
            case "budgetAmount": return .text(f.budgetAmount)
            case "periodGoal": return .paragraphs(f.periodGoal)
            case "annualGoalLabel": return .text(f.annualGoalLabel)
            case "annualGoal": return .paragraphs(f.annualGoal)
            default: return nil
            }
        }
    }

    /// The value as one cell text (paragraphs joined by newlines), "" when absent.
    static func text(_ name: String, of form: Form) -> String {
        switch value(name, of: form) {
        case let .text(text)?: return text
        case let .paragraphs(paragraphs)?: return paragraphs.joined(separator: "\n")
        case nil: return ""
        }
    }
}
