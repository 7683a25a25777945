/// A grid that cannot be laid out; each case says which cell (row and column, and its source).
public enum TableError: Error, Equatable, CustomStringConvertible {
    case overlappingSpan(row: Int, column: Int, source: String)
    case spanPastGrid(row: Int, column: Int, source: String)
    case rowNotFilled(row: Int, filled: Int, columns: Int)
    case rowOverfilled(row: Int, source: String)
    case invalidSpan(row: Int, column: Int, source: String)
    case invalidColumns(String)
    case pageTooSmall(String)
    /// The texts above the table leave no room for it on the first page; `source` is the
    /// tallest's (a JSON path).
    case tooMuchAboveTheTable(source: String)
    /// The engine's own checks failed: a bug, reported rather than drawn wrong.
    case invariantViolated(String)
    /// Warnings arose where the caller did not ask for them (use the `warnings:` variant).
    case unreportedWarnings([String])

    public var description: String {
        func cell(_ row: Int, _ column: Int, _ source: String) -> String {
            "cell at row \(row + 1), column \(column + 1)" + (source.isEmpty ? "" : " (\(source))")
        }
        switch self {
        case let .overlappingSpan(row, column, source):
            return "\(cell(row, column, source)) overlaps a cell spanning from a row above"
        case let .spanPastGrid(row, column, source):
            return "\(cell(row, column, source)) spans past the edge of the table"
        case let .rowNotFilled(row, filled, columns):
            return "row \(row + 1) fills \(filled) of \(columns) columns"
        case let .rowOverfilled(row, source):
            return "row \(row + 1) has more cells than columns" + (source.isEmpty ? "" : " (\(source))")
        case let .invalidSpan(row, column, source):
            return "\(cell(row, column, source)) has a span below 1"
        case let .invalidColumns(problem): return "columns: \(problem)"
        case let .pageTooSmall(problem): return "page: \(problem)"
        case let .tooMuchAboveTheTable(source):
            return (source.isEmpty ? "" : "\(source): ") + "the text above the table fills the first page, leaving no room for the table"
        case let .invariantViolated(problem):
            return "layout check failed: \(problem) (a fault in formpress, not in the input: please report it with this input)"
        case let .unreportedWarnings(warnings): return warnings.joined(separator: "; ")
        }
    }
}
