import Foundation
import FormLayouts
import Forms
import TestSupport
import Testing

/// Bad documents and bad layouts: each error names the file and the JSON path or key.
@Suite struct ModelAndLayoutErrorTests {
    func decode(_ json: String) throws -> FormDocument {
        try FormDecoder.decode(Data(json.utf8), file: "in.json")
    }

    /// The project example with one change made to its JSON.
    func project(_ change: (inout [String: Any]) -> Void) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(examples)/dongkeng-2024-projects.json"))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    func forms(_ object: [String: Any]) -> [[String: Any]] { object["forms"] as? [[String: Any]] ?? [] }

    @Test func theExamplesDecode() throws {
        for name in ExampleRenderingTests.names {
            let document = try FormDecoder.decode(file: "\(examples)/\(name).json")
            #expect(!document.forms.isEmpty)
        }
        let projects = try FormDecoder.decode(file: "\(examples)/dongkeng-2024-projects.json")
        #expect(projects.type == .project && projects.forms.count == 22 && projects.isList)
    }

    @Test func anUnknownKeyIsReportedWithItsPathAndANearName() throws {
        let data = try project { object in
            var list = forms(object)
            list[3]["projectNmae"] = list[3]["projectName"]
            object["forms"] = list
        }
        #expect(throws: FormError.invalid(file: "in.json", path: "forms[3].projectNmae",
                                          problem: "unknown key \"projectNmae\" (did you mean \"projectName\"?)")) {
            try FormDecoder.decode(data, file: "in.json")
        }
    }

    @Test func aWrongTypeDeepInTheTreeNamesItsPath() throws {
        let data = try project { object in
            var list = forms(object)
            var indicators = list[3]["indicators"] as? [[String: Any]] ?? []
            var children = indicators[0]["children"] as? [[String: Any]] ?? []
            children[1]["name"] = 42
            indicators[0]["children"] = children
            list[3]["indicators"] = indicators
            object["forms"] = list
        }
        #expect {
            try FormDecoder.decode(data, file: "in.json")
        } throws: { error in
            guard case let .invalid(_, path, problem) = error as? FormError else { return false }
            return path == "forms[3].indicators[0].children[1].name" && problem.contains("text")
        }
    }

    @Test func missingAndEmptyRequiredFieldsAreNamed() throws {
        let missing = try project { object in
            var list = forms(object)
            list[0].removeValue(forKey: "projectName")
            object["forms"] = list
        }
        #expect(throws: FormError.invalid(file: "in.json", path: "forms[0].projectName", problem: "missing (required)")) {
            try FormDecoder.decode(missing, file: "in.json")
        }
        let empty = try project { object in
            var list = forms(object)
            list[1]["title"] = "  "
            object["forms"] = list
        }
        #expect(throws: FormError.invalid(file: "in.json", path: "forms[1].title", problem: "must not be empty")) {
            try FormDecoder.decode(empty, file: "in.json")
        }
    }

    @Test func anUnknownFormTypeAndBrokenJsonAreClear() throws {
        #expect(throws: FormError.invalid(file: "in.json", path: "form",
                                          problem: "unknown form type \"县级\" (部门整体 or department, 项目 or project)")) {
            try decode(#"{"form": "县级"}"#)
        }
        #expect(throws: FormError.notJSON(file: "in.json", detail: "line 2, column 23: unexpected end of file")) {
            try decode("{\"form\": \"项目\",\n \"forms\": [ {\"title\": ")
        }
        #expect(throws: FormError.notJSON(file: "in.json", detail: "line 1, column 16: expected a key in \"quotes\"")) {
            try decode(#"{"form": "项目", }"#)
        }
        #expect(throws: FormError.notJSON(file: "in.json", detail: "line 1, column 1: not UTF-8 text (a binary file, or another encoding)")) {
            try FormDecoder.decode(Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00]), file: "in.json")
        }
        #expect(throws: FormError.notJSON(file: "in.json", detail: "the file is empty")) { try decode("") }
        // Cut right after a backslash inside a text (found by the fuzz test: it used to loop forever).
        #expect(throws: FormError.notJSON(file: "in.json", detail: "line 1, column 10: text in quotes is never closed")) {
            try decode(#"{"form": "项"#)
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(try Data(contentsOf: URL(fileURLWithPath: "\(examples)/houjie-2026-approval.json")))
        #expect(try FormDecoder.decode(data, file: "bom.json").forms.count == 1)
    }

    /// A copy of a layout with one change, written to a temporary folder.
    func layout(_ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(repository)/Layouts/\(name).json"))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        change(&object)
        let path = try temporaryFolder() + "/broken.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    func section(_ object: inout [String: Any], _ index: Int, _ key: String, _ value: Any) {
        var sections = object["sections"] as? [[String: Any]] ?? []
        sections[index][key] = value
        object["sections"] = sections
    }

    @Test func brokenLayoutsNameTheirFileAndKey() throws {
        let spans = try layout("项目") { section(&$0, 1, "spans", [2]) }
        #expect { try layouts.load(spans) } throws: { error in
            String(describing: error).hasPrefix("\(spans): sections[1].spans: labelSpan 2 + spans [2] = 4 columns; the layout has 6")
        }
        let field = try layout("项目") { section(&$0, 1, "field", "projectTitle") }
        #expect { try layouts.load(field) } throws: { error in
            String(describing: error).hasPrefix("\(field): sections[1].field: unknown field \"projectTitle\"")
        }
        let block = try layout("部门整体") { section(&$0, 2, "block", "table") }
        #expect { try layouts.load(block) } throws: { error in
            String(describing: error).hasPrefix("\(block): sections[2].block: unknown block \"table\"")
        }
        let style = try layout("部门整体") { $0["styles"] = ["title": ["role": "隶书"]] }
        #expect { try layouts.load(style) } throws: { error in
            String(describing: error) == "\(style): styles.title.role: unknown role \"隶书\" (宋体, 黑体, 仿宋, 楷体)"
        }
    }

    @Test func layoutsThatWouldDrawBadlyAreRefusedBeforeAnyForm() throws {
        func refused(_ path: String, _ message: String) {
            #expect { try layouts.load(path) } throws: { error in String(describing: error) == "\(path): \(message)" }
        }
        refused(try layout("项目") { $0["columns"] = [60, 60, 60, 60, 60, 60] },
                "columns: the widths add up to 360.0 mm, more than the 180.0 mm between the page's margins")
        // Landscape has room for them.
        #expect(try layouts.load(try layout("项目") { object in
            object["columns"] = [40, 40, 40, 60, 40, 40]
            object["page"] = ["orientation": "landscape"]
        }).columns.count == 6)
        refused(try layout("项目") { $0["minRowHeight"] = 700 }, "minRowHeight: must be between 0 and 50 mm")
        refused(try layout("项目") { $0["page"] = ["margins": [80, 15, 16, 15]] },
                "page.margins: must be four widths in mm (top, right, bottom, left), each at least 0 and under 80")
        refused(try layout("项目") { $0["styles"] = ["text": ["indent": -2]] }, "styles.text.indent: must be between 0 and 4 em")
        // A label with no column to print it in: the form's 预算 label, the layout's own, a block's.
        refused(try layout("项目") { section(&$0, 7, "labelSpan", 0); section(&$0, 7, "spans", [6]) },
                "sections[7].labelSpan: is 0, so the form's budgetLabel would not be printed; give the label 1 column or more")
        refused(try layout("项目") { section(&$0, 1, "labelSpan", 0); section(&$0, 1, "spans", [6]) },
                "sections[1].labelSpan: is 0, so the label \"项目名称\" would not be printed; give it 1 column or more, or leave the label out")
        refused(try layout("部门整体-批复表") { section(&$0, 10, "labelSpan", 0); section(&$0, 10, "spans", [7]) },
                "sections[10].labelSpan: must be 1 or more: a closingRows block prints its label in the first columns")
        // A cell with no room for one character inside its padding (4 pt a side): no form could
        // print in it. 10.5 pt needs 18.5 pt, 6.53 mm; 12 pt labels need 7.06 mm. A label's
        // cell is held to the label's size (larger text elsewhere does not matter to it).
        refused(try layout("项目") { $0["columns"] = [3, 39, 26, 52, 30, 30] },
                "sections[9].labelSpan: the cell of column 1 is 3.00 mm wide, too narrow for one character: 10.5 pt text inside a cell's padding needs 6.53 mm")
        #expect(try layouts.load(try layout("项目") { $0["columns"] = [6.6, 35.4, 26, 52, 30, 30] }).columns.count == 6)
        refused(try layout("项目") { $0["columns"] = [6.6, 35.4, 26, 52, 30, 30]; $0["styles"] = ["label": ["size": 12]] },
                "sections[9].labelSpan: the cell of column 1 is 6.60 mm wide, too narrow for one character: 12.0 pt text inside a cell's padding needs 7.06 mm")
        #expect(try layouts.load(try layout("项目") { $0["columns"] = [6.6, 35.4, 26, 52, 30, 30]; $0["styles"] = ["text": ["size": 12]] })
            .columns.count == 6)
        // Amounts whose unit (元 or 万元) no heading would print.
        refused(try layout("部门整体") { section(&$0, 4, "headings", ["预算金额"]) },
                "sections[4].headings: the first holds no {unit}, so the form's budget.unit (元 or 万元) would not be printed")
        // A budget block prints its first heading only: a {unit} in a second would not be seen.
        refused(try layout("部门整体") { section(&$0, 4, "headings", ["预算金额", "（{unit}）"]) },
                "sections[4].headings: the first holds no {unit}, so the form's budget.unit (元 or 万元) would not be printed")
        refused(try layout("部门整体") { section(&$0, 4, "headings", ["预算金额（{unit}）", "其他"]) },
                "sections[4].headings: a budget block prints one heading, above each column of amounts")
        refused(try layout("项目") { section(&$0, 1, "valueStyle", "bogus") },
                "sections[1].valueStyle: must be \"text\", \"value\" or \"amount\"")
        refused(try layout("部门整体") { section(&$0, 6, "headings", ["名称", "主要实施内容", "拟投入的资金", "期望达到的目标"]) },
                "sections[6].headings: none holds {unit}, so the form's tasks.unit (元 or 万元) would not be printed")
    }

    /// A layout file whose name ends in .json itself (county.json.json) is found by the name
    /// `layouts` lists it under, not taken for a path.
    @Test func aLayoutNamedWithJsonIsFoundByItsName() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: "\(repository)/Layouts/项目.json", toPath: folder + "/county.json.json")
        let catalog = LayoutCatalog(directory: folder)
        #expect(catalog.names() == ["county.json"])
        #expect(try catalog.load("county.json").name == "county.json")
    }

    /// Text above the table that leaves it no room is named by its JSON path, not the page.
    @Test func textAboveTheTableThatFillsThePageIsNamed() throws {
        let document = try FormDecoder.decode(file: "\(examples)/houjie-2026-approval.json")
        guard case var .department(form) = document.forms[0] else { Issue.record("not a 部门整体 form"); return }
        form.approvingUnit = String(repeating: "东莞市厚街镇财政分局", count: 400)
        let job = FormJob(form: .department(form), layout: try layouts.load("部门整体-批复表"), path: "")
        #expect { var warnings: [String] = []; _ = try makeTypesetter().pages(of: job, warnings: &warnings) } throws: { error in
            String(describing: error) == "approvingUnit: the text above the table fills the first page, leaving no room for the table"
        }
    }

    @Test func anUnknownLayoutNameListsTheKnownOnes() throws {
        #expect { try layouts.load("部门整体-省级") } throws: { error in
            let message = String(describing: error)
            return message.contains("unknown layout \"部门整体-省级\"") && message.contains("部门整体-县级")
        }
    }

    @Test func valuesThatDoNotMatchTheValueColumnsAreAnErrorNamingThePath() throws {
        let data = try project { object in
            var list = forms(object)
            var indicators = list[0]["indicators"] as? [[String: Any]] ?? []
            var level2 = indicators[0]["children"] as? [[String: Any]] ?? []
            var level3 = level2[0]["children"] as? [[String: Any]] ?? []
            level3[1]["values"] = ["≥5次"]
            level2[0]["children"] = level3
            indicators[0]["children"] = level2
            list[0]["indicators"] = indicators
            object["forms"] = list
        }
        let document = try FormDecoder.decode(data, file: "in.json")
        let job = FormJob(form: document.forms[0], layout: try layouts.load("项目"), path: document.path(ofForm: 0))
        #expect { var warnings: [String] = []; _ = try makeTypesetter().pages(of: job, warnings: &warnings) } throws: { error in
            error as? LayoutError == .formDoesNotFit(field: "forms[0].indicators[0].children[0].children[1].values",
                                                     problem: "has 1 value(s), but layout \"项目\" prints 2 value column(s)")
        }
    }

    /// A layout's minimum row height gives way to a short page: on a landscape page 52 mm tall,
    /// a row of 45 mm under the repeated header does not fit, and was placed past the page foot.
    @Test func aMinimumRowHeightGivesWayToAShortPage() throws {
        let short = try layout("项目") { object in
            object["page"] = ["orientation": "landscape", "margins": [79, 15, 79, 15]]
            object["minRowHeight"] = 45
        }
        let document = try FormDecoder.decode(file: "\(examples)/dongkeng-2024-projects.json")
        var warnings: [String] = []
        let pages = try makeTypesetter().pages(of: FormJob(form: document.forms[0], layout: layouts.load(short), path: ""), warnings: &warnings)
        #expect(pages.count > 10)
    }

    @Test func aCountyLayoutRefusesValuesForTheHalfItDoesNotPrint() throws {
        let document = try FormDecoder.decode(file: "\(examples)/dalang-2024.json")
        let job = FormJob(form: document.forms[0], layout: try layouts.load("部门整体-县级"), path: "")
        #expect { var warnings: [String] = []; _ = try makeTypesetter().pages(of: job, warnings: &warnings) } throws: { error in
            error as? LayoutError == .formDoesNotFit(field: "budget.transferFunds",
                                                     problem: "\"0.00\" is given, but layout \"部门整体-县级\" prints no 按预算级次划分 half")
        }
    }
}
