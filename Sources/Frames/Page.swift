/// A straight line of a given width and colour, from `start` to `end`.
public struct Rule: Hashable, Sendable {
    public var start: Point
    public var end: Point
    public var width: Double
    public var color: Color
    public init(start: Point, end: Point, width: Double, color: Color = .black) {
        self.start = start; self.end = end; self.width = width; self.color = color
    }
}

/// One thing drawn on a page.
public enum PageItem: Hashable, Sendable {
    /// A line (cell borders).
    case rule(Rule)
    /// An outlined rectangle: the visible box that stands for a character no font has,
    /// and the cell boxes of a debug overlay.
    case outline(Rect, width: Double, color: Color)
    /// Text.
    case text(GlyphRun)
    /// A small label of the debug overlay, drawn by the backend in any face it has.
    case debugLabel(String, at: Point, size: Double, color: Color)

    /// The item moved by (dx, dy).
    public func offsetBy(dx: Double, dy: Double) -> PageItem {
        func move(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        func move(_ r: Rect) -> Rect { Rect(x: r.x + dx, y: r.y + dy, width: r.width, height: r.height) }
        switch self {
        case let .rule(rule):
            return .rule(Rule(start: move(rule.start), end: move(rule.end), width: rule.width, color: rule.color))
        case let .outline(rect, width, color): return .outline(move(rect), width: width, color: color)
        case let .text(run): return .text(run.offsetBy(dx: dx, dy: dy))
        case let .debugLabel(text, at, size, color): return .debugLabel(text, at: move(at), size: size, color: color)
        }
    }
}

/// A page: its size and what is drawn on it, in drawing order.
public struct Page: Hashable, Sendable {
    public var size: PageSize
    public var items: [PageItem]
    public init(size: PageSize, items: [PageItem] = []) { self.size = size; self.items = items }
}

/// What a PDF says about itself. A fixed `creationDate` makes the same input give the same bytes.
public struct DocumentInfo: Hashable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var creator: String
    /// ISO 8601, e.g. "2026-01-01T00:00:00".
    public var creationDate: String
    public init(title: String = "", author: String = "", subject: String = "",
                creator: String = "formpress", creationDate: String = "2000-01-01T00:00:00") {
        self.title = title; self.author = author; self.subject = subject
        self.creator = creator; self.creationDate = creationDate
    }
}

/// A bookmark (PDF outline entry) pointing at a page: one a form, all at the top level.
public struct Bookmark: Hashable, Sendable {
    public var title: String
    public var pageIndex: Int
    public init(title: String, pageIndex: Int) {
        self.title = title; self.pageIndex = pageIndex
    }
}

/// A laid-out document: what an exporter needs and nothing else.
public struct Document: Hashable, Sendable {
    public var pages: [Page]
    public var info: DocumentInfo
    public var bookmarks: [Bookmark]
    public init(pages: [Page], info: DocumentInfo = DocumentInfo(), bookmarks: [Bookmark] = []) {
        self.pages = pages; self.info = info; self.bookmarks = bookmarks
    }
}
