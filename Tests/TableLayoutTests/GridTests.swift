import Frames
import TestSupport
import Testing
import TextLayout
@testable import TableLayout

/// Placement, validation and sizing of grids built in code.
@Suite struct GridTests {
    let engine: TableLayoutEngine
    init() throws { engine = try makeTableEngine() }

    func cells(_ texts: [String]) -> [GridCell] { texts.map { GridCell($0, style: labelStyle) } }

    @Test func cellsFillFreeSlotsAroundRowSpans() throws {
        let grid = TableGrid(columns: [.share(1), .share(1), .share(1)], rows: [
            GridRow([GridCell("预算整体情况", rowSpan: 2, style: labelStyle)] + cells(["部门预算支出", "预算金额（万元）"])),
            GridRow(cells(["基本支出", "137.34"])),
            GridRow([GridCell("总体绩效目标", columnSpan: 3, style: labelStyle)]),
        ])
        let placed = try GridPlacement.place(grid)
        #expect(placed.map { [$0.row, $0.column] } == [[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 0]])
    }

    @Test(arguments: [
        // A cell lands where a span from above already is.
        ([GridRow([GridCell("a", rowSpan: 2), GridCell("b")]), GridRow([GridCell("c"), GridCell("d")])],
         "row 2 has more cells than columns"),
        ([GridRow([GridCell("a", rowSpan: 3), GridCell("b")]), GridRow([GridCell("c")])], "spans past the edge"),
        ([GridRow([GridCell("a", columnSpan: 3)])], "spans past the edge"),
        ([GridRow([GridCell("a")])], "row 1 fills 1 of 2 columns"),
        ([GridRow([GridCell("a"), GridCell("b", rowSpan: 0)])], "span below 1"),
    ])
    func badGridsNameTheCell(rows: [GridRow], message: String) throws {
        let grid = TableGrid(columns: [.share(1), .share(1)], rows: rows)
        #expect {
            try engine.layout(TableDocument(grid: grid), on: PageSpec())
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func overlappingSpansAreAnError() throws {
        let grid = TableGrid(columns: [.share(1), .share(1)], rows: [
            GridRow([GridCell("a", rowSpan: 2), GridCell("b", rowSpan: 2, source: "tasks[0]")]),
            GridRow([]),
        ])
        // Row 2 is wholly covered by spans: valid. Now make a later span run into them.
        #expect(throws: Never.self) { try GridPlacement.place(grid) }
        let bad = TableGrid(columns: [.share(1), .share(1)], rows: [
            GridRow([GridCell("a"), GridCell("b", rowSpan: 2)]),
            GridRow([GridCell("c", columnSpan: 2, source: "tasks[1]")]),
        ])
        #expect(throws: TableError.overlappingSpan(row: 1, column: 0, source: "tasks[1]")) { try GridPlacement.place(bad) }
    }

    @Test func rowsGrowToTheirContentAndSpansEnlargeTheirLastRow() throws {
        let long = SeedText.dalangSubsidyStandard
        let grid = TableGrid(columns: [.points(40), .points(200)], rows: [
            GridRow([GridCell("一级指标产出指标效益指标满意度指标", rowSpan: 2, style: labelStyle), GridCell("短", style: labelStyle)]),
            GridRow([GridCell("短", style: labelStyle)]),
            GridRow([GridCell("值", style: labelStyle), GridCell(long, style: bodyStyle)]),
        ], minRowHeight: 18)
        let sized = try SizedGrid(grid: grid, width: 400, pageHeight: 800, engine: engine.text)
        let padding = GridCell("").padding.vertical
        let oneLine = sized.blocks[1].height + padding  // "短": one line and padding
        #expect(sized.rowHeights[0] == max(18, oneLine))
        let spanNeed = sized.blocks[0].height + padding
        #expect(spanNeed > 2 * oneLine)
        #expect(abs(sized.rowHeights[0] + sized.rowHeights[1] - spanNeed) < 1e-9)
        #expect(abs(sized.rowHeights[2] - (sized.blocks[4].height + 6)) < 1e-9)
        #expect(sized.tableWidth == 240)
    }

    @Test func sharesDivideWhatFixedColumnsLeave() throws {
        let grid = TableGrid(columns: [.millimetres(25.4), .share(1), .share(3)], rows: [GridRow(cells(["a", "b", "c"]))])
        let sized = try SizedGrid(grid: grid, width: 472, pageHeight: 800, engine: engine.text)
        #expect(sized.columnEdges == [0, 72, 172, 472])
    }
}
