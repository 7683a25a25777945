/// Real texts from the seed forms (../shared/seeds), as printed.
public enum SeedText {
    /// Seed 000, 总体绩效目标, paragraphs 1 and 2: numbers with units, “” quotes, ；
    public static let houjieGoal1 = "1. 做好党校日常运营管理；2. 开展各类党员培训，包括我镇中层干部、社区“两委”干部及机关基层年轻干部等，全年组织开展系列专题培训12期。"
    public static let houjieGoal2 = "2. 开展节日慰问及主题党日活动等，加强对老干部的思想引导和感情交流，着力打造“霞熠竹溪红”老干部工作品牌；为老干部订阅报刊，用于加强老干部政治建设，思想建设，为老干部提供了丰富精神文化生活；为老同志体检和接种流感疫苗，确保老干部身心健康。"
    /// Seed 001, 离退休干部管理: titles one after another, 》、《
    public static let dongkengNewspapers = "为每位老同志订阅《东莞日报》、《南方日报》、《老人报》、《秋光》、《秋光，关心下一代》等报刊，满足离退休干部政治学习需要和精神文化生活需求。"
    /// Seed 002, 任务3's goal: ASCII brackets, document numbers, 《》.
    public static let dalangTask3Goal = "贯彻落实市委组织部东组通[2012]64号《关于实行村(社区)书记、主任退岗补助制度的意见》的通知, 结合我镇实际, 加强农村基层组织建设, 完善离任和退岗后生活保障机制。"
    /// Seed 002, 补助发放标准: solidi, numbers with units, ：；
    public static let dalangSubsidyStandard = "①村（社区）办公经费补助：每村（社区）10万元/年 ②村（社区）党组织服务群众经费：每村（社区）6万元/年 ③离任村（社区）干部生活补助：正常离任1年：100元/月；2-3年：200元/月；4-5年：300元/月；6-7年：400元/月；8-9年：500元/月；10-19年：700元/月；20-29年：800元/月；30年及以上：900元/月；我镇目前约176人合计约95800元/月"
    /// Seed 002, 补贴发放标准.
    public static let dalangAllowance = "①村（社区）书记主任退岗补贴：村（社区）书记1600元/月、主任1400元/月，工龄补助为每任职一年补助50元/月 ②一次性退休农村干部补贴：400元/人/月"
    /// Seed 002, 任务1: an amount with digit groups.
    public static let dalangTask1 = "任务1: 为村(社区)办公经费提供经费保障 2,800,000.00 贯彻落实东财[2019]259号《关于进一步明确党的基层组织建设保障经费要求的通知》, 推动全镇基层党组织建设全面进步、全面过硬。"
    /// Seed 003, 目标3: “” quotes, 12345, 、
    public static let dongguanGoal3 = "目标3：按质按量做好2023年全年“阳光热线”在线访谈工作，联合东莞广播电视台和东莞市政数局，开通电视问政栏目“直通12345”，立足打造“响应政府”平台，提升执行力，发挥联结政府和群众的桥梁纽带作用，推动政府提升办事效率，真正做好“民有所呼、我有所应”，进一步增强人民群众获得感、幸福感、满意度。"
    /// Seed 004 and 001, indicator names and values (joined with ；), with ≥ and a space, percentages.
    public static let suixiIndicators = "指标12: 开办农村创业青年培训班次数(次) ≥ 1；指标13: 培训及跟踪服务农村青年(人/年) ≥ 300；指标14: 活动开展率(%) ≥ 90%；指标4: 党员教育培训完成率(%) 100%；党员参与率≥90%；党建活动参加人次（次）约862人次"
    /// Seed 004, 任务16's content, its formulas as printed (`$…$` in the extraction).
    public static let suixiFormula = "按每村(社区)每年6万元的标准补助村(社区)服务群众专项经费。行政村按照省市县6:3:1的分担比例计算,需配套村党组织服务群众专项经费 322 × 6 × 0.1 = 193.2 万元,社区按照省市县4:5:1的分担比例计算,每年需配套社区党组织服务群众专项经费 28 × 6 × 0.1 = 16.8 万元,合计210万元。"

