import CairoBackend
import Foundation
import FormLayouts
import Forms
import Frames
import TestSupport
import Testing

/// The five examples rendered and read back as a reader's tools would.
@Suite struct ExampleRenderingTests {
    static let names = ["houjie-2026-approval", "dongkeng-2024-projects", "dalang-2024", "dongguan-jiguan-2023", "suixi-2024"]

    @Test(arguments: names)
    func everyTextOfTheModelIsInThePdf(name: String) throws {
        let (pdf, _) = try renderExample(name)
        #expect(try modelTexts(name).count > 60)
        let missing = try textsMissing(from: readBack(pdf), ofExample: name)
        #expect(missing.isEmpty, "\(name): not found in the PDF: \(missing.prefix(5))")
        for row in try Poppler.fonts(of: pdf) { #expect(row.contains(" yes yes yes "), "\(row)") }
    }

    /// The city's form heads its (empty) other tasks as seed 003 does: a layout of its own.
    @Test func theCityFormHeadsItsOtherTasksAsTheSeedDoes() throws {
        let (pdf, _) = try renderExample("dongguan-jiguan-2023")
        #expect(try readBack(pdf).contains("其他需完成的任务(可选填)名称目标内容拟投入的资金(元)绩效指标"))
    }

    @Test func theApprovalSheetCarriesItsApprovingUnitAndOpinion() throws {
        let (pdf, document) = try renderExample("houjie-2026-approval")
        let text = try readBack(pdf)
        #expect(text.contains("批复单位：东莞市财政局厚街分局"))
        #expect(text.contains("镇财政分局批复意见"))
        #expect(document.info.title == "厚街镇部门（单位）整体支出绩效目标批复表")
        #expect(document.info.author == "东莞市财政局厚街分局")
        // The opinion is the last row of the table.
        let lastPage = try Poppler.text(of: pdf, layout: true).split(separator: "\u{0C}").last.map(String.init) ?? ""
        #expect(lastPage.contains("批复意见"))
        // 其他需完成的任务 is left empty: its header row, right above the indicator header, is
        // printed once, not repeated with the indicators on their continuation page.
        let pages = try Poppler.text(of: pdf).split(separator: "\u{0C}").map { String($0).withoutWhitespace }
        #expect(pages.filter { $0.contains("其他需完成的任务") }.count == 1)
        #expect(pages.last?.hasPrefix("绩效指标一级指标") == true || pages.last?.hasPrefix("一级指标") == true, "\(pages.last?.prefix(40) ?? "")")
    }

    @Test func theCountyFormRunsOverPagesWithTheIndicatorHeaderRepeated() throws {
        let (pdf, document) = try renderExample("suixi-2024")
        #expect(document.pages.count >= 6)
        let pages = try Poppler.text(of: pdf, layout: true).split(separator: "\u{0C}").map(String.init)
        guard let firstIndicatorPage = pages.firstIndex(where: { $0.contains("指标1:") }) else {
            Issue.record("no indicator page"); return
        }
        let rawPages = try Poppler.text(of: pdf).split(separator: "\u{0C}").map { String($0).withoutWhitespace }
        let continuation = (firstIndicatorPage + 1)..<pages.count
        #expect(continuation.count >= 1)
        // (The notes under the table may take a page of their own.)
        for index in continuation where !rawPages[index].hasPrefix("备注") {
            let lines = pages[index].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines.first?.contains("一级指标") == true, "page \(index + 1) starts with: \(lines.first ?? "")")
            // The spanned labels drawn again: 绩效指标 and a 一级 label beside the continuing rows.
            #expect(rawPages[index].contains("绩效指标"))
            #expect(["产出指标", "效益指标", "满意度指标"].contains { rawPages[index].contains($0) })
        }
        // 备注 under the table, on the last page.
        #expect(rawPages.last?.contains("备注") == true)
    }

    @Test func everyProjectFormStartsAPageWithItsTitleAndBookmark() throws {
        let (pdf, document) = try renderExample("dongkeng-2024-projects")
        #expect(document.bookmarks.count == 22)
        let starts = Set(document.bookmarks.map(\.pageIndex))
        #expect(starts.count == 22)  // two identical forms still get pages of their own
        let pages = try Poppler.text(of: pdf).split(separator: "\u{0C}").map(String.init)
        for start in starts {
            #expect(pages[start].withoutWhitespace.hasPrefix("项目绩效目标表"))
            // A document of several pages is numbered (forms.md), here per form: one page each.
            #expect(pages[start].withoutWhitespace.hasSuffix("第1页共1页"), "\(pages[start].suffix(40))")
        }
        #expect(try Poppler.info(of: pdf)["Pages"] == String(document.pages.count))
        #expect(try QPDF.bookmarks(of: pdf) == document.bookmarks.map { "\($0.title) → p.\($0.pageIndex + 1)" })
    }

    /// cairo's dictionaries packed into object streams bring the 22 forms under 150 KB.
    @Test func theProjectFormsFitInAHundredAndFiftyKilobytes() throws {
        let (pdf, _) = try renderExample("dongkeng-2024-projects")
        try QPDF.check(pdf)
        let size = try FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int ?? 0
        #expect(size > 100_000 && size < 150_000, "\(size) bytes")
        #expect(try QPDF.crossReference(of: pdf).filter { $0.contains(": compressed;") }.count > 100)
    }

    @Test func aGoalLongerThanAPageCarriesItsLabelOnEveryPageItRunsOver() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(examples)/houjie-2026-approval.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        json["overallGoal"] = [String(repeating: "甲乙丙丁戊己庚辛壬癸", count: 500)]
        let decoded = try FormDecoder.decode(JSONSerialization.data(withJSONObject: json), file: "long-goal.json")
        let form = try #require(decoded.forms.first)
        var warnings: [String] = []
        let pages = try makeTypesetter().pages(of: FormJob(form: form, layout: layouts.load("部门整体-批复表"), path: ""),
                                               warnings: &warnings)
        let pdf = try temporaryFolder() + "/long-goal.pdf"
        try CairoRenderer().writePDF(Document(pages: pages), to: pdf)
        let pageTexts = try Poppler.text(of: pdf).split(separator: "\u{0C}").map { String($0).withoutWhitespace }
        let goalPages = pageTexts.filter { $0.contains("甲乙丙") }
        #expect(goalPages.count >= 3)
        #expect(goalPages.allSatisfy { $0.contains("总体绩效目标") })
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = try renderExample("dalang-2024").pdf
        let first = try Data(contentsOf: URL(fileURLWithPath: a))
        let b = try renderExample("dalang-2024").pdf
        #expect(try Data(contentsOf: URL(fileURLWithPath: b)) == first)
    }
}
