import Frames
import TextLayout

/// How pages are numbered at their foot.
public enum PageNumberStyle: String, Hashable, Sendable, Codable {
    case none
    /// 第 N 页 共 M 页
    case chinese
    /// — N — (GB/T 9704)
    case dashes

    func label(page: Int, of total: Int) -> String? {
        switch self {
        case .none: return nil
        case .chinese: return "第 \(page) 页 共 \(total) 页"
        case .dashes: return "— \(page) —"
        }
    }
}

/// The page a table is laid on: size, margins (the page number sits in the bottom margin).
public struct PageSpec: Hashable, Sendable {
    public var size: PageSize
    public var margins: Insets
    public var pageNumbers: PageNumberStyle
    public var pageNumberStyle: TextStyle

    public init(size: PageSize = .a4Portrait, margins: Insets = Insets(vertical: 56.7, horizontal: 51),
                pageNumbers: PageNumberStyle = .chinese,
                pageNumberStyle: TextStyle = TextStyle(size: 9, alignment: .center)) {
        self.size = size; self.margins = margins; self.pageNumbers = pageNumbers
        self.pageNumberStyle = pageNumberStyle
    }

    var contentWidth: Double { size.width - margins.horizontal }
    var contentHeight: Double { size.height - margins.vertical }
}

/// Text on a form's pages outside the table: a title, a year line, a "批复单位：…" line above
/// it; notes (备注) below it. No rules.
public struct FurnitureBlock: Hashable, Sendable {
    public var text: String
    public var style: TextStyle
    /// Space after the block, in points.
    public var spaceAfter: Double
    public var source: String
    public init(_ text: String, style: TextStyle, spaceAfter: Double = 6, source: String = "") {
        self.text = text; self.style = style; self.spaceAfter = spaceAfter; self.source = source
    }
}

/// One form as the table engine sees it: furniture above, the grid, furniture below.
public struct TableDocument: Hashable, Sendable {
    public var above: [FurnitureBlock]
    public var grid: TableGrid
    public var below: [FurnitureBlock]
    public init(above: [FurnitureBlock] = [], grid: TableGrid, below: [FurnitureBlock] = []) {
        self.above = above; self.grid = grid; self.below = below
    }
}
