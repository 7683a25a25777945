import StrictJSON

/// The two form types.
public enum FormType: String, Sendable, CaseIterable, Codable {
    /// 部门整体: department-wide form.
    case department = "部门整体"
    /// 项目: project form.
    case project = "项目"


    /// Reads the type from its Chinese name or its ASCII alias.
    public init?(name: String) {
        switch name {
        case "部门整体", "department": self = .department
        case "项目", "project": self = .project
        default: return nil
        }
    }

    public var alias: String { self == .department ? "department" : "project" }
}

/// A task row (年度重点工作任务 / 其他需完成的任务).
public struct Task: Hashable, Sendable, Decodable {
    /// 名称
    public var name: String
    /// 主要实施内容
    public var content: String
    /// 拟投入的资金, as printed.
    public var amount: String
    /// 期望达到的目标（概述）
    public var goal: String

    enum CodingKeys: String, CodingKey, CaseIterable { case name, content, amount, goal }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        content = try c.decode(String.self, forKey: .content)
        amount = try c.figure(.amount)
        goal = try c.decode(String.self, forKey: .goal)
    }
}

/// A node of the indicator tree: 一级 and 二级 nodes have children; 三级 nodes have values.
public struct Indicator: Hashable, Sendable, Decodable {
    public var name: String
    public var children: [Indicator]
    /// One string per value column (三级 only).
    public var values: [String]?

    public init(name: String, children: [Indicator] = [], values: [String]? = nil) {
        self.name = name; self.children = children; self.values = values
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case name, children, values }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        children = try c.decodeIfPresent([Indicator].self, forKey: .children) ?? []
        values = try c.decodeIfPresent([String].self, forKey: .values)
    }
}

/// A row after the indicators (批复意见, 满意度调查…): a label and a text.
public struct ClosingRow: Hashable, Sendable, Decodable {
    public var label: String
    public var text: String
    enum CodingKeys: String, CodingKey, CaseIterable { case label, text }
    public init(from decoder: Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        label = try c.nonEmptyText(.label)
        text = try c.decode(String.self, forKey: .text)
    }
}
