import TextLayout

/// A placed grid with its text laid out: column edges, row heights, every cell's text block.
struct SizedGrid {
    let grid: TableGrid
    let cells: [PlacedCell]
    let blocks: [TextBlock]
    /// Column edges from the table's left side: `columnEdges[c]` to `columnEdges[c + 1]`.
    let columnEdges: [Double]
    /// Row heights before page breaks (a cut spanned label may enlarge a row on its page).
    let rowHeights: [Double]
    /// Cells by the row they start in.
    let cellsStartingIn: [[Int]]
    /// Cells spanning several rows, by each row they cover.
    let spansCovering: [[Int]]

    /// `pageHeight`: a spanned label taller than half of it is not drawn again whole beside each
    /// part of its rows cut by a page break (it would leave them no room, or not fit at all):
    /// its lines continue from page to page, as a long text's do.
    init(grid: TableGrid, width: Double, pageHeight: Double, engine: TextEngine) throws {
        self.grid = grid
        var cells = try GridPlacement.place(grid)
        columnEdges = try SizedGrid.columnEdges(grid.columns, width: width)
        var blocks: [TextBlock] = []
        for placed in cells {
            let cell = placed.cell
            let textWidth = columnEdges[placed.columns.upperBound] - columnEdges[placed.column]
                - cell.padding.left - cell.padding.right
            guard textWidth > 0 else {
                throw TableError.invalidColumns("cell at row \(placed.row + 1), column \(placed.column + 1) has no room for text inside its padding")
            }
            blocks.append(try engine.layout(cell.text, style: cell.style, width: textWidth, source: cell.source))
        }
        self.blocks = blocks
        for id in cells.indices where cells[id].spansRows && cells[id].cell.onPageBreak == .repeatLabel
            && blocks[id].height + cells[id].cell.padding.vertical > pageHeight / 2 {
            cells[id].cell.onPageBreak = .continueText
        }
        self.cells = cells
        var starting = Array(repeating: [Int](), count: grid.rows.count)
        for placed in cells { starting[placed.row].append(placed.id) }
        cellsStartingIn = starting
        var covering = Array(repeating: [Int](), count: grid.rows.count)
        for placed in cells where placed.spansRows {
            for row in placed.rows { covering[row].append(placed.id) }
        }
        spansCovering = covering

        // Rows grow to their tallest one-row cell; a spanning cell that needs more than its
        // rows give enlarges the last of them (in a fixed order, so the result is deterministic).
        var heights = grid.rows.map { max(grid.minRowHeight, $0.minHeight) }
        for placed in cells where !placed.spansRows {
            heights[placed.row] = max(heights[placed.row], blocks[placed.id].height + placed.cell.padding.vertical)
        }
        for placed in cells.filter(\.spansRows).sorted(by: { ($0.lastRow, $0.id) < ($1.lastRow, $1.id) }) {
            let have = placed.rows.reduce(0) { $0 + heights[$1] }
            let need = blocks[placed.id].height + placed.cell.padding.vertical
            if need > have { heights[placed.lastRow] += need - have }
        }
        rowHeights = heights
    }

    /// Height a cell needs for lines `range` of its text, padding included.
    func height(of id: Int, lines range: Range<Int>) -> Double {
        let block = blocks[id]
        guard let first = range.first, range.count > 0 else { return cells[id].cell.padding.vertical }
        let last = block.lines[range.upperBound - 1]
        return last.top + last.height - block.lines[first].top + cells[id].cell.padding.vertical
    }

    /// All lines of a cell.
    func allLines(_ id: Int) -> Range<Int> { 0..<blocks[id].lines.count }

    var tableWidth: Double { columnEdges.last ?? 0 }

    private static func columnEdges(_ columns: [ColumnWidth], width: Double) throws -> [Double] {
        guard !columns.isEmpty else { throw TableError.invalidColumns("a table needs at least one column") }
        var fixed = 0.0, shares = 0.0
        for column in columns {
            switch column {
            case let .points(w): guard w > 0 else { throw TableError.invalidColumns("width \(w) pt") }; fixed += w
            case let .millimetres(w): guard w > 0 else { throw TableError.invalidColumns("width \(w) mm") }; fixed += w * 72 / 25.4
            case let .share(s): guard s > 0 else { throw TableError.invalidColumns("share \(s)") }; shares += s
            }
        }
        guard fixed <= width + 0.1 else {  // mm rounding
            throw TableError.invalidColumns("fixed widths (\(Int(fixed)) pt) exceed the page's \(Int(width)) pt")
        }
        if shares > 0, width - fixed < 1 { throw TableError.invalidColumns("no width left for shared columns") }
        var edges = [0.0]
        for column in columns {
            let w: Double
            switch column {
            case let .points(p): w = p
            case let .millimetres(mm): w = mm * 72 / 25.4
            case let .share(s): w = (width - fixed) * s / shares
            }
            edges.append(edges[edges.count - 1] + w)
        }
        return edges
    }
}
