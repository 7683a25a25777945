import StrictJSON

/// 项目: a project budget-performance target form.
public struct ProjectForm: Hashable, Sendable, Decodable {
    public struct Period: Hashable, Sendable, Decodable {
        /// 起始年度
        public var startYear: String
        /// 到期年度
        public var endYear: String
        enum CodingKeys: String, CodingKey, CaseIterable { case startYear, endYear }
        public init(from decoder: Decoder) throws {
            let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
            startYear = try c.figure(.startYear)
            endYear = try c.figure(.endYear)
        }
    }


    public var layout: String?
    public var title: String
    /// 项目名称
    public var projectName: String
    /// 项目类型
    public var projectType: String
    /// 项目等级
    public var projectLevel: String
    /// 主管部门
    public var supervisingDepartment: String
    /// 用款单位
    public var spendingUnit: String
    /// 实施周期
    public var period: Period
    /// e.g. 2024年预算金额（元）
    public var budgetLabel: String
    public var budgetAmount: String
    /// 实施周期总目标
    public var periodGoal: [String]
    /// e.g. 2024年度目标
    public var annualGoalLabel: String
    public var annualGoal: [String]
    public var indicatorValueHeadings: [String]?
    public var indicators: [Indicator]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case form, layout, title, projectName, projectType, projectLevel, supervisingDepartment, spendingUnit
        case period, budgetLabel, budgetAmount, periodGoal, annualGoalLabel, annualGoal, indicatorValueHeadings, indicators
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try FormType.check(c, forKey: .form, is: .project)
        layout = try c.decodeIfPresent(String.self, forKey: .layout)
        title = try c.nonEmptyText(.title)
        projectName = try c.nonEmptyText(.projectName)
        projectType = try c.decode(String.self, forKey: .projectType)
        projectLevel = try c.decode(String.self, forKey: .projectLevel)
        supervisingDepartment = try c.decode(String.self, forKey: .supervisingDepartment)
        spendingUnit = try c.decode(String.self, forKey: .spendingUnit)
        period = try c.decode(Period.self, forKey: .period)
        budgetLabel = try c.nonEmptyText(.budgetLabel)
        budgetAmount = try c.figure(.budgetAmount)
        periodGoal = try c.decode([String].self, forKey: .periodGoal)
        annualGoalLabel = try c.nonEmptyText(.annualGoalLabel)
        annualGoal = try c.decode([String].self, forKey: .annualGoal)
        indicatorValueHeadings = try c.decodeIfPresent([String].self, forKey: .indicatorValueHeadings)
        indicators = try c.decode([Indicator].self, forKey: .indicators)
    }
}
