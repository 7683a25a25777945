import Foundation
import Forms
import TestSupport
import Testing

/// Amounts that are not numbers are printed as given, and said so: the sums cannot count them.
@Suite struct FormChecksTests {
    /// The first form of an example, edited as JSON.
    func form(_ example: String, editing edit: (inout [String: Any]) -> Void) throws -> Form {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.examples + "/" + example))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        if var forms = json["forms"] as? [[String: Any]] {
            edit(&forms[0])
            json["forms"] = [forms[0]]
        } else {
            edit(&json)
        }
        return try FormFile(data: JSONSerialization.data(withJSONObject: json), file: example).form(at: 0)
    }

    @Test func theRealFormsHaveOnlyNumbersForAmounts() throws {
        for example in ["houjie-2026-approval.json", "dalang-2024.json", "dongkeng-2024-projects.json"] {
            let file = try FormFile(path: Repository.examples + "/" + example)
            for index in 0..<file.count {
                let warnings = FormChecks.warnings(for: try file.form(at: index), at: file.path(ofForm: index))
                #expect(!warnings.contains { $0.message.contains("is not an amount") }, "\(example): \(warnings)")
            }
        }
    }

    @Test func anAmountInWordsIsNamedByItsPath() throws {
        let department = try form("dalang-2024.json") { form in
            var budget = form["budget"] as? [String: Any] ?? [:]
            budget["otherFunds"] = "约二十万"
            budget["specialFunds"] = " "  // blank stays blank: not a mistake
            form["budget"] = budget
            var tasks = form["tasks"] as? [String: Any] ?? [:]
            var rows = tasks["rows"] as? [[String: Any]] ?? []
            rows[2]["amount"] = "6万元"
            tasks["rows"] = rows
            form["tasks"] = tasks
        }
        let warnings = FormChecks.warnings(for: department, at: "")
        #expect(warnings.map(\.path) == ["budget.otherFunds", "tasks.rows[2].amount"])
        #expect(warnings.first?.message.hasPrefix("\"约二十万\" is not an amount") == true)
        // The budget's sum is not checked with an amount it cannot read.
        #expect(!warnings.contains { $0.path == "budget" })

        let project = try form("dongkeng-2024-projects.json") { $0["budgetAmount"] = "12万" }
        #expect(FormChecks.warnings(for: project, at: "forms[0]").map(\.description)
            == ["forms[0].budgetAmount: \"12万\" is not an amount (digits, a decimal point, thousands commas): printed as given, left out of the sums checked"])
    }

    @Test func aFormWithoutIndicatorsIsWarnedAbout() throws {
        let project = try form("dongkeng-2024-projects.json") { $0["indicators"] = [Any]() }
        #expect(FormChecks.warnings(for: project, at: "forms[0]").map(\.description)
            == ["forms[0].indicators: no indicators (绩效指标): the table prints their heading row alone"])
        let department = try form("dalang-2024.json") { $0["indicators"] = [Any]() }
        #expect(FormChecks.warnings(for: department, at: "").map(\.path) == ["indicators"])
    }

    @Test func sumsInWarningsAreWrittenInFullDigits() throws {
        let department = try form("dalang-2024.json") { form in
            var budget = form["budget"] as? [String: Any] ?? [:]
            budget["basicExpenditure"] = "90,000,000,000,000.00"
            form["budget"] = budget
        }
        let sum = try #require(FormChecks.warnings(for: department, at: "").first { $0.path == "budget" })
        #expect(sum.message.hasPrefix("基本支出 + 项目支出 = 900000000"), "\(sum.message)")
        #expect(!sum.message.contains("e+"))
    }

    /// What `Double` would also read (an exponent, hex, a lone point) is not a printed amount.
    @Test func onlyDigitsCommasAndOnePointMakeAnAmount() throws {
        func isAmount(_ text: String) throws -> Bool {
            let project = try form("dongkeng-2024-projects.json") { $0["budgetAmount"] = text }
            return FormChecks.warnings(for: project, at: "forms[0]").isEmpty
        }
        for text in ["12", "1,046.80", "20 000", "-3.00", "0.5", "2,800,000.00", "-1,000", "999,999.5"] {
            #expect(try isAmount(text), "\(text)")
        }
        // Commas only between thousands: "137,34" is not 13734.
        for text in ["1e5", "0x10", "1.", ".5", "1.2.3", "--1", "+5", "１２", "nan", "-",
                     "137,34", "13,7.34", "1,0,0", "137.34,", ",137", "1,2345", "1.000,5", "1,000."] {
            #expect(try !isAmount(text), "\(text)")
        }
    }
}
