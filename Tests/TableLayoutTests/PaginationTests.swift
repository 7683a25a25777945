import CairoBackend
import Foundation
import Frames
import TestSupport
import Testing
import TextLayout
@testable import TableLayout

/// Cutting grids into pages: header repetition, labels drawn again, rows split between lines.
@Suite struct PaginationTests {
    let engine: TableLayoutEngine
    init() throws { engine = try makeTableEngine() }

    let spec = PageSpec()

    @Test func twoHundredIndicatorRowsRepeatTheHeaderAndLabelsOnEveryPage() throws {
        let grid = indicatorGrid(groups: 4, subgroups: 5, rowsEach: 10)
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count >= 5)
        for (index, page) in pages.enumerated() {
            let texts = page.runs.map(\.text)
            // Header row and the 绩效指标 label on every page.
            for heading in ["一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值", "绩效指标"] {
                #expect(texts.contains(heading), "page \(index + 1) lacks \(heading)")
            }
            // The header sits at the top of the table on every page.
            let header = try #require(page.runs.first { $0.text == "一级指标" })
            let firstBody = try #require(page.runs.first { SeedIndicators.rows.map(\.name).contains($0.text) })
            #expect(header.origin.y < firstBody.origin.y)
            // A 一级 and a 二级 label on every page beside the rows that continue.
            #expect(texts.contains { SeedIndicators.level1.contains($0) }, "page \(index + 1) has no 一级 label")
            #expect(texts.contains { SeedIndicators.level2.contains($0) }, "page \(index + 1) has no 二级 label")
            // Nothing below the bottom margin.
            for run in page.runs { #expect(run.origin.y < spec.size.height - spec.margins.bottom) }
        }
    }

    /// A header that would fill most of every page is printed once, and a label taller than
    /// half a page continues from page to page as a long text does: repeating either would push
    /// rows off the page. Every line is placed once (the engine's checks are on).
    @Test func aHeaderOrLabelTooTallToRepeatIsPrintedOnce() throws {
        var grid = indicatorGrid(groups: 2, subgroups: 3, rowsEach: 10)
        grid.rows[0].minHeight = spec.contentHeight * 0.6
        grid.rows[1].cells[0].text = "产出指标" + String(repeating: "\n", count: 60) + "（续）"
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count >= 3)
        #expect(pages[0].runs.contains { $0.text == "一级指标" })
        #expect(pages.dropFirst().allSatisfy { page in !page.runs.contains { $0.text == "一级指标" } })
        #expect(pages.filter { page in page.runs.contains { $0.text == "产出指标" } }.count == 1)
        #expect(pages.filter { page in page.runs.contains { $0.text == "（续）" } }.count == 1)
        for page in pages {
            for run in page.runs { #expect(run.origin.y < spec.size.height - spec.margins.bottom) }
        }
    }

