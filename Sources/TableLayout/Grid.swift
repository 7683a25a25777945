/// TableLayout: table grids cut into pages the way official forms are.
///
/// Takes a `TableGrid` (columns, rows of cells with spans and styles), page furniture and a
/// `PageSpec`; gives pages of positioned items (`Frames.Page`): cell rules, text laid out by
/// the text engine, header rows repeated on continuation pages, spanned labels drawn again
/// where a page break cuts them, rows too tall for a page split between lines of text.
/// It knows nothing of budgets.

import Frames
import TextLayout

/// A column's width: fixed, or a share of what the fixed columns leave.
public enum ColumnWidth: Hashable, Sendable {
    case points(Double)
    case millimetres(Double)
    /// A share of the width left after the fixed columns (shares are relative to each other).
    case share(Double)
}

/// Space inside a cell between its rules and its text, in points.
public struct Insets: Hashable, Sendable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double
    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
    public init(vertical: Double, horizontal: Double) {
        self.init(top: vertical, right: horizontal, bottom: vertical, left: horizontal)
    }
    public static let cell = Insets(vertical: 3, horizontal: 4)

    public var vertical: Double { top + bottom }
    public var horizontal: Double { left + right }
}

public enum VerticalAlignment: String, Hashable, Sendable, Codable {
    case top, middle, bottom
}

/// What a cell does when a page break cuts it: a cell spanning several rows, or a cell of a
/// row split between its lines.
public enum SpanBreak: Hashable, Sendable {
    /// A label (一级指标, 绩效指标, 总体绩效目标…): drawn again, whole, on the next page beside
    /// the rows or lines that continue (a label too tall for its part of a split row continues
    /// like text instead).
    case repeatLabel
    /// Text: its lines continue on the next page where they stopped.
    case continueText
}

/// One cell: its text and how it is set. Cells fill the free slots of their row left to right.
public struct GridCell: Hashable, Sendable {
    public var text: String
    public var rowSpan: Int
    public var columnSpan: Int
    public var style: TextStyle
    public var verticalAlignment: VerticalAlignment
    public var padding: Insets
    public var onPageBreak: SpanBreak
    /// Where the text comes from (a JSON path), for error messages.
    public var source: String

    public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1, style: TextStyle = TextStyle(),
                verticalAlignment: VerticalAlignment = .middle, padding: Insets = .cell,
                onPageBreak: SpanBreak = .repeatLabel, source: String = "") {
        self.text = text; self.rowSpan = rowSpan; self.columnSpan = columnSpan; self.style = style
        self.verticalAlignment = verticalAlignment; self.padding = padding
        self.onPageBreak = onPageBreak; self.source = source
    }
}

/// One row of the grid and how it behaves at page breaks.
public struct GridRow: Hashable, Sendable {
    public var cells: [GridCell]
    /// Repeats at the top of every continuation page while its block continues.
    public var isHeader: Bool
    /// Never the last row on a page (a block heading).
    public var keepWithNext: Bool
    /// Starts a new block: the header rows above no longer repeat, and header rows from here on
    /// are the new block's own.
    public var endsHeaderBlock: Bool
    public var minHeight: Double

    public init(_ cells: [GridCell], isHeader: Bool = false, keepWithNext: Bool = false,
                endsHeaderBlock: Bool = false, minHeight: Double = 0) {
        self.cells = cells; self.isHeader = isHeader; self.keepWithNext = keepWithNext
        self.endsHeaderBlock = endsHeaderBlock; self.minHeight = minHeight
    }
}

/// How the grid's rules are drawn.
public struct RuleStyle: Hashable, Sendable {
    public var inner: Double
    public var outer: Double
    public var drawn: Bool
    public init(inner: Double = 0.5, outer: Double = 1.0, drawn: Bool = true) {
        self.inner = inner; self.outer = outer; self.drawn = drawn
    }
}

/// A table: columns and rows of cells.
public struct TableGrid: Hashable, Sendable {
    public var columns: [ColumnWidth]
    public var rows: [GridRow]
    public var rules: RuleStyle
    public var minRowHeight: Double

    public init(columns: [ColumnWidth], rows: [GridRow], rules: RuleStyle = RuleStyle(), minRowHeight: Double = 18) {
        self.columns = columns; self.rows = rows; self.rules = rules; self.minRowHeight = minRowHeight
    }
}
