import Frames
import TextLayout

/// A line of a cell placed on a page, kept for the engine's own checks.
struct LinePlacement {
    let cell: Int
    let line: Int
    let isRepeat: Bool
}

/// Turns the rows of one table page into items: each cell's box (its segment of rows on the
/// page), its rules and the lines of its text that belong on this page.
struct TablePageDrawer {
    let sized: SizedGrid
    let origin: Point
    let debugOverlay: Bool

    func draw(_ page: TablePage, audit: inout LayoutAudit) -> [PageItem] {
        var text: [PageItem] = []
        var edges = RuleSet(rules: sized.grid.rules)
        var overlay: [PageItem] = []
        var drawn = Set<Int>()
        for placed in page.rows {
            for id in sized.cellsStartingIn[placed.row] + sized.spansCovering[placed.row] where !drawn.contains(id) {
                drawn.insert(id)
                let cell = sized.cells[id]
                let segment = page.rows.filter { cell.rows.contains($0.row) }
                guard let first = segment.first, let last = segment.last else { continue }
                let box = Rect(x: origin.x + sized.columnEdges[cell.column], y: origin.y + first.y,
                               width: sized.columnEdges[cell.columns.upperBound] - sized.columnEdges[cell.column],
                               height: last.y + last.height - first.y)
                edges.add(box)
                let (lines, isRepeat) = linesShown(of: cell, on: page, in: segment)
                text += place(cell, lines: lines, in: box, partial: lines != sized.allLines(id), repeat: isRepeat,
                              audit: &audit)
                if debugOverlay {
                    let blue = Color(red: 0.1, green: 0.4, blue: 0.9)
                    overlay.append(.outline(Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2),
                                            width: 0.3, color: blue))
                    overlay.append(.debugLabel("r\(cell.row + 1)c\(cell.column + 1)", at: Point(x: box.x + 2, y: box.y + 6),
                                               size: 5, color: blue))
                }
            }
        }
        return text + edges.items(tableBox: tableBox(page)) + overlay
    }

    private func tableBox(_ page: TablePage) -> Rect {
        Rect(x: origin.x, y: origin.y, width: sized.tableWidth, height: page.height)
    }

    /// Which lines of a cell this page shows, and whether they are a repeat.
    private func linesShown(of cell: PlacedCell, on page: TablePage, in segment: [PlacedRow]) -> (Range<Int>, Bool) {
        let all = sized.allLines(cell.id)
        if cell.spansRows {
            switch cell.cell.onPageBreak {
            case .repeatLabel:
                return (all, segment.first?.showsCellCut(at: cell.row) ?? false)
            case .continueText:
                return (page.continuingLines[cell.id] ?? all, false)
            }
        }
        let placed = segment[0]
        if placed.isRepeat || placed.repeatedLabels.contains(cell.id) { return (all, true) }
        return (placed.lines?[cell.id] ?? all, false)
    }

    private func place(_ cell: PlacedCell, lines: Range<Int>, in box: Rect, partial: Bool, repeat isRepeat: Bool,
                       audit: inout LayoutAudit) -> [PageItem] {
        guard !lines.isEmpty else { return [] }
        let block = sized.blocks[cell.id]
        let padding = cell.cell.padding
        let content = Rect(x: box.x + padding.left, y: box.y + padding.top,
                           width: box.width - padding.horizontal, height: box.height - padding.vertical)
        let textHeight = sized.height(of: cell.id, lines: lines) - padding.vertical
        var offset = 0.0
        if !partial {
            switch cell.cell.verticalAlignment {
            case .top: offset = 0
            case .middle: offset = max(0, (content.height - textHeight) / 2)
            case .bottom: offset = max(0, content.height - textHeight)
            }
        }
        let dy = content.y + offset - block.lines[lines.lowerBound].top
        var items: [PageItem] = []
        for index in lines {
            let line = block.lines[index]
            items += line.items.map { $0.offsetBy(dx: content.x, dy: dy) }
            audit.record(LinePlacement(cell: cell.id, line: index, isRepeat: isRepeat),
                         extent: Rect(x: content.x + line.left, y: dy + line.top, width: line.right - line.left,
                                      height: line.height),
                         box: box)
        }
        return items
    }
}

/// The rules of a page's cells, each edge once; edges on the table's outline drawn heavier.
struct RuleSet {
    let rules: RuleStyle
    private var horizontal = Set<Edge>()
    private var vertical = Set<Edge>()

    private struct Edge: Hashable {
        /// Fixed coordinate and span, rounded to 1/1000 pt so shared edges coincide.
        let at: Int, from: Int, to: Int
    }

    init(rules: RuleStyle) { self.rules = rules }

    private static func key(_ v: Double) -> Int { Int((v * 1000).rounded()) }

    mutating func add(_ box: Rect) {
        let (x0, x1, y0, y1) = (Self.key(box.x), Self.key(box.maxX), Self.key(box.y), Self.key(box.maxY))
        horizontal.insert(Edge(at: y0, from: x0, to: x1))
        horizontal.insert(Edge(at: y1, from: x0, to: x1))
        vertical.insert(Edge(at: x0, from: y0, to: y1))
        vertical.insert(Edge(at: x1, from: y0, to: y1))
    }

    /// The rules, each run of touching collinear edges of one weight drawn as one line.
    func items(tableBox: Rect) -> [PageItem] {
        guard rules.drawn else { return [] }
        let outline = (top: Self.key(tableBox.y), bottom: Self.key(tableBox.maxY),
                       left: Self.key(tableBox.x), right: Self.key(tableBox.maxX))
        func value(_ k: Int) -> Double { Double(k) / 1000 }
        var items: [PageItem] = []
        for edge in Self.merged(horizontal) {
            let width = edge.at == outline.top || edge.at == outline.bottom ? rules.outer : rules.inner
            items.append(.rule(Rule(start: Point(x: value(edge.from), y: value(edge.at)),
                                    end: Point(x: value(edge.to), y: value(edge.at)), width: width)))
        }
        for edge in Self.merged(vertical) {
            let width = edge.at == outline.left || edge.at == outline.right ? rules.outer : rules.inner
            items.append(.rule(Rule(start: Point(x: value(edge.at), y: value(edge.from)),
                                    end: Point(x: value(edge.at), y: value(edge.to)), width: width)))
        }
        return items
    }

    /// Edges on one line that touch or overlap joined into one, in a fixed order.
    private static func merged(_ edges: Set<Edge>) -> [Edge] {
        var result: [Edge] = []
        for edge in edges.sorted(by: { ($0.at, $0.from, $0.to) < ($1.at, $1.from, $1.to) }) {
            if let last = result.last, last.at == edge.at, edge.from <= last.to {
                result[result.count - 1] = Edge(at: last.at, from: last.from, to: max(last.to, edge.to))
            } else {
                result.append(edge)
            }
        }
        return result
    }
}