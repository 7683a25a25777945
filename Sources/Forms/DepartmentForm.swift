import StrictJSON

/// 部门整体: a department-wide budget-performance target form.
public struct DepartmentForm: Hashable, Sendable, Decodable {
    public struct BasicInfo: Hashable, Sendable, Decodable {
        /// 财政供养人员数
        public var staffCount: String
        /// 下属二级单位数
        public var subordinateUnits: String
        enum CodingKeys: String, CodingKey, CaseIterable { case staffCount, subordinateUnits }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            staffCount = try c.figure(.staffCount)
            subordinateUnits = try c.figure(.subordinateUnits)
        }
    }


    /// 预算整体情况
    public struct Budget: Hashable, Sendable, Decodable {
        /// 万元 or 元
        public var unit: String
        public var basicExpenditure: String
        public var projectExpenditure: String
        public var fiscalAppropriation: String
        public var otherFunds: String
        public var specialFunds: String
        public var otherDevelopmentExpenditure: String
        public var cityLevelFunds: String?
        public var transferFunds: String?

        /// Every amount, by its JSON key (the unit aside).
        public var amounts: [(key: String, text: String?)] {
            [("basicExpenditure", basicExpenditure), ("projectExpenditure", projectExpenditure),
             ("fiscalAppropriation", fiscalAppropriation), ("otherFunds", otherFunds), ("specialFunds", specialFunds),
             ("otherDevelopmentExpenditure", otherDevelopmentExpenditure), ("cityLevelFunds", cityLevelFunds),
             ("transferFunds", transferFunds)]
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case unit, basicExpenditure, projectExpenditure, fiscalAppropriation, otherFunds, specialFunds
            case otherDevelopmentExpenditure, cityLevelFunds, transferFunds
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            unit = try c.decode(String.self, forKey: .unit)
            guard ["万元", "元"].contains(unit) else {
                throw DecodingError.dataCorruptedError(forKey: .unit, in: c, debugDescription: "must be \"万元\" or \"元\", not \"\(unit)\"")
            }
            basicExpenditure = try c.figure(.basicExpenditure)
            projectExpenditure = try c.figure(.projectExpenditure)
            fiscalAppropriation = try c.figure(.fiscalAppropriation)
            otherFunds = try c.figure(.otherFunds)
            specialFunds = try c.figure(.specialFunds)
            otherDevelopmentExpenditure = try c.figure(.otherDevelopmentExpenditure)
            cityLevelFunds = try c.figureIfPresent(.cityLevelFunds)
            transferFunds = try c.figureIfPresent(.transferFunds)
        }
    }

    public struct TaskTable: Hashable, Sendable, Decodable {
        public var unit: String
        public var rows: [Task]
        enum CodingKeys: String, CodingKey, CaseIterable { case unit, rows }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            unit = try c.decode(String.self, forKey: .unit)
            // The heading prints it and the budget check converts by it.
            guard ["万元", "元"].contains(unit) else {
                throw DecodingError.dataCorruptedError(forKey: .unit, in: c, debugDescription: "must be \"万元\" or \"元\", not \"\(unit)\"")
            }
            rows = try c.decode([Task].self, forKey: .rows)
        }
    }

    public var layout: String?
    public var title: String
    public var yearLine: String?
    /// 批复单位 (approval sheets only)
    public var approvingUnit: String?
    /// 部门名称
    public var department: String
    public var basicInfo: BasicInfo
    public var budget: Budget
    /// 总体绩效目标, one string per paragraph.
    public var overallGoal: [String]
    /// 年度重点工作任务
    public var tasks: TaskTable
    /// 其他需完成的任务（可选填）: nil leaves the section out; [] prints its header only.
    public var otherTasks: [Task]?
    public var indicatorValueHeadings: [String]?
    /// 绩效指标
    public var indicators: [Indicator]
    public var closingRows: [ClosingRow]
    /// 备注, under the table.
    public var notes: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case form, layout, title, yearLine, approvingUnit, department, basicInfo, budget, overallGoal, tasks
        case otherTasks, indicatorValueHeadings, indicators, closingRows, notes
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try FormType.check(c, forKey: .form, is: .department)
        layout = try c.decodeIfPresent(String.self, forKey: .layout)
        title = try c.nonEmptyText(.title)
        yearLine = try c.decodeIfPresent(String.self, forKey: .yearLine)
        approvingUnit = try c.decodeIfPresent(String.self, forKey: .approvingUnit)
        department = try c.nonEmptyText(.department)
        basicInfo = try c.decode(BasicInfo.self, forKey: .basicInfo)
        budget = try c.decode(Budget.self, forKey: .budget)
        overallGoal = try c.decode([String].self, forKey: .overallGoal)
        tasks = try c.decode(TaskTable.self, forKey: .tasks)
        otherTasks = try c.decodeIfPresent([Task].self, forKey: .otherTasks)
        indicatorValueHeadings = try c.decodeIfPresent([String].self, forKey: .indicatorValueHeadings)
        indicators = try c.decode([Indicator].self, forKey: .indicators)
        closingRows = try c.decodeIfPresent([ClosingRow].self, forKey: .closingRows) ?? []
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }
}