    /// Spanned labels beside rows that page breaks cut, in the shapes that once drew text or
    /// rules past the page foot: every line placed once, inside its cell, and nothing below
    /// the bottom margin.
    @Test(arguments: ["tall label beside two short rows", "label beside a row split at the page foot",
                      "tall label ending with a long row", "label taller than two pages ending with a long row"])
    func spannedLabelsBesideCutRowsStayOnThePage(_ shape: String) throws {
        let label = TextStyle(size: 10.5, lineHeight: 1.3, alignment: .center)
        let body = TextStyle(size: 10.5, lineHeight: 1.35, alignment: .justify)
        let long = String(repeating: SeedText.houjieGoal1, count: 30)
        let tall = "产出指标" + String(repeating: "\n", count: 80) + "尾"
        let grid: TableGrid
        switch shape {
        case "tall label beside two short rows":
            grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [
                GridRow([GridCell(tall, rowSpan: 2, style: label), GridCell("短", style: label)]),
                GridRow([GridCell("短", style: label)])])
        case "label beside a row split at the page foot":
            grid = TableGrid(columns: [.millimetres(12), .millimetres(40), .share(1)], rows: [
                GridRow([GridCell("部门名称", columnSpan: 3, style: label)], minHeight: spec.contentHeight - 60),
                GridRow([GridCell("服务对象满意度指标", rowSpan: 2, style: label), GridCell("任务", style: label),
                         GridCell(long, style: body, onPageBreak: .continueText)]),
                GridRow([GridCell("任务2", style: label), GridCell("短", style: body)])])
        case "tall label ending with a long row":
            grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [
                GridRow([GridCell(tall, rowSpan: 2, style: label), GridCell("短", style: label)]),
                GridRow([GridCell(long + long, style: body, onPageBreak: .continueText)])])
        default:
            // The rest of the long row fits on the next page, but the label beside it does not.
            let taller = "产出指标" + String(repeating: "\n", count: 160) + "尾"
            grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [
                GridRow([GridCell(taller, rowSpan: 2, style: label), GridCell("短", style: label)]),
                GridRow([GridCell(long, style: body, onPageBreak: .continueText)])])
        }
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        let foot = spec.size.height - spec.margins.bottom
        for (index, page) in pages.enumerated() {
            for run in page.runs { #expect(run.origin.y < foot, "page \(index + 1): \(run.text) at \(run.origin.y)") }
            for rule in page.rules { #expect(max(rule.start.y, rule.end.y) <= foot + 0.01, "page \(index + 1): a rule at \(rule.start.y)") }
        }
        #expect(pages.contains { $0.runs.contains { $0.text == "尾" } } || shape == "label beside a row split at the page foot")
    }

    @Test func everyPageOfTheTableIsClosedByRulesAtTopAndBottom() throws {
        let grid = indicatorGrid(groups: 2, subgroups: 3, rowsEach: 8)
        let pages = try engine.layout(TableDocument(grid: grid), on: spec)
        #expect(pages.count >= 2)
        for page in pages {
            let horizontal = page.rules.filter { $0.start.y == $0.end.y }
            let top = try #require(horizontal.map(\.start.y).min())
            let bottom = try #require(horizontal.map(\.start.y).max())
            let width = spec.contentWidth
            for y in [top, bottom] {
                // Heavy outline rules covering the whole table width.
                let covered = horizontal.filter { $0.start.y == y }.reduce(0) { $0 + $1.end.x - $1.start.x }
                #expect(abs(covered - width) < 0.01)
                #expect(horizontal.filter { $0.start.y == y }.allSatisfy { $0.width == 1.0 })
            }
        }
    }

    /// A label group of ten rows placed so that the page break falls after each of its rows in turn.
    @Test(arguments: 1...9)
    func aSpannedLabelCutAtAnyRowIsDrawnOnBothPages(rowsOnFirstPage: Int) throws {
        let rowHeight = 24.0
        var grid = indicatorGrid(groups: 1, subgroups: 1, rowsEach: 10,
                                 before: [GridRow([GridCell("部门名称", columnSpan: 6, style: labelStyle)])])
        // Short texts, so that every indicator row is exactly `rowHeight` tall.
        grid.rows = grid.rows.map { row in
            var row = row
            row.minHeight = rowHeight
            row.cells = row.cells.map { var c = $0; if c.text.count > 8 { c.text = String(c.text.prefix(6)) }; return c }
            return row
        }
        // The first row fills the page but for the header and `rowsOnFirstPage` rows (and a bit).
        let header = try SizedGrid(grid: grid, width: spec.contentWidth, pageHeight: spec.contentHeight, engine: engine.text).rowHeights[1]
        grid.rows[0].minHeight = spec.contentHeight - header - rowHeight * Double(rowsOnFirstPage) - 5
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count == 2)
        for page in pages {
            #expect(page.runs.contains { $0.text == "产出指标" })
            #expect(page.runs.contains { $0.text == "数量指标" })
            #expect(page.runs.contains { $0.text == "绩效指标" })
        }
        // Page 1 holds exactly the rows that fit, but for the last row, which never goes to a
        // page alone (page 1 then keeps 8); page 2 repeats the header above the rest.
        let names = SeedIndicators.rows.map { $0.name.count > 8 ? String($0.name.prefix(6)) : $0.name }
        let onFirst = pages[0].runs.filter { names.contains($0.text) }.count
        #expect(onFirst == (rowsOnFirstPage == 9 ? 8 : rowsOnFirstPage))
        #expect(pages[1].runs.contains { $0.text == "一级指标" })
    }

    /// 其他需完成的任务 left without rows: its header row stands right above the indicator
    /// header, but the indicator block's continuation pages repeat only the indicator header.
    @Test func theHeaderOfAnEmptyBlockAboveIsNotRepeatedWithTheNextBlocks() throws {
        let otherTasks = GridRow([GridCell("其他需完成的任务（可选填）", columnSpan: 2, style: labelStyle),
                                  GridCell("名称", style: labelStyle), GridCell("主要实施内容", columnSpan: 2, style: labelStyle),
                                  GridCell("期望达到的目标（概述）", style: labelStyle)],
                                 isHeader: true, keepWithNext: true, endsHeaderBlock: true)
        var grid = indicatorGrid(groups: 3, subgroups: 4, rowsEach: 6, before: [otherTasks])
        grid.rows[1].endsHeaderBlock = true
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count >= 2)
        #expect(pages[0].text.hasPrefix("其他需完成的任务"))
        for page in pages.dropFirst() {
            #expect(!page.text.contains("其他需完成的任务"))
            #expect(page.runs.first { $0.text == "一级指标" }.map { header in
                page.runs.allSatisfy { $0.origin.y >= header.origin.y - 1e-6 || $0.text == "绩效指标" }
            } == true, "the indicator header heads each continuation page")
        }
    }

    @Test func aHeadingRowIsNeverLastOnAPage() throws {
        // Filler rows up to just above the page foot, then a heading that would be the last row.
        let heading = GridRow([GridCell("年度重点工作任务", columnSpan: 2, style: labelStyle)], keepWithNext: true)
        let body = GridRow([GridCell("任务1", style: labelStyle), GridCell(SeedText.dalangTask3Goal, style: bodyStyle)])
        let filler = GridRow([GridCell("部门名称", columnSpan: 2, style: labelStyle)], minHeight: spec.contentHeight - 30)
        let grid = TableGrid(columns: [.share(1), .share(3)], rows: [filler, heading, body])
        let pages = try engine.layout(TableDocument(grid: grid), on: spec)
        #expect(pages.count == 2)
        #expect(!pages[0].text.contains("年度重点工作任务"))
        #expect(pages[1].text.hasPrefix("年度重点工作任务"))
    }

    /// A tall row that would fit a page of its own is still split where moving it whole would
    /// leave more than a quarter of the page empty (a page 85% blank in a long county form).
    @Test func aTallRowSplitsRatherThanLeaveMostOfAPageEmpty() throws {
        let long = SeedText.paragraphs.prefix(10).joined()
        let filler = GridRow([GridCell("部门名称", columnSpan: 2, style: labelStyle)], minHeight: spec.contentHeight * 0.4)
        let tall = GridRow([GridCell("补助发放标准", style: labelStyle), GridCell(long, style: bodyStyle)])
        let grid = TableGrid(columns: [.share(1), .share(3)], rows: [filler, tall])
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        let sized = try #require(pages.count == 2 ? pages : nil, "\(pages.count) pages")
        // The row starts on the first page, under the filler, and ends on the second.
        #expect(sized[0].text.contains(String(long.prefix(8))))
        #expect(sized[1].text.contains("补助发放标准"))  // its label drawn again beside the rest
        let lowest = sized[0].runs.map(\.origin.y).max() ?? 0
        #expect(lowest > spec.size.height - spec.margins.bottom - spec.contentHeight / 4)
        // Under a heading kept with it, the row starts on the first page too, the heading
        // above its first lines (the heading needs only two of them below it).
        let heading = GridRow([GridCell("年度重点工作任务", columnSpan: 2, style: labelStyle)], keepWithNext: true)
        let headed = try engine.layout(TableDocument(grid: TableGrid(columns: [.share(1), .share(3)], rows: [filler, heading, tall])),
                                       on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(headed.count == 2)
        #expect(headed[0].text.contains("年度重点工作任务") && headed[0].text.contains(String(long.prefix(8))))
    }

    @Test func aCellOfFiveThousandCharactersFlowsOverPagesWithItsLabelOnEach() throws {
        var text = ""
        while text.count < 5000 { text += SeedText.paragraphs.joined() }
        text = String(text.prefix(5000))
        let grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [
            GridRow([GridCell("总体绩效目标", style: labelStyle), GridCell(text, style: bodyStyle)]),
        ])
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count >= 3)
        if let folder = ProcessInfo.processInfo.environment["FORMPRESS_TEST_OUTPUT"] {
            try CairoRenderer().writePDF(Document(pages: pages), to: folder + "/long-cell.pdf")
        }
        // Every word of the text is there once, in order, over the pages; the label beside it on
        // each page, so that no page shows text without saying what it is.
        let textColumn = spec.margins.left + 25 * 72 / 25.4
        let flowing = pages.map { $0.runs.filter { $0.origin.x > textColumn }.map(\.text).joined() }
        #expect(flowing.joined().withoutWhitespace == text.withoutWhitespace)
        for page in pages {
            #expect(page.runs.filter { $0.origin.x < textColumn }.map(\.text).joined() == "总体绩效目标")
            // Every page's part of the cell holds at least two lines.
            #expect(Set(page.runs.filter { $0.origin.x > textColumn }.map(\.origin.y)).count >= 2)
        }
    }

    @Test func anAmountBesideASplitRowIsPrintedOnceAndOnlyItsLabelRepeats() throws {
        var text = ""
        while text.count < 3000 { text += SeedText.paragraphs.joined() }
        let grid = TableGrid(columns: [.millimetres(25), .millimetres(30), .share(1)], rows: [
            GridRow([GridCell("任务1", style: labelStyle),
                     GridCell("2,800,000.00", style: bodyStyle, onPageBreak: .continueText),
                     GridCell(text, style: bodyStyle, onPageBreak: .continueText)]),
        ])
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        #expect(pages.count >= 2)
        let amountColumn = spec.margins.left + 25 * 72 / 25.4, textColumn = amountColumn + 30 * 72 / 25.4
        func column(_ page: Page, _ range: Range<Double>) -> String {
            page.runs.filter { range.contains($0.origin.x) }.map(\.text).joined()
        }
        #expect(pages.map { column($0, 0..<amountColumn) } == Array(repeating: "任务1", count: pages.count))
        #expect(pages.map { column($0, amountColumn..<textColumn) } == ["2,800,000.00"] + Array(repeating: "", count: pages.count - 1),
                "an amount printed twice would be counted twice")
    }

    @Test func furnitureAboveAndNotesBelowAndPageNumbers() throws {
        let title = FurnitureBlock("2024年县级部门整体预算绩效目标表", style: TextStyle(role: .hei, weight: .bold, size: 18, alignment: .center))
        let approval = FurnitureBlock("批复单位：东莞市财政局厚街分局", style: TextStyle(size: 10.5, alignment: .left))
        let note = FurnitureBlock("备注: 1. 本表的填报主体是县级一级预算单位。", style: TextStyle(size: 10, alignment: .left))
        let grid = indicatorGrid(groups: 2, subgroups: 3, rowsEach: 6)
        var pages = try engine.layout(TableDocument(above: [title, approval], grid: grid, below: [note]), on: spec)
        try engine.numberPages(&pages, range: pages.indices, spec: spec)
        #expect(pages[0].runs.first?.text == "2024年县级部门整体预算绩效目标表")
        #expect(pages.last?.text.contains("备注: 1.") == true)
        #expect(!pages.dropLast().contains { $0.text.contains("备注") })
        for (i, page) in pages.enumerated() {
            let footer = try #require(page.runs.last)
            #expect(footer.text == "第 \(i + 1) 页 共 \(pages.count) 页")
            #expect(footer.origin.y > spec.size.height - spec.margins.bottom)
        }
    }

    /// A heading kept with the row under it, where the two are too tall for one page together:
    /// the row starts under the heading and continues on the next page, rather than leave the
    /// heading alone at a page foot (with a label spanning both cut short beside it).
    @Test(arguments: [0.3, 0.5, 0.7])
    func aHeadingIsNeverLeftAloneAboveARowThatNearlyFillsAPage(_ filled: Double) throws {
        let label = TextStyle(size: 10.5, lineHeight: 1.3, alignment: .center)
        let body = TextStyle(size: 10.5, lineHeight: 1.35, alignment: .justify)
        var goal = ""
        while true {  // a goal just shorter than a page
            let next = goal + "推动全镇基层党组织建设全面进步、全面过硬。"
            let grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [GridRow([GridCell("目标", style: label), GridCell(next, style: body)])])
            if try engine.layout(TableDocument(grid: grid), on: spec).count > 1 { break }
            goal = next
        }
        let grid = TableGrid(columns: [.millimetres(25), .share(1)], rows: [
            GridRow([GridCell("部门名称", columnSpan: 2, style: label)], minHeight: spec.contentHeight * filled),
            GridRow([GridCell("其他需完成的任务(可选填)", rowSpan: 2, style: label), GridCell("期望达到的目标(概述)", style: label)],
                    isHeader: true, keepWithNext: true),
            GridRow([GridCell(goal, style: body, onPageBreak: .continueText)]),
        ])
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(checkInvariants: true))
        let headingPage = try #require(pages.firstIndex { $0.text.contains("期望达到的目标") })
        #expect(pages[headingPage].text.contains("推动全镇"), "the heading's page holds none of the row under it")
    }

    /// A note longer than a page flows on from page to page: every line printed, none below the margin.
    @Test func aNoteLongerThanAPageFlowsOverPages() throws {
        let sentences = (1...120).map { "第\($0)条：本表金额单位为万元，数据来源于部门预算批复。" }
        let note = FurnitureBlock("备注：" + sentences.joined(), style: TextStyle(size: 10, alignment: .justify))
        let pages = try engine.layout(TableDocument(grid: indicatorGrid(groups: 1, subgroups: 2, rowsEach: 4), below: [note]), on: spec)
        #expect(pages.count >= 2)
        let printed = pages.map(\.text).joined()
        for index in sentences.indices { #expect(printed.contains("第\(index + 1)条"), "sentence \(index + 1) is lost") }
        for page in pages {
            for run in page.runs { #expect(run.origin.y < spec.size.height - spec.margins.bottom) }
        }
    }

    /// Page numbers go on documents of several pages (forms.md): a one-page document has none,
    /// a one-page form among others has its own.
    @Test func aOnePageDocumentHasNoPageNumber() throws {
        var pages = try engine.layout(TableDocument(grid: indicatorGrid(groups: 1, subgroups: 1, rowsEach: 2)), on: spec)
        #expect(pages.count == 1)
        let before = pages[0].items.count
        try engine.numberPages(&pages, range: pages.indices, spec: spec)
        #expect(pages[0].items.count == before)
        try engine.numberPages(&pages, range: pages.indices, spec: spec, evenOne: true)
        #expect(pages[0].text.contains("第1页") || pages[0].text.contains("第 1 页"), "\(pages[0].runs.suffix(2).map(\.text))")
        var two = try engine.layout(TableDocument(grid: indicatorGrid(groups: 4, subgroups: 5, rowsEach: 10)), on: spec)
        try engine.numberPages(&two, range: two.indices, spec: spec)
        #expect(two[0].text.contains("第1页") || two[0].text.contains("第 1 页"), "\(two[0].runs.suffix(2).map(\.text))")
    }

    /// Short notes under the table never stand alone on a page: where they do not fit under
    /// the table, its last rows go with them (suixi's 备注 had page 8 to themselves). Nor does
    /// the last page hold one row alone, with notes or without (then suixi's 指标58), unless the
    /// row before is so tall that moving it would leave a quarter of its page empty.
    @Test func shortNotesKeepTheLastRowsWithThem() throws {
        let note = FurnitureBlock("备注：1. 本表的填报主体是县级一级预算单位。\n2. 本表在“三上”环节通过系统录入。",
                                  style: TextStyle(size: 10), spaceAfter: 2)
        var carried = 0, alone: [String] = []
        for rows in 20...60 {
            for below in [[note], []] {
                let document = TableDocument(grid: indicatorGrid(groups: 1, subgroups: 2, rowsEach: rows), below: below)
                let pages = try engine.layout(document, on: spec, options: TableLayoutOptions(checkInvariants: true))
                let last = try #require(pages.last)
                if !below.isEmpty { #expect(!pages.dropLast().contains { $0.text.contains("备注") }) }
                // A row's name begins on its first line.
                let rowsThere = last.runs.filter { run in SeedIndicators.rows.contains { $0.name.hasPrefix(run.text) } }.count
                #expect(rowsThere >= 1, "\(rows) rows each, \(below.count) notes: the notes alone on page \(pages.count)")
                if pages.count > 1, rowsThere == 1 { alone.append("\(rows) rows each, \(below.count) notes") }
                if pages.count > 1, rowsThere == 2 { carried += 1 }
            }
        }
        #expect(alone.count <= 1 && carried > 3, "one row alone on the last page: \(alone)")
    }

    /// The last row that goes to the notes' page takes the heading or header above it along:
    /// neither is left alone at the foot of a page.
    @Test func aHeadingGoesWithTheLastRowToTheNotes() throws {
        let note = FurnitureBlock("备注：1. 本表的填报主体是县级一级预算单位。\n2. 本表在“三上”环节通过系统录入。\n3. 第三条说明文字。",
                                  style: TextStyle(size: 10), spaceAfter: 2)
        func page(_ pages: [Page], _ text: String) throws -> Int { try #require(pages.firstIndex { $0.text.contains(text) }) }
        for n in 1...70 {
            var rows = (0..<n).map { GridRow([GridCell("第\($0)行", style: bodyStyle), GridCell("内容内容", style: bodyStyle)]) }
            rows.append(GridRow([GridCell("小标题", columnSpan: 2, style: labelStyle)], keepWithNext: true))
            rows.append(GridRow([GridCell("末行文字", style: bodyStyle), GridCell("末行内容", style: bodyStyle)]))
            let pages = try engine.layout(TableDocument(grid: TableGrid(columns: [.share(1), .share(2)], rows: rows), below: [note]),
                                          on: spec, options: TableLayoutOptions(checkInvariants: true))
            #expect(try page(pages, "小标题") == page(pages, "末行文字"), "\(n) rows: the heading is left alone")
        }
        // A header and its one row under text above that fills most of the first page.
        for n in stride(from: 200, through: 1400, by: 10) {
            let above = FurnitureBlock(String(repeating: "单位", count: n / 2), style: TextStyle(size: 10.5), source: "title")
            let rows = [GridRow([GridCell("表头一", style: labelStyle), GridCell("表头二", style: labelStyle)], isHeader: true),
                        GridRow([GridCell("唯一行", style: bodyStyle), GridCell(String(repeating: "内容", count: 30), style: bodyStyle)])]
            let document = TableDocument(above: [above], grid: TableGrid(columns: [.share(1), .share(2)], rows: rows), below: [note])
            let pages: [Page]
            do { pages = try engine.layout(document, on: spec, options: TableLayoutOptions(checkInvariants: true)) } catch TableError.tooMuchAboveTheTable {
                continue  // the text above leaves the table no room at all
            }
            #expect(try page(pages, "表头一") == page(pages, "唯一行"), "\(n) characters above: the header is left alone")
        }
    }

    /// A bottom margin lower than the page number is refused: the number would run into the
    /// table or off the page.
    @Test func aBottomMarginTooLowForThePageNumberIsRefused() throws {
        var low = spec
        low.margins.bottom = 3 * 72 / 25.4
        var pages = try engine.layout(TableDocument(grid: indicatorGrid(groups: 4, subgroups: 5, rowsEach: 10)), on: low)
        #expect(pages.count > 1)
        #expect(throws: TableError.pageTooSmall("the bottom margin (3 mm) is lower than the page numbers (5 mm)")) {
            try engine.numberPages(&pages, range: pages.indices, spec: low)
        }
        low.pageNumbers = .none
        try engine.numberPages(&pages, range: pages.indices, spec: low)
    }

    @Test func theRenderedPdfShowsTheRepeatedHeaderAndLabelsOnContinuationPages() throws {
        let grid = indicatorGrid(groups: 3, subgroups: 4, rowsEach: 6)
        var pages = try engine.layout(TableDocument(grid: grid), on: spec)
        try engine.numberPages(&pages, range: pages.indices, spec: spec)
        let folder = try ProcessInfo.processInfo.environment["FORMPRESS_TEST_OUTPUT"] ?? temporaryFolder()
        let path = folder + "/indicators.pdf"
        try CairoRenderer().writePDF(Document(pages: pages), to: path)
        let text = try Poppler.text(of: path, layout: true)
        let pageTexts = text.split(separator: "\u{0C}", omittingEmptySubsequences: true).map(String.init)
        #expect(pageTexts.count == pages.count)
        #expect(pages.count >= 2)
        for page in pageTexts.dropFirst() {
            let lines = page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // The first printed line of a continuation page is the repeated header row.
            #expect(lines.first?.contains("一级指标") == true, "continuation page starts with: \(lines.first ?? "")")
            #expect(lines.first?.contains("三级指标") == true)
            #expect(page.contains("绩效指标"))
            #expect(SeedIndicators.level1.contains { page.contains($0) })
        }
    }

    @Test func theDebugOverlayMarksEveryCellWithItsCoordinates() throws {
        let grid = indicatorGrid(groups: 1, subgroups: 2, rowsEach: 2)
        let pages = try engine.layout(TableDocument(grid: grid), on: spec, options: TableLayoutOptions(debugOverlay: true))
        let labels = pages[0].items.compactMap { item -> String? in
            if case let .debugLabel(text, _, _, _) = item { return text } else { return nil }
        }
        // 6 header cells (绩效指标 included), 1 一级, 2 二级, 4 × 3 三级 and value cells.
        #expect(labels.count == 6 + 1 + 2 + 12)
        #expect(labels.contains("r1c1") && labels.contains("r2c2") && labels.contains("r5c6"))
        let plain = try engine.layout(TableDocument(grid: grid), on: spec)
        #expect(!plain[0].items.contains { if case .debugLabel = $0 { return true } else { return false } })
    }
}
