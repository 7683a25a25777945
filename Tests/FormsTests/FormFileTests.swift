import Foundation
import Forms
import TestSupport
import Testing

/// A list of forms is read one form at a time, and gives what decoding it whole gave.
@Suite struct FormFileTests {
    let listPath = Repository.examples + "/dongkeng-2024-projects.json"

    @Test func formsReadOneAtATimeAreTheFormsOfTheList() throws {
        let file = try FormFile(path: listPath)
        #expect(file.type == .project && file.isList && file.count == 22 && file.layout == "项目")
        let whole = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: listPath))) as? [String: Any]
        let names = (whole?["forms"] as? [[String: Any]] ?? []).map { $0["projectName"] as? String }
        #expect(try (0..<file.count).map { try file.form(at: $0).name } == names)
        // Read from another thread, in any order: the same forms.
        let last = try file.form(at: 21)
        let again = try DispatchQueue.global().sync { try file.form(at: 21) }
        #expect(last == again && file.path(ofForm: 21) == "forms[21]")
    }

    /// Spreadsheet exports write amounts, years and counts as bare numbers: each is kept as written
    /// (37.80, not 37.8).
    @Test func figuresMayBeBareNumbersAndAreKeptAsWritten() throws {
        let text = try String(contentsOfFile: Repository.examples + "/dalang-2024.json", encoding: .utf8)
            .replacingOccurrences(of: #""basicExpenditure": "37.80""#, with: #""basicExpenditure": 37.80"#)
        #expect(text.contains(#""basicExpenditure": 37.80,"#))
        guard case let .department(form) = try FormFile(data: Data(text.utf8), file: "in.json").form(at: 0) else {
            Issue.record("not a department form"); return
        }
        #expect(form.budget.basicExpenditure == "37.80")
        let project = #"{"form": "项目", "title": "项目绩效目标表", "projectName": "党建", "projectType": "", "projectLevel": "", "#
            + #""supervisingDepartment": "", "spendingUnit": "", "period": {"startYear": 2024, "endYear": 2026}, "#
            + #""budgetLabel": "预算金额", "budgetAmount": 5.172e5, "periodGoal": [], "annualGoalLabel": "年度目标", "#
            + #""annualGoal": [], "indicators": []}"#
        guard case let .project(p) = try FormFile(data: Data(project.utf8), file: "p.json").form(at: 0) else {
            Issue.record("not a project form"); return
        }
        #expect(p.period.startYear == "2024" && p.period.endYear == "2026" && p.budgetAmount == "5.172e5")
        // Other kinds of value are not figures; texts elsewhere stay texts.
        #expect { try FormFile(data: Data(project.replacingOccurrences(of: "5.172e5", with: "true").utf8), file: "p.json").form(at: 0) }
            throws: { error in String(describing: error) == "p.json: budgetAmount: expected a figure (a number, or a text in quotes)" }
        #expect { try FormFile(data: Data(project.replacingOccurrences(of: #""党建""#, with: "7").utf8), file: "p.json").form(at: 0) }
            throws: { error in String(describing: error) == "p.json: projectName: expected a text (a string in quotes)" }
    }

    @Test func aSingleFormFileIsAListOfOne() throws {
        let file = try FormFile(path: Repository.examples + "/suixi-2024.json")
        #expect(file.type == .department && !file.isList && file.count == 1 && file.path(ofForm: 0) == "")
        #expect(try file.form(at: 0).title.contains("部门整体"))
    }

    @Test func openFilesAreNotHeldSoThousandsOfInputsMayBeGiven() throws {
        // More files than the usual limit of 1,024 open per process; none stays open.
        func openCount() throws -> Int { try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count }
        let before = try openCount()
        let path = Repository.examples + "/houjie-2026-approval.json"
        let files = try (0..<1_500).map { _ in try FormFile(path: path) }
        #expect(try openCount() < before + 100, "other tests may open a few at the same time")
        #expect(try files.last?.form(at: 0).name == files.first?.form(at: 0).name)
    }

    @Test func aBadFormIsNamedWhenItIsRead() throws {
        let text = #"{"form": "项目", "forms": [{"title": 3}, {"title": "x"}], "_note": "comments are kept out"}"#
        let file = try FormFile(data: Data(text.utf8), file: "in.json")
        #expect(file.count == 2)
        #expect(throws: FormError.invalid(file: "in.json", path: "forms[0].title", problem: "expected a text (a string in quotes)")) {
            try file.form(at: 0)
        }
        #expect(throws: FormError.invalid(file: "in.json", path: "forms[1].projectName", problem: "missing (required)")) {
            try file.form(at: 1)
        }
    }

    @Test func theEnvelopeIsCheckedBeforeAnyForm() {
        func problem(_ text: String) -> String {
            do { _ = try FormFile(data: Data(text.utf8), file: "in.json"); return "no problem" } catch { return "\(error)" }
        }
        #expect(problem(#"{"form": "项目", "forms": [{}], "layuot": "项目"}"#) == #"in.json: layuot: unknown key "layuot" (did you mean "layout"?)"#)
        #expect(problem(#"{"form": "项目", "forms": {}}"#) == "in.json: forms: expected a list")
        #expect(problem(#"{"form": "项目", "forms": []}"#) == "in.json: forms: holds no form")
        #expect(problem(#"{"forms": [{}]}"#) == "in.json: form: missing (required)")
        #expect(problem(#"{"form": "报表", "forms": [{}]}"#).hasPrefix(#"in.json: form: unknown form type "报表""#))
        #expect(problem("\u{FEFF}") == "in.json: not valid JSON: the file is empty")
    }
}
