/// A cell at its place in the grid.
struct PlacedCell {
    var cell: GridCell
    /// Index in the grid's list of cells (row-major), used to account for its lines.
    let id: Int
    let row: Int
    let column: Int
    var lastRow: Int { row + cell.rowSpan - 1 }
    var columns: Range<Int> { column..<column + cell.columnSpan }
    var rows: ClosedRange<Int> { row...lastRow }
    var spansRows: Bool { cell.rowSpan > 1 }
}

/// Puts each cell in the next free slot of its row, as HTML tables do, and checks that spans
/// neither overlap nor pass the grid's edge and that every row is filled.
enum GridPlacement {
    static func place(_ grid: TableGrid) throws -> [PlacedCell] {
        let columnCount = grid.columns.count
        var occupied = Array(repeating: Array(repeating: false, count: columnCount), count: grid.rows.count)
        var placed: [PlacedCell] = []
        for (r, row) in grid.rows.enumerated() {
            var c = 0
            for cell in row.cells {
                while c < columnCount, occupied[r][c] { c += 1 }
                guard cell.rowSpan >= 1, cell.columnSpan >= 1 else {
                    throw TableError.invalidSpan(row: r, column: c, source: cell.source)
                }
                guard c < columnCount else { throw TableError.rowOverfilled(row: r, source: cell.source) }
                guard c + cell.columnSpan <= columnCount, r + cell.rowSpan <= grid.rows.count else {
                    throw TableError.spanPastGrid(row: r, column: c, source: cell.source)
                }
                for rr in r..<r + cell.rowSpan {
                    for cc in c..<c + cell.columnSpan {
                        if occupied[rr][cc] { throw TableError.overlappingSpan(row: r, column: c, source: cell.source) }
                        occupied[rr][cc] = true
                    }
                }
                placed.append(PlacedCell(cell: cell, id: placed.count, row: r, column: c))
                c += cell.columnSpan
            }
            let filled = occupied[r].filter { $0 }.count
            guard filled == columnCount else { throw TableError.rowNotFilled(row: r, filled: filled, columns: columnCount) }
        }
        return placed
    }
}
