import Fonts
import Frames
import TestSupport
import TextLayout
@testable import TableLayout

func makeTableEngine() throws -> TableLayoutEngine {
    TableLayoutEngine(text: try TextEngine(fonts: FontLibrary(fontsDirectory: nil)))
}

let labelStyle = TextStyle(size: 10.5, alignment: .center)
let bodyStyle = TextStyle(size: 10.5, alignment: .justify)

/// The columns of an indicator block: 绩效指标 | 一级 | 二级 | 三级 | two values.
let indicatorColumns: [ColumnWidth] = [.millimetres(18), .millimetres(22), .millimetres(24), .share(3), .share(2), .share(2)]

/// The indicator header row: 绩效指标 spans it and every indicator row below.
func indicatorHeader(spanning rows: Int) -> GridRow {
    GridRow([GridCell("绩效指标", rowSpan: rows + 1, style: labelStyle),
             GridCell("一级指标", style: labelStyle), GridCell("二级指标", style: labelStyle),
             GridCell("三级指标", style: labelStyle), GridCell("实施周期指标值", style: labelStyle),
             GridCell("年度指标值", style: labelStyle)], isHeader: true)
}

/// An indicator tree of `groups` 一级 × `subgroups` 二级 × `rowsEach` 三级 rows, as grid rows
/// (the 一级 and 二级 labels span their rows), under the header.
func indicatorGrid(groups: Int, subgroups: Int, rowsEach: Int, before: [GridRow] = []) -> TableGrid {
    let total = groups * subgroups * rowsEach
    var rows = before
    rows.append(indicatorHeader(spanning: total))
    var n = 0
    for g in 0..<groups {
        for s in 0..<subgroups {
            for r in 0..<rowsEach {
                let sample = SeedIndicators.rows[n % SeedIndicators.rows.count]
                var cells: [GridCell] = []
                if s == 0 && r == 0 {
                    cells.append(GridCell(SeedIndicators.level1[g % SeedIndicators.level1.count],
                                          rowSpan: subgroups * rowsEach, style: labelStyle, source: "indicators[\(g)]"))
                }
                if r == 0 {
                    cells.append(GridCell(SeedIndicators.level2[s % SeedIndicators.level2.count], rowSpan: rowsEach,
                                          style: labelStyle, source: "indicators[\(g)].children[\(s)]"))
                }
                cells += [GridCell(sample.name, style: bodyStyle), GridCell(sample.period, style: bodyStyle),
                          GridCell(sample.year, style: bodyStyle)]
                rows.append(GridRow(cells))
                n += 1
            }
        }
    }
    return TableGrid(columns: indicatorColumns, rows: rows)
}

extension Page {
    var runs: [GlyphRun] { items.compactMap { if case let .text(run) = $0 { return run } else { return nil } } }
    var rules: [Rule] { items.compactMap { if case let .rule(rule) = $0 { return rule } else { return nil } } }
    /// The page's text, run by run in drawing order.
    var text: String { runs.map(\.text).joined() }
}