    /// Seed 004, 任务15's content: formulas, and numbers set apart from their units by a space.
    public static let suixiTask15 = "根据文件精神,2023年村(社区)“两委”干部补贴标准为人均每月3500元,社区按照省市县4:5:1的分担比例计算,需配套社区“两委”干部补贴 28 × 5 × 3500 × 12 × 0.1 = 58.8 万元;由于我县实有社区干部编制比省、市级补助人数多 224 - 28 × 5 = 84 人,84人“两委”补贴经费需由县级财政配套支持,需配套 84 × 3500 × 12 = 352.8 万元。共需配套411.6万元。"
    /// Seed 002, 聘用成本: a list numbered ① ②, and 万元 after a number.
    public static let dalangHiringCost = "①社工：11.92万元/人/年 ②党建组织员薪酬待遇：参考普通三类聘员标准；劳务派遣服务管理费170元/人/月。"
    /// Seed 000, 老干部工作专项经费's goal: a list numbered 1. 2. 3.
    public static let houjieCadreGoal = "1. 加强对老干部的思想引导和感情交流；2. 加强老干部政治建设，思想建设，丰富老干部的精神文化生活；3. 确保老干部身心健康。"

    /// Seed 001, 村（社区）综合材料补贴's goal: its last line was 平。 alone in the printed cell.
    public static let dongkengMaterialsGoal = "全面加强党的组织建设，进一步充实基层党建工作力量，全面提升基层党建工作水平。"
    /// Seed 002, 任务2's name: its last line was 障 alone.
    public static let dalangTask2Name = "任务2: 为村(社区)党组织服务群众提供经费保障"

    public static let paragraphs = [houjieGoal1, houjieGoal2, dalangTask3Goal, dalangSubsidyStandard,
                                    dalangAllowance, dalangTask1, dongguanGoal3, suixiIndicators, suixiFormula,
                                    suixiTask15, dalangHiringCost, houjieCadreGoal]

    /// Pieces that must never be torn across lines (when the line is wide enough for them).
    public static let unbreakables = ["≥90%", "≥ 90%", "≥ 300", "≥ 1", "2,800,000.00", "95800元/月",
                                      "400元/人/月", "1600元/月", "12期", "862人次", "12345", "100%", "193.2", "210万元",
                                      "193.2 万元", "352.8 万元", "84 人", "11.92万元", "①社", "②党"]
}

/// Indicator rows (三级指标 and its two values) as printed in the seeds (001, 002, 003).
public enum SeedIndicators {
    public static let rows: [(name: String, period: String, year: String)] = [
        ("党建活动参加人次（次）", "约862人次", "约862人次"),
        ("举办党建活动场次", "≥5次", "≥5次"),
        ("党员参与率", "≥90%", "≥90%"),
        ("补助发放完成期限", "2024年12月31日", "2024年12月31日"),
        ("社工、党建组织员服务周期", "①社工：1年 ②党建组织员：3年", "①社工：1年 ②党建组织员：1年"),
        ("补贴发放标准", "①村（社区）书记主任退岗补贴：村（社区）书记1600元/月、主任1400元/月，工龄补助为每任职一年补助50元/月 ②一次性退休农村干部补贴：400元/人/月",
         "①村（社区）书记主任退岗补贴：村（社区）书记1600元/月、主任1400元/月，工龄补助为每任职一年补助50元/月 ②一次性退休农村干部补贴：400元/人/月"),
        ("开展“阳光热线”在线访谈节目期数", "除节假日外，逢周六上午上线。每月约开展4期", "45期"),
        ("预算执行率（%）", "≥90%", "≥90%"),
        ("提升党员政治素养", "有效提升", "有效提升"),
        ("村（社区）离任、退岗、退休干部满意度", "≥90%", "≥90%"),
        ("党员到社区报到开展志愿活动", "加强与社区联系，保障活动正常开展", "加强与社区联系，保障活动正常开展"),
        ("聘用成本", "①社工：11.92万元/人/年 ②党建组织员薪酬待遇：参考普通三类聘员标准；劳务派遣服务管理费170元/人/月。",
         "①社工：11.92万元/人/年 ②党建组织员薪酬待遇：参考普通三类聘员标准；劳务派遣服务管理费170元/人/月。"),
    ]
    public static let level1 = ["产出指标", "效益指标", "满意度指标", "成本指标"]
    public static let level2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标", "服务对象满意度指标"]
}
